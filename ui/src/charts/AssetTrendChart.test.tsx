import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render";
import { AssetTrendChart, type AssetTrendPoint } from "./AssetTrendChart";

/** `count` months from January 2023, assets rising by 1万 yuan a month from 100万. */
function months(count: number): AssetTrendPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const y = 2023 + Math.floor(i / 12);
    const m = String((i % 12) + 1).padStart(2, "0");
    return { month: `${y}-${m}-01`, totalAssets: 100_000_000 + i * 1_000_000 };
  });
}

describe("AssetTrendChart", () => {
  it("draws one point per month with a 万 axis and month labels", () => {
    renderWithProviders(<AssetTrendChart points={months(24)} />);
    const chart = screen.getByTestId("asset-trend-chart");
    expect(within(chart).getAllByTestId("asset-trend-point")).toHaveLength(24);
    expect(chart).toHaveTextContent("万");
    expect(chart).toHaveTextContent("24/12");
    expect(within(chart).getByRole("img")).toHaveAccessibleName(
      "总资产走势，2023年1月至2024年12月，最新 ¥1,230,000.00",
    );
  });

  it("keeps only the latest 24 months, in order", () => {
    const shuffled = months(30).reverse();
    renderWithProviders(<AssetTrendChart points={shuffled} />);
    const hits = screen.getAllByTestId("asset-trend-point");
    expect(hits).toHaveLength(24);
    expect(hits[0]).toHaveAttribute("data-month", "2023-07-01");
    expect(hits[23]).toHaveAttribute("data-month", "2025-06-01");
  });

  it("shows the month and the exact amount on hover", () => {
    const points = [
      { month: "2024-02-01", totalAssets: 100_000_000 },
      { month: "2024-03-01", totalAssets: 123_456_789 },
    ];
    renderWithProviders(<AssetTrendChart points={points} />);
    expect(screen.queryByTestId("asset-trend-tooltip")).not.toBeInTheDocument();
    fireEvent.mouseEnter(screen.getAllByTestId("asset-trend-point")[1]);
    const tooltip = screen.getByTestId("asset-trend-tooltip");
    expect(tooltip).toHaveTextContent("2024年3月");
    expect(tooltip).toHaveTextContent("¥1,234,567.89");
    fireEvent.mouseLeave(within(screen.getByTestId("asset-trend-chart")).getByRole("img"));
    expect(screen.queryByTestId("asset-trend-tooltip")).not.toBeInTheDocument();
  });

  it("draws a single month", () => {
    renderWithProviders(<AssetTrendChart points={[{ month: "2024-03-01", totalAssets: 5_000 }]} />);
    expect(screen.getAllByTestId("asset-trend-point")).toHaveLength(1);
  });

  it("says there is no data without points", () => {
    renderWithProviders(<AssetTrendChart points={[]} />);
    const chart = screen.getByTestId("asset-trend-chart");
    expect(chart).toHaveTextContent("暂无资产数据");
    expect(within(chart).queryByTestId("asset-trend-point")).not.toBeInTheDocument();
  });
});
