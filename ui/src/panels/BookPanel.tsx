import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Spin, Typography } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { api, toIpcError } from "../api";
import type { ContributionReport } from "../bindings/ContributionReport";
import type { IpcError } from "../bindings/IpcError";
import type { TierReport } from "../bindings/TierReport";
import { ParetoChart, percentText } from "../charts";
import { useSyncStatusEvents } from "../hooks/useSyncStatus";
import { useClientDrawer } from "../components/ClientDrawer";
import { useT } from "../i18n/context";
import { formatCount, formatFen } from "../lib/format";
import { ContributionTable } from "./book/ContributionTable";
import { TierTable } from "./book/TierTable";

interface Reports {
  contribution: ContributionReport;
  tiers: TierReport;
}

/** "前 36 位客户（占 18%）贡献了 80% 的净佣金", or null when nobody contributed. */
export function useHeadline(report: ContributionReport | null): string | null {
  const t = useT();
  if (!report || report.total <= 0 || report.clients.length === 0) return null;
  const share = report.clients_for_80 / report.clients.length;
  return t("book.headline", {
    count: formatCount(report.clients_for_80),
    pct: percentText(share, share < 0.1 ? 1 : 0),
  });
}

/** 客户贡献: the 80/20 of net commission over 12 months, the ranking, and clients by tier. */
export function BookPanel() {
  const t = useT();
  const [reports, setReports] = useState<Reports | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [reloads, setReloads] = useState(0);
  const drawer = useClientDrawer();
  const wasSyncing = useRef(false);

  useEffect(() => {
    let active = true;
    Promise.all([api.contribution(), api.tierReport()]).then(
      ([contribution, tiers]) => {
        if (!active) return;
        setReports({ contribution, tiers });
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

  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const contribution = reports?.contribution ?? null;
  const headline = useHeadline(contribution);
  const bars = useMemo(
    () => (contribution ? contribution.clients.map((c) => ({ label: c.name, value: c.net_commission })) : []),
    [contribution],
  );

  return (
    <div className="panel book-panel" data-testid="book-panel">
      <div className="panel-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("book.title")}
        </Typography.Title>
        {contribution && (
          <Typography.Text type="secondary" className="tabular">
            {t("book.since", { since: contribution.since })}
          </Typography.Text>
        )}
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={() => setReloads((n) => n + 1)} data-testid="book-refresh">
          {t("book.refresh")}
        </Button>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("book.loadFailed")}
          description={error.message}
          style={{ marginBottom: 12 }}
          data-testid="book-error"
        />
      )}
      {!reports && !error && (
        <div className="drawer-loading">
          <Spin />
        </div>
      )}
      {reports && contribution && (
        <>
          <div className="book-kpis">
            <div className="book-kpi">
              <Typography.Text type="secondary">{t("book.total")}</Typography.Text>
              <div className="book-kpi-value tabular" data-testid="book-total">
                {formatFen(contribution.total)}
              </div>
            </div>
            <div className="book-kpi">
              <Typography.Text type="secondary">{t("book.clients")}</Typography.Text>
              <div className="book-kpi-value tabular">
                {formatCount(contribution.clients.filter((c) => c.net_commission > 0).length)}
              </div>
            </div>
            <div className="book-kpi book-headline" data-testid="book-headline">
              {headline ?? t("book.empty")}
            </div>
          </div>
          <div className="book-grid">
            <Card size="small" title={t("charts.pareto.title")}>
              <ParetoChart bars={bars} height={260} />
            </Card>
            <Card size="small" title={t("tiers.title")}>
              <TierTable report={reports.tiers} />
            </Card>
          </div>
          <Card size="small" title={t("book.top")} className="book-ranking">
            <ContributionTable report={contribution} onOpenClient={drawer.open} />
          </Card>
        </>
      )}
    </div>
  );
}
