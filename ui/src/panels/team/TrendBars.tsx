// A broker's last months of net commission as labelled bars: compact figure above, month below,
// the exact amount on hover.

import { theme } from "antd";
import type { TrendPoint } from "../../bindings/TrendPoint";
import { ChartEmpty } from "../../charts/ChartParts";
import { compactYuan, monthTick } from "../../charts/format";
import { linear } from "../../charts/scale";
import { useT } from "../../i18n/context";
import { formatFen } from "../../lib/format";

const BAND = 60;
const TOP = 18;
const BOTTOM = 20;

interface Props {
  points: TrendPoint[];
  /** Accessible name of the chart. */
  label: string;
  height?: number;
}

export function TrendBars({ points, label, height = 140 }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  if (points.length === 0) return <ChartEmpty height={height} text={t("team.trendEmpty")} testId="team-trend" />;

  const values = points.map((p) => p.net_commission);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const bottom = height - BOTTOM;
  const y = linear(lo, hi === lo ? lo + 1 : hi, bottom, TOP);
  const zero = y(0);
  const width = points.length * BAND;
  const barW = BAND * 0.55;

  return (
    <svg
      data-testid="team-trend"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className="team-trend"
    >
      <title>{label}</title>
      <line x1={0} x2={width} y1={zero} y2={zero} stroke={token.colorBorder} />
      {points.map((p, i) => {
        const v = p.net_commission;
        const top = Math.min(y(v), zero);
        const h = Math.max(1, Math.abs(zero - y(v)));
        const cx = (i + 0.5) * BAND;
        return (
          <g key={p.month} data-testid="team-trend-bar" data-month={p.month}>
            <title>{`${p.month.slice(0, 7)} ${formatFen(v)}`}</title>
            <rect
              x={cx - barW / 2}
              y={top}
              width={barW}
              height={h}
              rx={2}
              fill={v < 0 ? token.colorError : token.colorPrimary}
              opacity={i === points.length - 1 ? 1 : 0.65}
            />
            <text x={cx} y={top - 4} textAnchor="middle" fontSize={11} fill={token.colorTextSecondary}>
              {compactYuan(v)}
            </text>
            <text x={cx} y={height - 5} textAnchor="middle" fontSize={11} fill={token.colorTextSecondary}>
              {monthTick(p.month)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
