import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { MonthFigure } from "../bindings/MonthFigure";
import { renderWithProviders } from "../test/render";
import { CommissionHistoryChart } from "./CommissionHistoryChart";
import { DailyCumulativeChart } from "./DailyCumulativeChart";

const months: MonthFigure[] = [
  { month: "2024-01-01", credited: 900_000, total: 400_000, official_total: 400_000 },
  { month: "2024-02-01", credited: 950_000, total: 420_000, official_total: 418_087 },
  { month: "2024-03-01", credited: 1_000_000, total: 450_000, official_total: null },
];

describe("CommissionHistoryChart", () => {
  it("draws a bar per month, head office's total where published, and selects a month on click", () => {
    const onSelect = vi.fn();
    renderWithProviders(
      <CommissionHistoryChart months={months} metric="total" selected="2024-02-01" onSelect={onSelect} />,
    );
    const chart = screen.getByTestId("commission-history-chart");
    const bars = within(chart).getAllByTestId("commission-history-bar");
    expect(bars.map((b) => b.getAttribute("data-selected"))).toEqual(["false", "true", "false"]);
    // Pay grows month by month: so do the bars.
    const heights = bars.map((b) => Number(b.getAttribute("height")));
    expect(heights[0]).toBeLessThan(heights[1] ?? 0);
    expect(heights[1]).toBeLessThan(heights[2] ?? 0);
    const official = within(chart).getAllByTestId("commission-history-official");
    expect(official.map((o) => [o.getAttribute("data-month"), o.getAttribute("data-differs")])).toEqual([
      ["2024-01-01", "false"],
      ["2024-02-01", "true"],
    ]);
    expect(within(chart).getByRole("img")).toHaveAccessibleName("近 3 个月收入，最近 ¥4,500.00");

    const hits = within(chart).getAllByTestId("commission-history-hit");
    fireEvent.mouseEnter(hits[1]);
    const tooltip = screen.getByTestId("commission-history-tooltip");
    expect(tooltip).toHaveTextContent("2024年2月");
    expect(tooltip).toHaveTextContent("收入 ¥4,200.00");
    expect(tooltip).toHaveTextContent("总部结算单 ¥4,180.87 (-¥19.13)");
    fireEvent.click(hits[0]);
    expect(onSelect).toHaveBeenCalledWith("2024-01-01");
  });

  it("draws credited commission without head office's totals, which are pay", () => {
    renderWithProviders(<CommissionHistoryChart months={months} metric="credited" selected={null} />);
    const chart = screen.getByTestId("commission-history-chart");
    expect(within(chart).queryAllByTestId("commission-history-official")).toHaveLength(0);
    expect(within(chart).getByRole("img")).toHaveAccessibleName("近 3 个月计入净佣金，最近 ¥10,000.00");
  });

  it("says so when there is nothing to draw", () => {
    renderWithProviders(<CommissionHistoryChart months={[]} metric="total" selected={null} />);
    expect(screen.getByTestId("commission-history-chart")).toHaveAttribute("data-empty", "true");
  });
});

describe("DailyCumulativeChart", () => {
  it("steps up on trading days, marks the target and opens a day on click", () => {
    const onSelectDay = vi.fn();
    renderWithProviders(
      <DailyCumulativeChart
        days={[
          { day: "2024-03-01", credited: 200_000, cumulative: 200_000, earned_to_date: 400_000 },
          { day: "2024-03-05", credited: 500_000, cumulative: 700_000, earned_to_date: 400_000 },
        ]}
        daysInMonth={31}
        target={2_000_000}
        monthName="2024年3月"
        onSelectDay={onSelectDay}
      />,
    );
    const chart = screen.getByTestId("commission-daily-chart");
    expect(within(chart).getByRole("img")).toHaveAccessibleName("2024年3月每日累计计入净佣金，月末 ¥7,000.00");
    expect(within(chart).getByTestId("commission-daily-target")).toHaveTextContent("目标 2万");
    const points = within(chart).getAllByTestId("commission-daily-point");
    expect(points.map((p) => p.getAttribute("data-day"))).toEqual(["2024-03-01", "2024-03-05"]);
    fireEvent.mouseEnter(points[1]);
    expect(screen.getByTestId("commission-daily-tooltip")).toHaveTextContent("累计 ¥7,000.00");
    expect(screen.getByTestId("commission-daily-tooltip")).toHaveTextContent("当日计入 ¥5,000.00");
    fireEvent.click(points[1]);
    expect(onSelectDay).toHaveBeenCalledWith("2024-03-05");
  });
});
