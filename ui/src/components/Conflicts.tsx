import { WarningOutlined } from "@ant-design/icons";
import { App, Button, Space, Typography } from "antd";
import { Dialog } from "./Dialog";
import { useState } from "react";
import { toIpcError } from "../api";
import type { ConflictView } from "../bindings/ConflictView";
import { useConflicts } from "../hooks/useConflicts";
import { announceLocalWrite } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import type { MessageKey } from "../i18n/messages";
import { formatCount, formatDateTime } from "../lib/format";
import { useProfileText } from "../panels/profile/needsChoices";

const conflictKey = (c: ConflictView) => `${c.mutation_id}\u0000${c.field}`;

/**
 * The status bar's "N 个待处理冲突" and the list behind it, where the broker keeps their
 * own value or accepts head office's. Nothing shows while there are none.
 */
export function Conflicts() {
  const t = useT();
  const { message } = App.useApp();
  const { conflicts, resolve } = useConflicts();
  const [open, setOpen] = useState(false);
  const [resolving, setResolving] = useState<ReadonlySet<string>>(new Set());

  const setBusy = (key: string, busy: boolean) =>
    setResolving((prev) => {
      const next = new Set(prev);
      if (busy) next.add(key);
      else next.delete(key);
      return next;
    });

  const onResolve = (conflict: ConflictView, keepMine: boolean) => {
    const key = conflictKey(conflict);
    setBusy(key, true);
    resolve(conflict.mutation_id, conflict.field, keepMine).then(
      (remaining) => {
        setBusy(key, false);
        if (remaining.length === 0) setOpen(false);
        // Keeping mine queues the change again: the pending count has changed.
        if (keepMine)
          announceLocalWrite();
      },
      (reason: unknown) => {
        setBusy(key, false);
        void message.error(toIpcError(reason).message);
      },
    );
  };

  if (conflicts.length === 0) return null;
  return (
    <>
      <Button
        size="small"
        type="text"
        icon={<WarningOutlined />}
        onClick={() => setOpen(true)}
        className="status-conflicts"
        data-testid="status-conflicts"
      >
        {t("conflicts.count", { count: formatCount(conflicts.length) })}
      </Button>
      <Dialog
        open={open}
        title={t("conflicts.title")}
        footer={null}
        onCancel={() => setOpen(false)}
        width={640}
      >
        <div data-testid="conflicts-modal">
          <Typography.Paragraph type="secondary">{t("conflicts.hint")}</Typography.Paragraph>
          <div className="refusal-list">
            {conflicts.map((c) => (
              <ConflictItem
                key={conflictKey(c)}
                conflict={c}
                busy={resolving.has(conflictKey(c))}
                onResolve={(keepMine) => onResolve(c, keepMine)}
              />
            ))}
          </div>
        </div>
      </Dialog>
    </>
  );
}

interface ItemProps {
  conflict: ConflictView;
  busy: boolean;
  onResolve: (keepMine: boolean) => void;
}

function ConflictItem({ conflict, busy, onResolve }: ItemProps) {
  const t = useT();
  const text = useProfileText();

  const show = (value: string | null) => {
    if (value === null) return <Typography.Text type="secondary">{t("conflicts.empty")}</Typography.Text>;
    return text.value(conflict.field, value);
  };

  const values: Array<{ key: string; label: MessageKey; value: string | null }> = [
    { key: "mine", label: "conflicts.mine", value: conflict.mine },
    { key: "head-office", label: "conflicts.headOffice", value: conflict.head_office },
    { key: "before", label: "conflicts.before", value: conflict.before },
  ];

  return (
    <div className="conflict-item" data-testid="conflict-item">
      <div className="conflict-head">
        <Typography.Text strong data-testid="conflict-client">
          {conflict.client_name}
        </Typography.Text>
        <Typography.Text data-testid="conflict-field">
          {text.label(conflict.field)}
        </Typography.Text>
        <Typography.Text type="secondary" className="tabular">
          {t("conflicts.editedAt", { time: formatDateTime(conflict.created_at) })}
        </Typography.Text>
      </div>
      <div className="conflict-values">
        {values.map((v) => (
          <div key={v.key} className="conflict-value" data-testid={`conflict-${v.key}`}>
            <Typography.Text type="secondary" className="conflict-value-label">
              {t(v.label)}
            </Typography.Text>
            <div className="conflict-value-text">{show(v.value)}</div>
          </div>
        ))}
      </div>
      <Space>
        <Button
          size="small"
          type="primary"
          loading={busy}
          onClick={() => onResolve(true)}
          data-testid="conflict-keep-mine"
        >
          {t("conflicts.keepMine")}
        </Button>
        <Button size="small" disabled={busy} onClick={() => onResolve(false)} data-testid="conflict-accept">
          {t("conflicts.accept")}
        </Button>
      </Space>
    </div>
  );
}
