import { ExclamationCircleOutlined } from "@ant-design/icons";
import { App, Button, Typography } from "antd";
import { Dialog } from "./Dialog";
import { useState } from "react";
import { toIpcError } from "../api";
import type { RefusalNotice } from "../bindings/RefusalNotice";
import { useRefusals } from "../hooks/useRefusals";
import { useT } from "../i18n/context";
import { formatCount, formatDateTime } from "../lib/format";

/**
 * The status bar's "N 条变更被总部拒绝" and the list behind it. Nothing shows while there
 * are none.
 */
export function Refusals() {
  const t = useT();
  const { message } = App.useApp();
  const { refusals, dismiss } = useRefusals();
  const [open, setOpen] = useState(false);
  const [dismissing, setDismissing] = useState<ReadonlySet<string>>(new Set());

  const setBusy = (id: string, busy: boolean) =>
    setDismissing((prev) => {
      const next = new Set(prev);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });

  const onDismiss = (id: string) => {
    setBusy(id, true);
    dismiss(id).then(
      (remaining) => {
        setBusy(id, false);
        if (remaining.length === 0) setOpen(false);
      },
      (reason: unknown) => {
        setBusy(id, false);
        void message.error(toIpcError(reason).message);
      },
    );
  };

  if (refusals.length === 0) return null;
  return (
    <>
      <Button
        size="small"
        type="text"
        danger
        icon={<ExclamationCircleOutlined />}
        onClick={() => setOpen(true)}
        className="status-refusals"
        data-testid="status-refusals"
      >
        {t("refusals.count", { count: formatCount(refusals.length) })}
      </Button>
      <Dialog
        open={open}
        title={t("refusals.title")}
        footer={null}
        onCancel={() => setOpen(false)}
        width={560}
      >
        <Typography.Paragraph type="secondary">{t("refusals.hint")}</Typography.Paragraph>
        <div className="refusal-list" data-testid="refusal-list">
          {refusals.map((r) => (
            <RefusalItem
              key={r.mutation_id}
              refusal={r}
              busy={dismissing.has(r.mutation_id)}
              onDismiss={() => onDismiss(r.mutation_id)}
            />
          ))}
        </div>
      </Dialog>
    </>
  );
}

interface ItemProps {
  refusal: RefusalNotice;
  busy: boolean;
  onDismiss: () => void;
}

function RefusalItem({ refusal, busy, onDismiss }: ItemProps) {
  const t = useT();
  return (
    <div className="refusal-item" data-testid="refusal-item">
      <div className="refusal-body">
        <Typography.Text strong className="refusal-summary">
          {refusal.summary}
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">{t("refusals.reason")}</Typography.Text>
          <Typography.Text type="danger" data-testid="refusal-reason">
            {refusal.reason}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary" className="tabular">
          {t("refusals.refusedAt", { time: formatDateTime(refusal.refused_at) })}
        </Typography.Text>
      </div>
      <Button size="small" loading={busy} onClick={onDismiss} data-testid="refusal-dismiss">
        {t("refusals.dismiss")}
      </Button>
    </div>
  );
}
