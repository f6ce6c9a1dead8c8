import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render";
import { Sparkline } from "./Sparkline";

describe("Sparkline", () => {
  it("draws a line through every value at the given size", () => {
    renderWithProviders(<Sparkline values={[3, 5, 4, 8, 6]} width={100} height={20} />);
    const svg = screen.getByTestId("sparkline");
    expect(svg).toHaveAttribute("width", "100");
    expect(svg).toHaveAttribute("height", "20");
    const d = screen.getByTestId("sparkline-line").getAttribute("d") ?? "";
    expect(d.match(/[ML]/g)).toHaveLength(5);
    expect(svg).toHaveAccessibleName("趋势图，5 个数据点");
  });

  it("draws a flat series through the middle", () => {
    renderWithProviders(<Sparkline values={[7, 7, 7]} height={24} />);
    expect(screen.getByTestId("sparkline-line").getAttribute("d")).toMatch(/^M[\d.]+,12\.0L[\d.]+,12\.0L[\d.]+,12\.0$/);
  });

  it("draws nothing but its box without values", () => {
    renderWithProviders(<Sparkline values={[]} ariaLabel="佣金趋势" />);
    expect(screen.queryByTestId("sparkline-line")).not.toBeInTheDocument();
    expect(screen.getByTestId("sparkline")).toHaveAccessibleName("佣金趋势");
  });
});
