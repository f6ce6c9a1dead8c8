// Small pieces shared by the charts: the empty state and the hover tooltip.

import { Empty, theme } from "antd";
import type { CSSProperties, ReactNode } from "react";
import { crisp } from "./scale";

/** The empty state, the same height as the chart would have been. */
export function ChartEmpty({ height, text, testId }: { height: number; text: string; testId: string }) {
  return (
    <div
      data-testid={testId}
      data-empty="true"
      role="img"
      aria-label={text}
      style={{ height, display: "flex", alignItems: "center", justifyContent: "center" }}
    >
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ margin: 0 }} />
    </div>
  );
}

/**
 * A tooltip card at (x, y) inside a `position: relative` parent of width `containerWidth`.
 * It sits right of the point, or left of it in the right half, and never takes the pointer.
 */
export function ChartTooltip({
  x,
  y,
  containerWidth,
  children,
  testId,
}: {
  x: number;
  y: number;
  containerWidth: number;
  children: ReactNode;
  testId: string;
}) {
  const { token } = theme.useToken();
  const onLeft = x > containerWidth / 2;
  const style: CSSProperties = {
    position: "absolute",
    top: Math.max(0, y - 12),
    left: onLeft ? undefined : x + 12,
    right: onLeft ? containerWidth - x + 12 : undefined,
    pointerEvents: "none",
    whiteSpace: "nowrap",
    background: token.colorBgElevated,
    boxShadow: token.boxShadowSecondary,
    borderRadius: token.borderRadius,
    padding: "6px 10px",
    fontSize: token.fontSizeSM,
    lineHeight: 1.6,
    color: token.colorText,
    fontVariantNumeric: "tabular-nums",
    zIndex: 1,
  };
  return (
    <div data-testid={testId} role="tooltip" style={style}>
      {children}
    </div>
  );
}

/** Shared SVG text style: small, muted, tabular figures. */
export function useAxisStyle() {
  const { token } = theme.useToken();
  return {
    token,
    axisText: {
      fontSize: 11,
      fill: token.colorTextTertiary,
      fontFamily: token.fontFamily,
      fontVariantNumeric: "tabular-nums",
    } satisfies CSSProperties,
  };
}

/** Horizontal grid lines at `ticks` with their labels right-aligned left of the plot. */
export function ValueGrid({
  ticks,
  labels,
  left,
  right,
  y,
}: {
  ticks: number[];
  labels: string[];
  left: number;
  right: number;
  y: (v: number) => number;
}) {
  const { token, axisText } = useAxisStyle();
  return (
    <g>
      {ticks.map((tick, i) => (
        <g key={tick}>
          <line
            x1={left}
            x2={right}
            y1={crisp(y(tick))}
            y2={crisp(y(tick))}
            stroke={tick === 0 ? token.colorBorder : token.colorBorderSecondary}
            shapeRendering="crispEdges"
          />
          <text x={left - 8} y={y(tick)} dy="0.35em" textAnchor="end" style={axisText}>
            {labels[i]}
          </text>
        </g>
      ))}
    </g>
  );
}
