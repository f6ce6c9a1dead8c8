import { ReloadOutlined, ScheduleOutlined } from "@ant-design/icons";
import { Alert, Breadcrumb, Button, Empty, Spin, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import type { TeamDashboard } from "../../bindings/TeamDashboard";
import { useT } from "../../i18n/context";
import { formatDateTime } from "../../lib/format";
import { brokersOf } from "../../lib/team";
import { monthLabel } from "../commission/months";
import { AssignTaskModal } from "./AssignTaskModal";
import { BrokerView } from "./BrokerView";
import { KpiCards } from "./KpiCards";
import { TeamTable } from "./TeamTable";
import { brokerKey, TeamTree, unitKey } from "./TeamTree";
import { useTeam } from "./useTeam";

interface UnitViewProps {
  dashboard: TeamDashboard;
  onOpenUnit: (id: string) => void;
  onOpenBroker: (id: string) => void;
}

/** A unit: where it sits, its month at a glance and its direct reports. */
function UnitView({ dashboard, onOpenUnit, onOpenBroker }: UnitViewProps) {
  const t = useT();
  const last = dashboard.path.length - 1;
  return (
    <div className="team-unit" data-testid="team-unit">
      <div className="team-view-head">
        <Breadcrumb
          aria-label={t("team.breadcrumb")}
          items={dashboard.path.map((p, i) => ({
            key: p.id,
            title:
              i === last ? (
                <span data-testid="team-crumb" data-id={p.id}>
                  {p.name}
                </span>
              ) : (
                <a
                  href="#"
                  data-testid="team-crumb"
                  data-id={p.id}
                  onClick={(e) => {
                    e.preventDefault();
                    onOpenUnit(p.id);
                  }}
                >
                  {p.name}
                </a>
              ),
          }))}
        />
        <div className="team-view-title">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="team-unit-name">
            {dashboard.unit_name}
          </Typography.Title>
          <Tag className="tabular" data-testid="team-month">
            {monthLabel(t, dashboard.month)}
          </Tag>
        </div>
      </div>
      <KpiCards figures={dashboard.totals} coverageDays={dashboard.coverage_days} unit testId="team-totals" />
      <TeamTable dashboard={dashboard} onOpenUnit={onOpenUnit} onOpenBroker={onOpenBroker} />
    </div>
  );
}

/**
 * 团队概况, for team leads and branch managers: the org tree beside a unit's figures and its direct
 * reports (drilling down to any depth), one broker read-only, and tasks assigned to brokers. Read
 * from the desk's cache, so it shows offline with the time the data was taken.
 */
export function TeamOverview() {
  const t = useT();
  const team = useTeam();
  const [assigning, setAssigning] = useState(false);
  const { dashboard, broker, view } = team;
  const brokers = useMemo(() => (dashboard ? brokersOf(dashboard.tree) : []), [dashboard]);

  const showBroker = view.kind === "broker" && broker !== null;
  const takenAt = showBroker ? broker.taken_at : dashboard?.taken_at;
  const selectedKey = showBroker ? brokerKey(broker.broker_id) : dashboard ? unitKey(dashboard.unit_id) : null;

  return (
    <div className="team-overview" data-testid="team-overview">
      <div className="panel-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("team.title")}
        </Typography.Title>
        <span className="toolbar-spacer" />
        {takenAt && (
          <Typography.Text type="secondary" className="tabular" data-testid="team-taken-at">
            {t("team.takenAt", { time: formatDateTime(takenAt) })}
          </Typography.Text>
        )}
        <Button icon={<ReloadOutlined />} loading={team.refreshing} onClick={team.refresh} data-testid="team-refresh">
          {t("team.refresh")}
        </Button>
        <Button
          type="primary"
          icon={<ScheduleOutlined />}
          disabled={brokers.length === 0}
          onClick={() => setAssigning(true)}
          data-testid="team-assign"
        >
          {t("team.assign")}
        </Button>
      </div>

      {team.offline && (
        <Alert
          type="warning"
          showIcon
          className="team-alert"
          title={takenAt ? t("team.offline", { time: formatDateTime(takenAt) }) : t("team.offlineEmpty")}
          data-testid="team-offline"
        />
      )}
      {team.error && (
        <Alert
          type="error"
          showIcon
          className="team-alert"
          title={t(team.error.during === "refresh" ? "team.refreshFailed" : "team.loadFailed")}
          description={team.error.error.message}
          data-testid="team-error"
        />
      )}
      {team.missing && (
        <Alert type="info" showIcon className="team-alert" title={t("team.notCached")} data-testid="team-missing" />
      )}

      {!dashboard && (
        <div className="team-empty" data-testid="team-empty">
          {team.loaded ? (
            <Spin spinning={team.refreshing}>
              <Empty description={t("team.empty")} />
            </Spin>
          ) : (
            <Spin />
          )}
        </div>
      )}
      {dashboard && (
        <div className="team-body">
          <TeamTree
            tree={dashboard.tree}
            selected={selectedKey}
            onOpen={(target) => (target.kind === "unit" ? team.openUnit(target.id) : team.openBroker(target.id))}
          />
          <div className="team-main">
            {showBroker ? (
              <BrokerView broker={broker} onBack={team.openUnit} />
            ) : (
              <UnitView dashboard={dashboard} onOpenUnit={team.openUnit} onOpenBroker={team.openBroker} />
            )}
          </div>
        </div>
      )}

      <AssignTaskModal
        open={assigning}
        brokers={brokers}
        preselect={showBroker ? [broker.broker_id] : []}
        onClose={() => setAssigning(false)}
        onAssigned={() => {
          setAssigning(false);
          team.reload();
        }}
      />
    </div>
  );
}
