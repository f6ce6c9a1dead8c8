// Month-end total assets over (up to) the last 24 months: an area under a line, with a
// compact 万/亿 axis and a tooltip giving the exact amount.

import { useId, useMemo, useState } from "react";
import { useT } from "../i18n/context";
import { formatFen } from "../lib/format";
import { ChartEmpty, ChartTooltip, useAxisStyle, ValueGrid } from "./ChartParts";
import { compactYuan, monthParts, monthTick } from "./format";
import { crisp, labelEvery, linear, niceTicks, textWidth } from "./scale";
import { useContainerWidth } from "./useContainerWidth";

export interface AssetTrendPoint {
  /** First day of the month, "YYYY-MM-DD". */
  month: string;
  /** Total assets at month end, integer fen. */
  totalAssets: number;
}

export interface AssetTrendChartProps {
  points: AssetTrendPoint[];
  /** Pixel height of the chart; 240 if not given. Width follows the container. */
  height?: number;
}

/** At most this many months are drawn: the latest ones. */
export const ASSET_TREND_MAX_MONTHS = 24;

const TOP = 12;
const RIGHT = 24;
const BOTTOM = 26;

export function AssetTrendChart({ points, height = 240 }: AssetTrendChartProps) {
  const t = useT();
  const { token, axisText } = useAxisStyle();
  const [ref, width] = useContainerWidth();
  const [hover, setHover] = useState<number | null>(null);
  const gradientId = `asset-trend-${useId().replace(/[^\w-]/g, "")}`;

  const data = useMemo(
    () =>
      points
        .filter((p) => Number.isFinite(p.totalAssets))
        .sort((a, b) => a.month.localeCompare(b.month))
        .slice(-ASSET_TREND_MAX_MONTHS),
    [points],
  );

  if (data.length === 0) {
    return <ChartEmpty height={height} text={t("charts.asset.empty")} testId="asset-trend-chart" />;
  }

  const values = data.map((p) => p.totalAssets);
  const min = Math.min(...values);
  const max = Math.max(...values);
  // Start at 0 unless that would flatten the line: for a steady account the movement is
  // the point, so the axis then zooms to the range and the area fades to the plot's foot.
  const ticks = niceTicks(min, max, 4, min <= 0 || min < max * 0.4);
  const tickLabels = ticks.map(compactYuan);
  const left = Math.max(40, ...tickLabels.map((l) => textWidth(l) + 14));
  const plotW = Math.max(1, width - left - RIGHT);
  const plotH = Math.max(1, height - TOP - BOTTOM);
  const bottom = TOP + plotH;
  const y = linear(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, bottom, TOP);
  const n = data.length;
  const x = (i: number) => left + (n === 1 ? plotW / 2 : (i * plotW) / (n - 1));
  const baseY = y(ticks[0] ?? 0);

  const line = data.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.totalAssets).toFixed(1)}`);
  const area = `${line.join("")}L${x(n - 1).toFixed(1)},${baseY}L${x(0).toFixed(1)},${baseY}Z`;
  const every = labelEvery(n, plotW, 46);

  const monthName = (month: string) => {
    const p = monthParts(month);
    return p.month ? t("charts.month", { year: p.year, month: Number(p.month) }) : month;
  };
  const first = data[0];
  const last = data[n - 1];
  const label = t("charts.asset.aria", {
    from: monthName(first?.month ?? ""),
    to: monthName(last?.month ?? ""),
    latest: formatFen(last?.totalAssets ?? 0),
  });
  const hovered = hover === null ? undefined : data[hover];

  return (
    <div ref={ref} data-testid="asset-trend-chart" style={{ position: "relative", width: "100%" }}>
      <svg
        role="img"
        aria-label={label}
        width={width}
        height={height}
        style={{ display: "block", overflow: "visible" }}
        onMouseLeave={() => setHover(null)}
      >
        <title>{label}</title>
        <defs>
          <linearGradient id={gradientId} x1="0" y1="0" x2="0" y2="1">
            <stop offset="0%" stopColor={token.colorPrimary} stopOpacity={0.22} />
            <stop offset="100%" stopColor={token.colorPrimary} stopOpacity={0.02} />
          </linearGradient>
        </defs>
        <ValueGrid ticks={ticks} labels={tickLabels} left={left} right={left + plotW} y={y} />
        {data.map((p, i) =>
          (n - 1 - i) % every === 0 ? (
            <text key={p.month} x={x(i)} y={bottom + 17} textAnchor="middle" style={axisText}>
              {monthTick(p.month)}
            </text>
          ) : null,
        )}
        <path d={area} fill={`url(#${gradientId})`} />
        <path
          d={line.join("")}
          fill="none"
          stroke={token.colorPrimary}
          strokeWidth={2}
          strokeLinejoin="round"
        />
        {hover !== null && hovered && (
          <line
            x1={crisp(x(hover))}
            x2={crisp(x(hover))}
            y1={TOP}
            y2={bottom}
            stroke={token.colorTextQuaternary}
            strokeDasharray="3 3"
            shapeRendering="crispEdges"
          />
        )}
        {data.map((p, i) =>
          i === hover || i === n - 1 ? (
            <circle
              key={p.month}
              cx={x(i)}
              cy={y(p.totalAssets)}
              r={i === hover ? 4.5 : 3.5}
              fill={token.colorPrimary}
              stroke={token.colorBgContainer}
              strokeWidth={2}
            />
          ) : null,
        )}
        {data.map((p, i) => {
          const half = n === 1 ? plotW / 2 : plotW / (n - 1) / 2;
          const x0 = Math.max(left, x(i) - half);
          const x1 = Math.min(left + plotW, x(i) + half);
          return (
            <rect
              key={p.month}
              data-testid="asset-trend-point"
              data-month={p.month}
              x={x0}
              y={TOP}
              width={Math.max(1, x1 - x0)}
              height={plotH}
              fill="transparent"
              onMouseEnter={() => setHover(i)}
            />
          );
        })}
      </svg>
      {hover !== null && hovered && (
        <ChartTooltip
          x={x(hover)}
          y={y(hovered.totalAssets)}
          containerWidth={width}
          testId="asset-trend-tooltip"
        >
          <div style={{ color: token.colorTextSecondary }}>{monthName(hovered.month)}</div>
          <div style={{ fontWeight: 600 }}>{formatFen(hovered.totalAssets)}</div>
        </ChartTooltip>
      )}
    </div>
  );
}
