import { CloudSyncOutlined } from "@ant-design/icons";
import { Progress, Typography } from "antd";
import type { SyncStatus } from "../bindings/SyncStatus";
import { useT } from "../i18n/context";
import { formatCount } from "../lib/format";

/** Shown while the first sync fills an empty local book. */
export function FirstSyncPanel({ status }: { status: SyncStatus | null }) {
  const t = useT();
  const progress = status?.progress ?? null;
  const percent =
    progress && progress.total > 0
      ? Math.min(100, Math.floor((progress.applied / progress.total) * 100))
      : 0;
  return (
    <div className="first-sync" data-testid="sync-progress">
      <div className="first-sync-inner">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <CloudSyncOutlined style={{ color: "#1d4ed8", marginInlineEnd: 8 }} />
          {t("sync.firstTitle")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("sync.firstHint")}</Typography.Paragraph>
        <Progress
          percent={percent}
          status="active"
          showInfo
          aria-label={t("sync.firstTitle")}
        />
        <Typography.Text className="tabular" data-testid="sync-progress-text">
          {progress
            ? t("sync.progress", {
                applied: formatCount(progress.applied),
                total: formatCount(progress.total),
              })
            : t("sync.preparing")}
        </Typography.Text>
      </div>
    </div>
  );
}
