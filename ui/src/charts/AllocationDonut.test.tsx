import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithProviders } from "../test/render";
import { AllocationDonut } from "./AllocationDonut";

describe("AllocationDonut", () => {
  it("draws a slice and a legend row per holding with compact amount and share", () => {
    renderWithProviders(
      <AllocationDonut
        slices={[
          { label: "股票", value: 25_000_000 },
          { label: "现金", value: 5_000_000 },
          { label: "基金", value: 20_000_000 },
        ]}
      />,
    );
    const chart = screen.getByTestId("allocation-donut");
    expect(within(chart).getAllByTestId("allocation-slice")).toHaveLength(3);
    const rows = within(chart).getAllByTestId("allocation-legend-item");
    expect(rows.map((r) => r.textContent)).toEqual(["股票25万50.0%", "基金20万40.0%", "现金5万10.0%"]);
    expect(chart).toHaveTextContent("合计50万");
    expect(within(chart).getByRole("img")).toHaveAccessibleName(
      "资产配置，合计 ¥500,000.00：股票 50.0%，基金 40.0%，现金 10.0%",
    );
  });

  it("shows a hovered slice's share in the middle", () => {
    renderWithProviders(
      <AllocationDonut slices={[{ label: "股票", value: 3 }, { label: "债券", value: 1 }]} />,
    );
    fireEvent.mouseEnter(screen.getAllByTestId("allocation-legend-item")[1]);
    expect(screen.getByRole("img")).toHaveTextContent("债券25.0%");
  });

  it("merges the smallest holdings into 其他 beyond eight", () => {
    const slices = Array.from({ length: 12 }, (_, i) => ({ label: `证券${i + 1}`, value: (12 - i) * 1_000_000 }));
    renderWithProviders(<AllocationDonut slices={slices} />);
    const rows = screen.getAllByTestId("allocation-legend-item");
    expect(rows).toHaveLength(8);
    expect(rows[7]).toHaveTextContent("其他");
    expect(rows[7]).toHaveTextContent("15万");
  });

  it("leaves out zero slices and says 暂无持仓 when nothing is left", () => {
    const { unmount } = renderWithProviders(
      <AllocationDonut slices={[{ label: "股票", value: 100 }, { label: "现金", value: 0 }]} />,
    );
    expect(screen.getAllByTestId("allocation-slice")).toHaveLength(1);
    unmount();
    renderWithProviders(<AllocationDonut slices={[{ label: "现金", value: 0 }]} />);
    expect(screen.getByTestId("allocation-donut")).toHaveTextContent("暂无持仓");
    expect(screen.queryByTestId("allocation-slice")).not.toBeInTheDocument();
  });

  it("says 暂无持仓 for no slices", () => {
    renderWithProviders(<AllocationDonut slices={[]} />);
    expect(screen.getByTestId("allocation-donut")).toHaveTextContent("暂无持仓");
  });
});
