import { SyncOutlined } from "@ant-design/icons";
import { App, Badge, Button, Tooltip, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../api";
import type { Connection } from "../bindings/Connection";
import { useSyncNowRunner, useSyncStatus } from "../hooks/useSyncStatus";
import { useT } from "../i18n/context";
import type { MessageKey } from "../i18n/messages";
import { formatCount, formatDateTime } from "../lib/format";
import { Conflicts } from "./Conflicts";
import { Refusals } from "./Refusals";
import { UpdateOffer } from "./UpdateOffer";

const CONNECTION: Record<Connection, { badge: "success" | "error" | "default"; key: MessageKey }> = {
  online: { badge: "success", key: "status.online" },
  offline: { badge: "error", key: "status.offline" },
  unknown: { badge: "default", key: "status.unknown" },
};

/** The footer: connection, pending writes, last sync, last error, refusals, conflicts and 立即同步. */
export function StatusBar() {
  const t = useT();
  const { message } = App.useApp();
  const { status, update } = useSyncStatus();
  const [requesting, setRequesting] = useState(false);
  const syncing = requesting || (status?.syncing ?? false);
  const connection = CONNECTION[status?.connection ?? "unknown"];
  const progress = status?.syncing ? status.progress : null;

  const syncNow = () => {
    if (syncing) return;
    setRequesting(true);
    api.syncNow().then(
      (next) => {
        setRequesting(false);
        update(next);
      },
      (reason: unknown) => {
        setRequesting(false);
        void message.error(toIpcError(reason).message);
      },
    );
  };

  useSyncNowRunner(syncNow);

  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-connection" data-connection={status?.connection ?? "unknown"}>
        <Badge status={connection.badge} text={t(connection.key)} />
      </span>
      {status?.syncing && (
        <span className="tabular" data-testid="status-syncing">
          {progress
            ? t("status.syncingProgress", {
                applied: formatCount(progress.applied),
                total: formatCount(progress.total),
              })
            : t("status.syncing")}
        </span>
      )}
      <span className="tabular" data-testid="status-pending">
        {t("status.pending", { count: formatCount(status?.pending ?? 0) })}
      </span>
      <span className="tabular" data-testid="status-last-sync">
        {status?.last_sync_at
          ? t("status.lastSync", { time: formatDateTime(status.last_sync_at) })
          : t("status.neverSynced")}
      </span>
      <StatusMessage text={status?.last_error} type="danger" testId="status-error" />
      <StatusMessage text={status?.notice} type="warning" testId="status-notice" />
      <Refusals />
      <Conflicts />
      <span className="status-spacer" />
      {status?.update && <UpdateOffer offer={status.update} current={status.version} />}
      {status && (
        <Typography.Text type="secondary" className="tabular" data-testid="status-version">
          {t("status.version", { version: status.version })}
        </Typography.Text>
      )}
      <Button
        size="small"
        type="text"
        icon={<SyncOutlined spin={syncing} />}
        disabled={syncing}
        onClick={syncNow}
        data-testid="status-sync-now"
      >
        {t("status.syncNow")}
      </Button>
    </footer>
  );
}

/** One line of the status bar that may be long: cut to fit, whole in the tooltip. */
function StatusMessage({ text, type, testId }: { text?: string | null; type: "danger" | "warning"; testId: string }) {
  if (!text) return null;
  return (
    <Tooltip title={text}>
      <Typography.Text type={type} ellipsis className="status-error" data-testid={testId}>
        {text}
      </Typography.Text>
    </Tooltip>
  );
}
