import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Select, Spin, Tabs, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useT } from "../i18n/context";
import { AppraisalView } from "./commission/AppraisalView";
import { ExportStatement } from "./commission/ExportStatement";
import { currentMonth, monthLabel, recentMonths } from "./commission/months";
import { Overview } from "./commission/Overview";
import { ReconcileView } from "./commission/ReconcileView";
import { TradesDrawer, type Drill } from "./commission/TradesDrawer";
import { useCommission } from "./commission/useCommission";

type CommissionTab = "overview" | "reconcile" | "appraisal";

/**
 * 佣金: the month's credit and pay with a forecast, 24 months beside head office's statements,
 * the trades behind every figure, and the reconciliation with the statement and its disputes.
 */
export function CommissionPanel() {
  const t = useT();
  // The months offered are fixed when the panel opens: the latest 24 up to this one.
  const [thisMonth] = useState(() => currentMonth());
  const months = useMemo(() => recentMonths(thisMonth), [thisMonth]);
  const [month, setMonth] = useState(thisMonth);
  const [tab, setTab] = useState<CommissionTab>("overview");
  const [drill, setDrill] = useState<Drill | null>(null);
  const { overview, reconciliation, history, setReconciliation, reload } = useCommission(month);

  const selectMonth = (next: string) => {
    if (months.includes(next)) setMonth(next);
  };

  const data = overview.data;
  const recon = reconciliation.data?.month === month ? reconciliation.data : null;
  const differences = recon?.statement ? recon.differences.length : 0;

  return (
    <div className="panel commission-panel" data-testid="commission-panel">
      <div className="panel-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("nav.commission")}
        </Typography.Title>
        <Select<string>
          value={month}
          onChange={selectMonth}
          options={months.map((m) => ({ value: m, label: monthLabel(t, m) }))}
          aria-label={t("commission.month")}
          style={{ width: 140 }}
          data-testid="commission-month"
        />
        {recon && (
          <Tag color={recon.statement ? "green" : "default"} data-testid="commission-statement-state">
            {t(recon.statement ? "commission.statementPublished" : "months.noStatement")}
          </Tag>
        )}
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={reload} data-testid="commission-refresh">
          {t("commission.refresh")}
        </Button>
        <ExportStatement month={month} />
      </div>

      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key === "reconcile" || key === "appraisal" ? key : "overview")}
        items={[
          {
            key: "overview",
            label: <span data-testid="commission-tab-overview">{t("commission.tab.overview")}</span>,
            children: (
              <div className="commission-pane">
                {overview.error && (
                  <Alert
                    type="error"
                    showIcon
                    title={t("commission.loadFailed")}
                    description={overview.error.message}
                    className="commission-alert"
                    data-testid="commission-error"
                  />
                )}
                {!data && overview.loading && (
                  <div className="drawer-loading">
                    <Spin />
                  </div>
                )}
                {data && (
                  <Spin spinning={overview.loading}>
                    <Overview
                      data={data}
                      ended={data.month < thisMonth}
                      history={history}
                      onSelectMonth={selectMonth}
                      onDrill={setDrill}
                    />
                  </Spin>
                )}
              </div>
            ),
          },
          {
            key: "reconcile",
            label: (
              <span data-testid="commission-tab-reconcile" className="commission-tab-label">
                {t("commission.tab.reconcile")}
                {differences > 0 && <Badge count={differences} size="small" color="orange" />}
              </span>
            ),
            children: (
              <div className="commission-pane">
                <ReconcileView view={reconciliation} onChange={setReconciliation} />
              </div>
            ),
          },
          {
            key: "appraisal",
            label: <span data-testid="commission-tab-appraisal">{t("appraisal.tab")}</span>,
            children: (
              <div className="commission-pane">
                <AppraisalView month={month} />
              </div>
            ),
          },
        ]}
      />
      <TradesDrawer month={month} drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
