// A word-sized trend line for tables and dashboards: no axes, a dot on the latest value.

import { theme } from "antd";
import { useT } from "../i18n/context";
import { linear } from "./scale";

export interface SparklineProps {
  values: number[];
  /** Pixel size; 80 × 24 if not given. */
  width?: number;
  height?: number;
  /** Line colour; the theme's primary colour if not given. */
  color?: string;
  /** Accessible name; a generic "trend, N points" if not given. */
  ariaLabel?: string;
}

const PAD = 3;

export function Sparkline({ values, width = 80, height = 24, color, ariaLabel }: SparklineProps) {
  const t = useT();
  const { token } = theme.useToken();
  const data = values.filter((v) => Number.isFinite(v));
  const stroke = color ?? token.colorPrimary;
  const label =
    ariaLabel ??
    (data.length === 0 ? t("charts.noData") : t("charts.sparkline.aria", { count: data.length }));

  const min = Math.min(...data);
  const max = Math.max(...data);
  const x = linear(0, Math.max(1, data.length - 1), PAD, width - PAD);
  // A flat series is drawn through the middle rather than along an edge.
  const y = max === min ? () => height / 2 : linear(min, max, height - PAD, PAD);
  const n = data.length;
  const xi = (i: number) => (n === 1 ? width / 2 : x(i));
  const d = data.map((v, i) => `${i === 0 ? "M" : "L"}${xi(i).toFixed(1)},${y(v).toFixed(1)}`).join("");
  const last = data[n - 1];

  return (
    <svg
      data-testid="sparkline"
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={{ display: "inline-block", verticalAlign: "middle", overflow: "visible" }}
    >
      <title>{label}</title>
      {n > 1 && (
        <path
          data-testid="sparkline-line"
          d={d}
          fill="none"
          stroke={stroke}
          strokeWidth={1.5}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      )}
      {last !== undefined && <circle cx={xi(n - 1)} cy={y(last)} r={2} fill={stroke} />}
    </svg>
  );
}
