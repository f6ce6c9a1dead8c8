import { InfoCircleOutlined } from "@ant-design/icons";
import { Alert, Progress, Tag, Typography } from "antd";
import type { CommissionMonth } from "../../bindings/CommissionMonth";
import { percentText } from "../../charts";
import { useT } from "../../i18n/context";
import { formatCount, formatFen } from "../../lib/format";

interface Props {
  data: CommissionMonth;
  /** The month is over: the forecast is the month itself. */
  ended: boolean;
}

/** The month at a glance: credit, pay and its parts, progress to target, and where it ends. */
export function Headline({ data, ended }: Props) {
  const t = useT();
  const { pay, target } = data;
  const progress = target > 0 ? pay.credited / target : 0;

  return (
    <div data-testid="commission-headline">
      <div className="commission-kpis">
        <div className="commission-kpi commission-kpi-main" data-testid="headline-credited">
          <Typography.Text type="secondary">{t("headline.credited")}</Typography.Text>
          <div className="commission-kpi-value tabular">{formatFen(pay.credited)}</div>
          <Typography.Text type="secondary" className="commission-kpi-note tabular">
            {t("headline.trades", { count: formatCount(data.trades), threshold: formatFen(pay.threshold) })}
          </Typography.Text>
        </div>
        <div className="commission-kpi" data-testid="headline-total">
          <Typography.Text type="secondary">{t("headline.total")}</Typography.Text>
          <div className="commission-kpi-value tabular">{formatFen(pay.total)}</div>
          <Typography.Text type="secondary" className="commission-kpi-note tabular" data-testid="headline-breakdown">
            {t("headline.breakdown", {
              base: formatFen(pay.base),
              share: formatFen(pay.share),
              bonus: formatFen(pay.bonus),
              adjustments: formatFen(pay.adjustments),
            })}
            {pay.allowance !== 0 && t("headline.allowance", { allowance: formatFen(pay.allowance) })}
          </Typography.Text>
        </div>
        <div className="commission-kpi" data-testid="headline-target">
          <Typography.Text type="secondary">{t("headline.target")}</Typography.Text>
          {target > 0 ? (
            <>
              <div className="commission-kpi-value tabular">{percentText(progress, 1)}%</div>
              <Progress
                percent={Math.min(100, progress * 100)}
                showInfo={false}
                size="small"
                status={progress >= 1 ? "success" : "normal"}
                aria-label={t("headline.target")}
                style={{ margin: 0 }}
              />
              <Typography.Text type="secondary" className="commission-kpi-note tabular">
                {t("headline.targetOf", { target: formatFen(target) })}
              </Typography.Text>
            </>
          ) : (
            <div className="commission-kpi-empty">{t("headline.noTarget")}</div>
          )}
        </div>
        <div className="commission-kpi" data-testid="headline-forecast">
          <Typography.Text type="secondary">{t("headline.forecast")}</Typography.Text>
          {ended ? (
            <>
              <div className="commission-kpi-value">
                <Tag style={{ marginInlineEnd: 0 }} data-testid="headline-ended">
                  {t("headline.ended")}
                </Tag>
              </div>
              <Typography.Text type="secondary" className="commission-kpi-note tabular">
                {t("headline.endedDetail", { credited: formatFen(pay.credited), total: formatFen(pay.total) })}
              </Typography.Text>
            </>
          ) : (
            <>
              <div className="commission-kpi-value tabular">{formatFen(data.forecast_credited)}</div>
              <Typography.Text type="secondary" className="commission-kpi-note tabular">
                {t("headline.forecastTotal", { total: formatFen(data.forecast_total) })}
              </Typography.Text>
            </>
          )}
        </div>
      </div>
      {pay.segments.length > 1 && (
        <Alert
          type="info"
          showIcon
          icon={<InfoCircleOutlined />}
          className="commission-plan-change"
          data-testid="headline-plan-change"
          title={t("headline.planChange")}
          description={
            <ul className="commission-segments tabular">
              {pay.segments.map((s) => (
                <li key={`${s.plan_id}-${s.from}`}>
                  {t("headline.segment", { from: s.from, until: s.until, plan: s.plan_name })}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
