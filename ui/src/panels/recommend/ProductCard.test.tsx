import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { product } from "../../test/recommendFixtures";
import { renderWithProviders } from "../../test/render";
import { ProductCard } from "./ProductCard";

describe("ProductCard", () => {
  it("opens the approved full text on request and closes it again", async () => {
    const user = userEvent.setup();
    const body = "【核心观点】渠道库存健康。\n\n【风险提示】市场有风险，投资需谨慎。";
    renderWithProviders(<ProductCard product={product({ body })} testId="card" />);
    expect(screen.queryByTestId("card-body")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("card-read"));
    expect(screen.getByTestId("card-body")).toHaveTextContent("【风险提示】市场有风险，投资需谨慎。");
    expect(screen.getByTestId("card-read")).toHaveTextContent("收起全文");
    await user.click(screen.getByTestId("card-read"));
    expect(screen.queryByTestId("card-body")).not.toBeInTheDocument();
  });

  it("offers no full text when head office sent only the summary", () => {
    renderWithProviders(<ProductCard product={product({ body: "" })} testId="card" />);
    expect(screen.getByTestId("card-summary")).toBeInTheDocument();
    expect(screen.queryByTestId("card-read")).not.toBeInTheDocument();
  });
});
