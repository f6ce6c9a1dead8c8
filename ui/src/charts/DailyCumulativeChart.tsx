// Month to date: credited net commission summed day by day, drawn as steps over the days of the
// month, with the monthly target as a dashed line. A trading day's point opens that day's trades.

import { useId, useState } from "react";
import type { DayTotal } from "../bindings/DayTotal";
import type { Fen } from "../bindings/Fen";
import { useT } from "../i18n/context";
import { formatFen } from "../lib/format";
import { ChartEmpty, ChartTooltip, useAxisStyle, ValueGrid } from "./ChartParts";
import { compactYuan } from "./format";
import { crisp, linear, niceTicks, textWidth } from "./scale";
import { useContainerWidth } from "./useContainerWidth";

export interface DailyCumulativeChartProps {
  /** Trading days of the month in order, as `commission_month` answers. */
  days: DayTotal[];
  /** Days in the month, for the x axis. */
  daysInMonth: number;
  /** The monthly target, drawn when above zero. */
  target: Fen;
  /** Accessible name's month, e.g. "2024年3月". */
  monthName: string;
  onSelectDay?: (day: string) => void;
  /** Pixel height; 220 if not given. */
  height?: number;
}

const TOP = 12;
const RIGHT = 16;
const BOTTOM = 26;
const TARGET_COLOR = "#f59e0b";

function dayNumber(day: string): number {
  return Number(day.slice(8, 10)) || 1;
}

export function DailyCumulativeChart({
  days,
  daysInMonth,
  target,
  monthName,
  onSelectDay,
  height = 220,
}: DailyCumulativeChartProps) {
  const t = useT();
  const { token, axisText } = useAxisStyle();
  const [ref, width] = useContainerWidth();
  const [hover, setHover] = useState<number | null>(null);
  const gradientId = `daily-${useId().replace(/[^\w-]/g, "")}`;

  if (days.length === 0) {
    return <ChartEmpty height={height} text={t("daily.empty")} testId="commission-daily-chart" />;
  }

  const values = days.map((d) => d.cumulative);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(...values, target > 0 ? target : 0), 4);
  const tickLabels = ticks.map(compactYuan);
  const left = Math.max(40, ...tickLabels.map((l) => textWidth(l) + 14));
  const plotW = Math.max(1, width - left - RIGHT);
  const plotH = Math.max(1, height - TOP - BOTTOM);
  const bottom = TOP + plotH;
  const y = linear(ticks[0] ?? 0, ticks[ticks.length - 1] ?? 1, bottom, TOP);
  const span = Math.max(1, daysInMonth - 1);
  const x = (day: number) => left + ((day - 1) / span) * plotW;
  const zeroY = y(0);

  // Steps: flat until a trading day, then up to that day's running total.
  const path = [`M${x(1).toFixed(1)},${zeroY.toFixed(1)}`];
  for (const d of days) {
    const dx = x(dayNumber(d.day)).toFixed(1);
    path.push(`H${dx}`, `V${y(d.cumulative).toFixed(1)}`);
  }
  const lastX = x(dayNumber(days[days.length - 1]?.day ?? "01"));
  const area = `${path.join("")}V${zeroY.toFixed(1)}H${x(1).toFixed(1)}Z`;
  const dayTicks = [1, 5, 10, 15, 20, 25, daysInMonth].filter((d, i, a) => d <= daysInMonth && a.indexOf(d) === i);
  const half = plotW / span / 2;

  const last = days[days.length - 1];
  const label = t("daily.aria", { month: monthName, latest: formatFen(last?.cumulative ?? 0) });
  const hovered = hover === null ? undefined : days[hover];

  return (
    <div ref={ref} data-testid="commission-daily-chart" style={{ position: "relative", width: "100%" }}>
      <svg
        role="img"
        aria-label={label}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ display: "block", maxWidth: width }}
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
        {dayTicks.map((d) => (
          <text key={d} x={x(d)} y={bottom + 17} textAnchor="middle" style={axisText}>
            {d}
          </text>
        ))}
        {target > 0 && (
          <g data-testid="commission-daily-target">
            <line
              x1={left}
              x2={left + plotW}
              y1={crisp(y(target))}
              y2={crisp(y(target))}
              stroke={TARGET_COLOR}
              strokeDasharray="4 3"
              shapeRendering="crispEdges"
            />
            <text x={left + plotW} y={y(target) - 5} textAnchor="end" style={{ ...axisText, fill: TARGET_COLOR }}>
              {t("daily.target")} {compactYuan(target)}
            </text>
          </g>
        )}
        <path d={area} fill={`url(#${gradientId})`} />
        <path d={path.join("")} fill="none" stroke={token.colorPrimary} strokeWidth={2} strokeLinejoin="round" />
        {days.map((d, i) => (
          <circle
            key={d.day}
            cx={x(dayNumber(d.day))}
            cy={y(d.cumulative)}
            r={i === hover ? 4.5 : x(dayNumber(d.day)) === lastX ? 3.5 : 2.5}
            fill={token.colorPrimary}
            stroke={token.colorBgContainer}
            strokeWidth={1.5}
          />
        ))}
        {days.map((d, i) => {
          const cx = x(dayNumber(d.day));
          return (
            <rect
              key={d.day}
              data-testid="commission-daily-point"
              data-day={d.day}
              x={Math.max(left - half, cx - half)}
              y={TOP}
              width={Math.max(4, half * 2)}
              height={plotH}
              fill="transparent"
              style={{ cursor: onSelectDay ? "pointer" : undefined }}
              onMouseEnter={() => setHover(i)}
              onClick={() => onSelectDay?.(d.day)}
            />
          );
        })}
      </svg>
      {hover !== null && hovered && (
        <ChartTooltip
          x={x(dayNumber(hovered.day))}
          y={y(hovered.cumulative)}
          containerWidth={width}
          testId="commission-daily-tooltip"
        >
          <div style={{ color: token.colorTextSecondary }}>{hovered.day}</div>
          <div style={{ fontWeight: 600 }}>{t("daily.cumulative", { cumulative: formatFen(hovered.cumulative) })}</div>
          <div>{t("daily.dayCredited", { credited: formatFen(hovered.credited) })}</div>
          <div>{t("daily.earned", { earned: formatFen(hovered.earned_to_date) })}</div>
        </ChartTooltip>
      )}
    </div>
  );
}
