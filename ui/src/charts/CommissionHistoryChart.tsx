// A broker's months side by side: the desk's figure as bars, head office's statement total as a
// tick across the bar once published. The selected month stands out; a click selects another.

import { useState } from "react";
import type { MonthFigure } from "../bindings/MonthFigure";
import { useT } from "../i18n/context";
import { formatFen, formatSignedFen } from "../lib/format";
import { ChartEmpty, ChartTooltip, useAxisStyle, ValueGrid } from "./ChartParts";
import { compactYuan, monthParts, monthTick } from "./format";
import { crisp, labelEvery, linear, niceTicks, textWidth } from "./scale";
import { useContainerWidth } from "./useContainerWidth";

export type MonthMetric = "total" | "credited";

export interface CommissionHistoryChartProps {
  /** Oldest first, as `commission_history` answers. */
  months: MonthFigure[];
  /** Bars of pay (with head office's totals beside) or of credited net commission. */
  metric: MonthMetric;
  /** The month shown in the panel ("YYYY-MM-01"), drawn solid. */
  selected: string | null;
  onSelect?: (month: string) => void;
  /** Pixel height; 220 if not given. */
  height?: number;
}

/** Head office's marks: amber, like the Pareto chart's cumulative line. */
export const OFFICIAL_COLOR = "#f59e0b";

const TOP = 10;
const RIGHT = 12;
const BOTTOM = 26;

export function CommissionHistoryChart({
  months,
  metric,
  selected,
  onSelect,
  height = 220,
}: CommissionHistoryChartProps) {
  const t = useT();
  const { token, axisText } = useAxisStyle();
  const [ref, width] = useContainerWidth();
  const [hover, setHover] = useState<number | null>(null);

  if (months.length === 0) {
    return <ChartEmpty height={height} text={t("months.empty")} testId="commission-history-chart" />;
  }

  const value = (m: MonthFigure) => (metric === "total" ? m.total : m.credited);
  const official = (m: MonthFigure) => (metric === "total" ? m.official_total : null);
  const all = months.flatMap((m) => {
    const o = official(m);
    return o === null ? [value(m)] : [value(m), o];
  });
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 4);
  const tickLabels = ticks.map(compactYuan);
  const left = Math.max(40, ...tickLabels.map((l) => textWidth(l) + 14));
  const plotW = Math.max(1, width - left - RIGHT);
  const plotH = Math.max(1, height - TOP - BOTTOM);
  const bottom = TOP + plotH;
  const y = linear(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, bottom, TOP);
  const zeroY = y(0);
  const n = months.length;
  const band = plotW / n;
  const barW = Math.max(2, band * 0.62);
  const center = (i: number) => left + (i + 0.5) * band;
  const every = labelEvery(n, plotW, 40);

  const monthName = (month: string) => {
    const p = monthParts(month);
    return p.month ? t("commission.monthLabel", { year: p.year, month: Number(p.month) }) : month;
  };
  const metricName = t(metric === "total" ? "months.metricTotal" : "months.metricCredited");
  const latest = months[n - 1];
  const label = t("months.aria", {
    count: n,
    metric: metricName,
    latest: latest ? formatFen(value(latest)) : "—",
  });
  const hovered = hover === null ? undefined : months[hover];

  return (
    <div ref={ref} data-testid="commission-history-chart" style={{ width: "100%" }}>
      <div className="chart-legend">
        <span className="chart-legend-item">
          <span className="chart-swatch" style={{ background: token.colorPrimary }} />
          {t("months.desk")} · {metricName}
        </span>
        {metric === "total" && (
          <span className="chart-legend-item">
            <span className="chart-swatch chart-swatch-line" style={{ background: OFFICIAL_COLOR }} />
            {t("months.official")}
          </span>
        )}
        <span className="chart-legend-hint">{t("months.hint")}</span>
      </div>
      <div style={{ position: "relative" }}>
        <svg
          role="img"
          aria-label={label}
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ display: "block", maxWidth: width }}
          onMouseLeave={() => setHover(null)}
        >
          <title>{label}</title>
          <ValueGrid ticks={ticks} labels={tickLabels} left={left} right={left + plotW} y={y} />
          {months.map((m, i) =>
            (n - 1 - i) % every === 0 ? (
              <text
                key={m.month}
                x={center(i)}
                y={bottom + 17}
                textAnchor="middle"
                style={{ ...axisText, fontWeight: m.month === selected ? 600 : undefined }}
              >
                {monthTick(m.month)}
              </text>
            ) : null,
          )}
          {months.map((m, i) => {
            const v = value(m);
            const top = Math.min(y(v), zeroY);
            const isSelected = m.month === selected;
            return (
              <rect
                key={m.month}
                data-testid="commission-history-bar"
                data-month={m.month}
                data-selected={isSelected ? "true" : "false"}
                x={center(i) - barW / 2}
                y={top}
                width={barW}
                height={Math.max(v === 0 ? 0 : 1, Math.abs(zeroY - y(v)))}
                rx={1.5}
                fill={token.colorPrimary}
                fillOpacity={(isSelected ? 0.95 : 0.4) + (hover === i && !isSelected ? 0.2 : 0)}
                shapeRendering="crispEdges"
              />
            );
          })}
          {months.map((m, i) => {
            const o = official(m);
            if (o === null) return null;
            const oy = crisp(y(o));
            return (
              <g
                key={m.month}
                data-testid="commission-history-official"
                data-month={m.month}
                data-differs={o === value(m) ? "false" : "true"}
              >
                <line
                  x1={center(i) - barW / 2 - 3}
                  x2={center(i) + barW / 2 + 3}
                  y1={oy}
                  y2={oy}
                  stroke={OFFICIAL_COLOR}
                  strokeWidth={2}
                />
                <circle cx={center(i)} cy={oy} r={2.5} fill={OFFICIAL_COLOR} />
              </g>
            );
          })}
          {months.map((m, i) => (
            <rect
              key={m.month}
              data-testid="commission-history-hit"
              data-month={m.month}
              x={left + i * band}
              y={TOP}
              width={band}
              height={plotH}
              fill="transparent"
              style={{ cursor: onSelect ? "pointer" : undefined }}
              onMouseEnter={() => setHover(i)}
              onClick={() => onSelect?.(m.month)}
            />
          ))}
        </svg>
        {hover !== null && hovered && (
          <ChartTooltip
            x={center(hover)}
            y={y(value(hovered))}
            containerWidth={width}
            testId="commission-history-tooltip"
          >
            <div style={{ color: token.colorTextSecondary }}>{monthName(hovered.month)}</div>
            <div style={{ fontWeight: 600 }}>
              {t("months.metricTotal")} {formatFen(hovered.total)}
            </div>
            <div>
              {t("months.metricCredited")} {formatFen(hovered.credited)}
            </div>
            <div style={{ color: OFFICIAL_COLOR }}>
              {hovered.official_total === null
                ? t("months.noStatement")
                : `${t("months.official")} ${formatFen(hovered.official_total)}${
                    hovered.official_total === hovered.total
                      ? ""
                      : ` (${formatSignedFen(hovered.official_total - hovered.total)})`
                  }`}
            </div>
          </ChartTooltip>
        )}
      </div>
    </div>
  );
}
