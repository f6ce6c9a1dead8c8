import { ArrowLeftOutlined, LockOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Tag, Typography } from "antd";
import type { BrokerDashboard } from "../../bindings/BrokerDashboard";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { monthLabel } from "../commission/months";
import { OpenComplaints, OverdueList, SatisfactionTrend, TierCoverageTable, TopClients } from "./BrokerTables";
import { KpiCards } from "./KpiCards";
import { TrendBars } from "./TrendBars";

interface Props {
  broker: BrokerDashboard;
  /** Back to the broker's unit. */
  onBack: (unitId: string) => void;
}

/**
 * One broker of the lead's subtree, read-only: the month's figures, six months of net commission,
 * coverage by tier, the largest clients (masked, with no way to reveal) and what is overdue.
 */
export function BrokerView({ broker, onBack }: Props) {
  const t = useT();
  return (
    <div className="team-broker" data-testid="team-broker">
      <div className="team-view-head">
        <Button
          type="link"
          size="small"
          icon={<ArrowLeftOutlined />}
          className="link-button"
          onClick={() => onBack(broker.unit_id)}
          data-testid="team-back"
        >
          {t("team.back", { unit: broker.unit_name })}
        </Button>
        <div className="team-view-title">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="team-broker-name">
            {broker.broker_name}
          </Typography.Title>
          <Typography.Text type="secondary">{t("team.brokerOf", { unit: broker.unit_name })}</Typography.Text>
          <Tag className="tabular">{monthLabel(t, broker.month)}</Tag>
          <Typography.Text type="secondary" className="tabular" data-testid="team-broker-taken-at">
            {t("team.takenAt", { time: formatDateTime(broker.taken_at) })}
          </Typography.Text>
        </div>
      </div>

      <Alert
        type="info"
        showIcon
        icon={<LockOutlined />}
        title={t("team.readOnly")}
        className="team-readonly"
        data-testid="team-readonly"
      />

      <KpiCards figures={broker.figures} coverageDays={broker.coverage_days} testId="team-broker-figures" />

      <div className="team-grid">
        <Card size="small" title={t("team.trend")}>
          <div className="team-trend-box">
            <TrendBars points={broker.trend} label={t("team.trendAria", { name: broker.broker_name, count: broker.trend.length })} />
          </div>
        </Card>
        <Card size="small" title={t("team.coverageByTier", { days: broker.coverage_days })}>
          <TierCoverageTable coverage={broker.figures.coverage} />
        </Card>
      </div>

      <Card size="small" title={t("team.topClients")}>
        <TopClients clients={broker.top_clients} />
      </Card>
      <Card
        size="small"
        title={
          <span>
            {t("team.overdue")}
            {broker.overdue.length > 0 && (
              <Tag color="red" className="team-count-tag">
                {broker.overdue.length}
              </Tag>
            )}
          </span>
        }
      >
        <OverdueList items={broker.overdue} />
      </Card>
      <Card
        size="small"
        title={
          <span>
            {t("team.complaints")}
            {broker.open_complaints.length > 0 && (
              <Tag color="orange" className="team-count-tag">
                {broker.open_complaints.length}
              </Tag>
            )}
          </span>
        }
      >
        <OpenComplaints items={broker.open_complaints} />
      </Card>
      <Card size="small" title={t("team.satisfaction")}>
        <SatisfactionTrend points={broker.satisfaction} />
      </Card>
    </div>
  );
}
