// Asset allocation as a donut with a legend of amount and share. The legend is HTML, so it
// wraps below the donut in a narrow container and Chinese labels render as normal text.

import { useMemo, useState, type CSSProperties } from "react";
import { useT } from "../i18n/context";
import { formatFen } from "../lib/format";
import { ChartEmpty, useAxisStyle } from "./ChartParts";
import { compactYuan, percentFixed } from "./format";
import { OTHER_COLOR, categoryColor } from "./palette";

export interface AllocationSlice {
  label: string;
  /** Integer fen. Zero and negative slices are left out. */
  value: number;
}

export interface AllocationDonutProps {
  slices: AllocationSlice[];
  /** Pixel size of the donut (and the chart's minimum height); 220 if not given. */
  height?: number;
}

const LEGEND_STYLE: CSSProperties = {
  flex: "1 1 200px",
  minWidth: 180,
  maxWidth: 360,
  listStyle: "none",
  margin: 0,
  padding: 0,
};
const ELLIPSIS: CSSProperties = { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" };

/** Slices beyond this many are merged into one "other" slice. */
export const ALLOCATION_MAX_SLICES = 8;

interface Arc {
  label: string;
  value: number;
  color: string;
  share: number;
}

/** Positive slices, largest first, the tail merged so at most `max` remain. */
function arcs(slices: AllocationSlice[], otherLabel: string, max: number): { items: Arc[]; total: number } {
  const positive = slices
    .filter((s) => Number.isFinite(s.value) && s.value > 0)
    .sort((a, b) => b.value - a.value);
  const total = positive.reduce((sum, s) => sum + s.value, 0);
  const head = positive.length > max ? positive.slice(0, max - 1) : positive;
  const rest = positive.slice(head.length).reduce((sum, s) => sum + s.value, 0);
  const items: Arc[] = head.map((s, i) => ({ ...s, color: categoryColor(i), share: s.value / total }));
  if (rest > 0) items.push({ label: otherLabel, value: rest, color: OTHER_COLOR, share: rest / total });
  return { items, total };
}

export function AllocationDonut({ slices, height = 220 }: AllocationDonutProps) {
  const t = useT();
  const { token } = useAxisStyle();
  const [hover, setHover] = useState<number | null>(null);
  const otherLabel = t("charts.allocation.other");
  const { items, total } = useMemo(
    () => arcs(slices, otherLabel, ALLOCATION_MAX_SLICES),
    [slices, otherLabel],
  );

  if (items.length === 0 || total <= 0) {
    return <ChartEmpty height={height} text={t("charts.allocation.empty")} testId="allocation-donut" />;
  }

  const size = height;
  const thickness = Math.max(10, Math.round(size * 0.13));
  const r = size / 2 - thickness / 2 - 6;
  const circumference = 2 * Math.PI * r;
  const gap = items.length > 1 ? 1.5 : 0;
  const starts = items.map((_, i) => items.slice(0, i).reduce((sum, a) => sum + a.share, 0) * circumference);
  const sep = t("charts.listSeparator");
  const label = t("charts.allocation.aria", {
    total: formatFen(total),
    parts: items.map((a) => `${a.label} ${percentFixed(a.share)}`).join(sep),
  });
  const focus = hover === null ? undefined : items[hover];

  return (
    <div
      data-testid="allocation-donut"
      style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 16, minHeight: height }}
      onMouseLeave={() => setHover(null)}
    >
      <svg
        role="img"
        aria-label={label}
        width={size}
        height={size}
        viewBox={`0 0 ${size} ${size}`}
        style={{ display: "block", flex: "none", maxWidth: "100%", height: "auto" }}
      >
        <title>{label}</title>
        <g transform={`rotate(-90 ${size / 2} ${size / 2})`}>
          <circle
            cx={size / 2}
            cy={size / 2}
            r={r}
            fill="none"
            stroke={token.colorFillTertiary}
            strokeWidth={thickness}
          />
          {items.map((a, i) => {
            const length = a.share * circumference;
            const dash = Math.max(0.01, length - gap);
            return (
              <circle
                key={`${i}-${a.label}`}
                data-testid="allocation-slice"
                cx={size / 2}
                cy={size / 2}
                r={r}
                fill="none"
                stroke={a.color}
                strokeWidth={hover === i ? thickness + 6 : thickness}
                strokeDasharray={`${dash} ${circumference - dash}`}
                strokeDashoffset={-(starts[i] ?? 0)}
                opacity={hover === null || hover === i ? 1 : 0.35}
                onMouseEnter={() => setHover(i)}
              />
            );
          })}
        </g>
        <text
          x={size / 2}
          y={size / 2 - 9}
          textAnchor="middle"
          style={{ fontSize: 12, fill: token.colorTextSecondary, fontFamily: token.fontFamily }}
        >
          {focus ? focus.label : t("charts.allocation.total")}
        </text>
        <text
          x={size / 2}
          y={size / 2 + 13}
          textAnchor="middle"
          style={{ fontSize: 17, fontWeight: 600, fill: token.colorText, fontVariantNumeric: "tabular-nums" }}
        >
          {focus ? percentFixed(focus.share) : compactYuan(total)}
        </text>
      </svg>
      <ul style={LEGEND_STYLE}>
        {items.map((a, i) => (
          <li
            key={`${i}-${a.label}`}
            data-testid="allocation-legend-item"
            title={`${a.label} ${formatFen(a.value)}`}
            onMouseEnter={() => setHover(i)}
            style={{
              display: "grid",
              gridTemplateColumns: "10px minmax(0, 1fr) auto 52px",
              alignItems: "center",
              columnGap: 8,
              padding: "3px 6px",
              borderRadius: token.borderRadiusSM,
              background: hover === i ? token.colorFillQuaternary : undefined,
              fontSize: token.fontSizeSM,
              lineHeight: "20px",
            }}
          >
            <span style={{ width: 10, height: 10, borderRadius: 2, background: a.color }} />
            <span style={{ ...ELLIPSIS, color: token.colorText }}>
              {a.label}
            </span>
            <span style={{ color: token.colorTextSecondary, fontVariantNumeric: "tabular-nums" }}>
              {compactYuan(a.value)}
            </span>
            <span style={{ textAlign: "right", fontVariantNumeric: "tabular-nums", color: token.colorText }}>
              {percentFixed(a.share)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
