// The 80/20 view: contribution per client (or per rank band of clients, largest first)
// as bars, the cumulative share as a line on a 0–100% axis, and a dashed marker where
// that share first reaches `highlightShare`.

import { useMemo, useState } from "react";
import { useT } from "../i18n/context";
import { formatCount, formatFen } from "../lib/format";
import { ChartEmpty, ChartTooltip, useAxisStyle, ValueGrid } from "./ChartParts";
import { compactYuan, percentText } from "./format";
import { curveAt, paretoBuckets, paretoSummary, type ParetoBucket } from "./pareto";
import { crisp, labelEvery, linear, niceTicks, textWidth } from "./scale";
import { useContainerWidth } from "./useContainerWidth";

export { paretoBuckets, paretoSummary, type ParetoBucket, type ParetoSummary } from "./pareto";

export interface ParetoChartProps {
  /** One per client, integer fen; sorted largest first here if they are not already. */
  bars: { label: string; value: number }[];
  /** Pixel height of the plot (the summary line sits above it); 260 if not given. */
  height?: number;
  /** Cumulative share to mark, 0–1; 0.8 if not given. */
  highlightShare?: number;
  /** What the values are, for the summary sentence; "净佣金" / "net commission" if not given. */
  metric?: string;
}

/** More clients than this are drawn as this many equal rank bands (2% each). */
export const PARETO_MAX_BARS = 50;

const TOP = 10;
const RIGHT = 44;
const BOTTOM = 26;
const CUMULATIVE_COLOR = "#f59e0b";
const SHARE_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

export function ParetoChart({ bars, height = 260, highlightShare = 0.8, metric }: ParetoChartProps) {
  const t = useT();
  const { token, axisText } = useAxisStyle();
  const [ref, width] = useContainerWidth();
  const [hover, setHover] = useState<number | null>(null);
  const buckets = useMemo(() => paretoBuckets(bars, PARETO_MAX_BARS), [bars]);
  const summary = useMemo(
    () => paretoSummary(bars.map((b) => b.value), highlightShare),
    [bars, highlightShare],
  );

  if (buckets.length === 0 || summary.clientCount === 0) {
    return <ChartEmpty height={height} text={t("charts.pareto.empty")} testId="pareto-chart" />;
  }

  const bandLabel = (b: ParetoBucket) => b.label ?? t("charts.pareto.band", { pct: b.percentile ?? 0 });
  const summaryText = t("charts.pareto.summary", {
    clientPct: percentText(summary.clientShare, summary.clientShare < 0.1 ? 1 : 0),
    count: formatCount(summary.clientCount),
    valuePct: percentText(summary.valueShare, 0),
    metric: metric ?? t("charts.pareto.metric"),
  });

  const ticks = niceTicks(0, Math.max(...buckets.map((b) => b.value)), 4);
  const tickLabels = ticks.map(compactYuan);
  const left = Math.max(40, ...tickLabels.map((l) => textWidth(l) + 14));
  const plotW = Math.max(1, width - left - RIGHT);
  const plotH = Math.max(1, height - TOP - BOTTOM);
  const bottom = TOP + plotH;
  const yValue = linear(0, ticks[ticks.length - 1] ?? 1, bottom, TOP);
  const yShare = linear(0, 1, bottom, TOP);
  const band = plotW / buckets.length;
  const barW = Math.max(1, band * (buckets.length > 20 ? 0.8 : 0.64));
  const xAt = (fraction: number) => left + fraction * plotW;
  const markerX = xAt(summary.clientShare);
  const markerY = yShare(curveAt(buckets, summary.clientShare));
  const shareY = yShare(Math.min(1, Math.max(0, highlightShare)));

  const line = [
    `M${left},${bottom}`,
    ...buckets.map((b) => `L${xAt(b.end).toFixed(1)},${yShare(b.cumulative).toFixed(1)}`),
  ];
  const xLabels = buckets.map(bandLabel);
  const labelW = Math.min(72, Math.max(...xLabels.map((l) => textWidth(l))) + 8);
  const perClient = buckets[0]?.label !== null;
  const minEvery = labelEvery(buckets.length, plotW, labelW);
  // Rank bands are labelled at round percentiles (every 5th band = every 10%, …).
  const every = perClient ? minEvery : ([1, 5, 10, 25].find((k) => k >= minEvery) ?? buckets.length);
  const showLabel = (i: number) => (perClient ? i % every === 0 : (i + 1) % every === 0);
  const short = (s: string) => (textWidth(s) > labelW ? `${[...s].slice(0, 4).join("")}…` : s);
  const hovered = hover === null ? undefined : buckets[hover];

  const dashed = { strokeDasharray: "4 3", shapeRendering: "crispEdges" } as const;

  return (
    <div ref={ref} data-testid="pareto-chart" style={{ width: "100%", overflow: "hidden" }}>
      <div data-testid="pareto-summary" style={{ color: token.colorText, marginBottom: 8 }}>
        {summaryText}
      </div>
      <div style={{ position: "relative" }}>
        <svg
          role="img"
          aria-label={`${t("charts.pareto.title")}${t("charts.listSeparator")}${summaryText}`}
          // Drawn at the measured width; the viewBox lets it shrink rather than overflow if the
          // card narrows before the next measurement (a scrollbar appearing, a resize).
          viewBox={`0 0 ${width} ${height}`}
          width="100%"
          style={{ display: "block", maxWidth: width }}
          onMouseLeave={() => setHover(null)}
        >
          <title>{summaryText}</title>
          <ValueGrid ticks={ticks} labels={tickLabels} left={left} right={left + plotW} y={yValue} />
          {SHARE_TICKS.map((s) => (
            <text key={s} x={left + plotW + 8} y={yShare(s)} dy="0.35em" style={axisText}>
              {`${Math.round(s * 100)}%`}
            </text>
          ))}
          {buckets.map((b, i) => {
            const h = Math.max(0, bottom - yValue(b.value));
            const inTop = b.start < summary.clientShare - 1e-9;
            return (
              <rect
                key={i}
                data-testid="pareto-bar"
                data-top={inTop ? "true" : "false"}
                x={left + i * band + (band - barW) / 2}
                y={bottom - h}
                width={barW}
                height={h}
                fill={token.colorPrimary}
                fillOpacity={(inTop ? 0.85 : 0.28) + (hover === i ? 0.15 : 0)}
                shapeRendering="crispEdges"
              />
            );
          })}
          {xLabels.map((l, i) =>
            showLabel(i) ? (
              <text key={i} x={left + (i + 0.5) * band} y={bottom + 17} textAnchor="middle" style={axisText}>
                {short(l)}
              </text>
            ) : null,
          )}
          <line
            x1={left}
            x2={left + plotW}
            y1={crisp(shareY)}
            y2={crisp(shareY)}
            stroke={CUMULATIVE_COLOR}
            strokeOpacity={0.6}
            {...dashed}
          />
          <line
            data-testid="pareto-marker"
            x1={crisp(markerX)}
            x2={crisp(markerX)}
            y1={markerY}
            y2={bottom}
            stroke={token.colorTextSecondary}
            {...dashed}
          />
          <path
            d={line.join("")}
            fill="none"
            stroke={CUMULATIVE_COLOR}
            strokeWidth={2}
            strokeLinejoin="round"
          />
          <circle
            cx={markerX}
            cy={markerY}
            r={4}
            fill={CUMULATIVE_COLOR}
            stroke={token.colorBgContainer}
            strokeWidth={2}
          />
          {buckets.map((_, i) => (
            <rect
              key={i}
              data-testid="pareto-hit"
              x={left + i * band}
              y={TOP}
              width={band}
              height={plotH}
              fill="transparent"
              onMouseEnter={() => setHover(i)}
            />
          ))}
        </svg>
        {hover !== null && hovered && (
          <ChartTooltip
            x={left + (hover + 0.5) * band}
            y={yValue(hovered.value)}
            containerWidth={width}
            testId="pareto-tooltip"
          >
            <div style={{ color: token.colorTextSecondary }}>
              {bandLabel(hovered)}
              {hovered.label === null &&
                t("charts.listSeparator") + t("charts.pareto.clients", { count: formatCount(hovered.count) })}
            </div>
            <div style={{ fontWeight: 600 }}>{formatFen(hovered.value)}</div>
            <div style={{ color: CUMULATIVE_COLOR }}>
              {t("charts.pareto.cumulative", { pct: percentText(hovered.cumulative) })}
            </div>
          </ChartTooltip>
        )}
      </div>
    </div>
  );
}
