import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LOCALE_STORAGE_KEY } from "../i18n/I18nProvider";
import { renderWithProviders } from "../test/render";
import { ParetoChart, paretoSummary } from "./ParetoChart";

/** 1000 clients: the top 200 bring ¥4.00 each, the other 800 ¥0.25 — 80% from the top 20%. */
const clients = Array.from({ length: 1000 }, (_, i) => ({ label: `客户${i + 1}`, value: i < 200 ? 400 : 25 }));

describe("ParetoChart", () => {
  it("groups many clients into 50 bands of 2% with the 80% marker", () => {
    renderWithProviders(<ParetoChart bars={clients} />);
    const chart = screen.getByTestId("pareto-chart");
    const bars = within(chart).getAllByTestId("pareto-bar");
    expect(bars).toHaveLength(50);
    expect(bars.filter((b) => b.getAttribute("data-top") === "true")).toHaveLength(10);
    expect(within(chart).getByTestId("pareto-marker")).toBeInTheDocument();
    expect(within(chart).getByTestId("pareto-summary")).toHaveTextContent(
      "前 20% 的客户（200 位）贡献 80% 净佣金",
    );
    expect(chart).toHaveTextContent("前 40%");
    expect(chart).toHaveTextContent("100%");
    expect(within(chart).getByRole("img")).toHaveAccessibleName(/前 20% 的客户/);
  });

  it("draws one bar per client when there are few, sorted largest first", () => {
    const bars = [
      { label: "王五", value: 100 },
      { label: "张三", value: 600 },
      { label: "李四", value: 300 },
    ];
    renderWithProviders(<ParetoChart bars={bars} highlightShare={0.5} metric="手续费" />);
    expect(screen.getAllByTestId("pareto-bar")).toHaveLength(3);
    expect(screen.getByTestId("pareto-summary")).toHaveTextContent("前 33% 的客户（1 位）贡献 60% 手续费");
    fireEvent.mouseEnter(screen.getAllByTestId("pareto-hit")[1]);
    const tooltip = screen.getByTestId("pareto-tooltip");
    expect(tooltip).toHaveTextContent("李四");
    expect(tooltip).toHaveTextContent("¥3.00");
    expect(tooltip).toHaveTextContent("累计 90%");
  });

  it("says there is no data without a positive total", () => {
    renderWithProviders(<ParetoChart bars={[{ label: "张三", value: 0 }]} />);
    const chart = screen.getByTestId("pareto-chart");
    expect(chart).toHaveTextContent("暂无数据");
    expect(within(chart).queryByTestId("pareto-bar")).not.toBeInTheDocument();
  });

  it("speaks English when the desk does", () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, "en");
    renderWithProviders(<ParetoChart bars={clients} />);
    expect(screen.getByTestId("pareto-summary")).toHaveTextContent(
      "The top 20% of clients (200) contribute 80% of net commission",
    );
    expect(screen.getByTestId("pareto-chart")).toHaveTextContent("Top 40%");
  });

  it("re-exports paretoSummary", () => {
    expect(paretoSummary(clients.map((c) => c.value))).toEqual({ clientShare: 0.2, clientCount: 200, valueShare: 0.8 });
  });
});
