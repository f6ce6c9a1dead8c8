import { Badge, Button, Card, Empty, Typography } from "antd";
import type { BookAlert } from "../../bindings/BookAlert";
import { useT } from "../../i18n/context";
import { alertKeys } from "../../lib/alerts";
import { AlertClient } from "../reminders/AlertClient";
import { AlertKindTag, relativeDay } from "../reminders/tags";

interface Props {
  alerts: BookAlert[];
  /** How many the book raises in all (the card shows the most pressing). */
  total: number;
  today: string;
  onOpenClient: (clientId: string) => void;
  onShowAll: () => void;
}

/**
 * 客户提醒: deadlines, margin lines, new shares, expiries, outflows, birthdays and dormant clients,
 * most pressing first.
 */
export function AlertsCard({ alerts, total, today, onOpenClient, onShowAll }: Props) {
  const t = useT();
  const keyOf = alertKeys(alerts);
  return (
    <Card
      size="small"
      className="today-card"
      title={
        <span className="today-card-title">
          {t("today.alerts")}
          <Badge count={total} showZero overflowCount={999} color={total > 0 ? "#fa8c16" : "#94a3b8"} data-testid="today-alerts-count" />
        </span>
      }
      extra={
        total > alerts.length ? (
          <Button type="link" size="small" onClick={onShowAll} data-testid="today-alerts-more">
            {t("today.alertsMore", { count: total })}
          </Button>
        ) : null
      }
      data-testid="today-alerts"
    >
      {alerts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("today.alertsEmpty")} className="today-empty" />
      ) : (
        <ul className="alert-list">
          {alerts.map((a) => (
            <li key={keyOf(a)} className="alert-item" data-testid="today-alert" data-kind={a.kind}>
              <AlertKindTag kind={a.kind} />
              <AlertClient alert={a} onOpenClient={onOpenClient} className="alert-client" />
              <Typography.Text type="secondary" className="alert-reason" ellipsis={{ tooltip: a.reason }}>
                {a.reason}
              </Typography.Text>
              <span className="alert-due tabular">
                {a.due_on.slice(5)} · {relativeDay(t, a.due_on, today)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
