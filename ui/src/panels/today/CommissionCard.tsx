import { Card, Progress, Typography } from "antd";
import type { TodayCommission } from "../../bindings/TodayCommission";
import { percentText } from "../../charts";
import { useT } from "../../i18n/context";
import { formatFen } from "../../lib/format";
import { monthLabel } from "../commission/months";

/** 本月佣金: credit so far against the month's target, and the pay it makes. */
export function CommissionCard({ commission }: { commission: TodayCommission }) {
  const t = useT();
  const { credited, target, total } = commission;
  const progress = target > 0 ? credited / target : 0;
  return (
    <Card
      size="small"
      className="today-card today-commission"
      title={t("today.commission")}
      extra={<Typography.Text type="secondary">{monthLabel(t, commission.month)}</Typography.Text>}
      data-testid="today-commission"
    >
      <Typography.Text type="secondary" className="today-kpi-label">
        {t("today.credited")}
      </Typography.Text>
      <div className="today-kpi-value tabular" data-testid="today-credited">
        {formatFen(credited)}
      </div>
      {target > 0 ? (
        <>
          <Progress
            percent={Math.min(100, progress * 100)}
            showInfo={false}
            size="small"
            status={progress >= 1 ? "success" : "normal"}
            aria-label={t("today.progress", { pct: percentText(progress, 1) })}
            style={{ margin: 0 }}
          />
          <div className="today-kpi-note tabular" data-testid="today-target">
            <span>{t("today.target", { target: formatFen(target) })}</span>
            <span>{t("today.progress", { pct: percentText(progress, 1) })}</span>
          </div>
        </>
      ) : (
        <Typography.Text type="secondary" className="today-kpi-note">
          {t("today.noTarget")}
        </Typography.Text>
      )}
      <div className="today-pay" data-testid="today-pay">
        <Typography.Text type="secondary">{t("today.payTotal")}</Typography.Text>
        <span className="today-pay-value tabular">{formatFen(total)}</span>
      </div>
    </Card>
  );
}
