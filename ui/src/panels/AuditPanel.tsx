import { ReloadOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
import { api, toIpcError } from "../api";
import type { AccessLogEntry } from "../bindings/AccessLogEntry";
import type { IpcError } from "../bindings/IpcError";
import { AccessLogTable } from "../components/AccessLogTable";
import { useSyncStatusEvents } from "../hooks/useSyncStatus";
import { useClientDrawer } from "../components/ClientDrawer";
import { useT } from "../i18n/context";
import { formatCount } from "../lib/format";

/** 访问审计: every reveal and export on this desk, and whether head office has received it. */
export function AuditPanel() {
  const t = useT();
  const [entries, setEntries] = useState<AccessLogEntry[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [reloads, setReloads] = useState(0);
  const drawer = useClientDrawer();
  const wasSyncing = useRef(false);

  useEffect(() => {
    let active = true;
    api.accessLog().then(
      (list) => {
        if (!active) return;
        setEntries(list);
        setError(null);
      },
      (reason: unknown) => {
        if (active) setError(toIpcError(reason));
      },
    );
    return () => {
      active = false;
    };
  }, [reloads]);

  // A sync reports pending entries to head office.
  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const pending = entries?.filter((e) => e.pending).length ?? 0;

  return (
    <div className="panel" data-testid="audit-panel">
      <div className="panel-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          <SafetyCertificateOutlined /> {t("audit.title")}
        </Typography.Title>
        {entries && (
          <Typography.Text type="secondary" className="tabular">
            {t("audit.count", { count: formatCount(entries.length) })}
          </Typography.Text>
        )}
        {pending > 0 && (
          <Typography.Text type="warning" className="tabular" data-testid="audit-pending">
            {t("audit.pendingCount", { count: formatCount(pending) })}
          </Typography.Text>
        )}
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={() => setReloads((n) => n + 1)} data-testid="audit-refresh">
          {t("audit.refresh")}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t("access.hint")}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("audit.loadFailed")}
          description={error.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <AccessLogTable
        entries={entries ?? []}
        loading={entries === null && error === null}
        rowTestId="audit-entry"
        showClient
        onOpenClient={drawer.open}
      />
    </div>
  );
}
