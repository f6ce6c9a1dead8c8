import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PublishedAppraisal } from "../../bindings/PublishedAppraisal";
import { freezeCommissionClock, mockCommission } from "../../test/commissionDesk";
import { renderWithProviders } from "../../test/render";
import { CommissionPanel } from "../CommissionPanel";

beforeEach(freezeCommissionClock);
afterEach(() => {
  vi.useRealTimers();
});

const february: PublishedAppraisal = {
  month: "2024-02-01",
  cohort_name: "客户经理（二级）",
  ranked_among: "level",
  card: {
    broker_id: "B001",
    total: 7_300,
    rank: 2,
    peers: 9,
    parts: [
      { measure: "net_commission", percent: 60, figure: 1_234_567, standing: 75, points: 4_500 },
      { measure: "contact_coverage", percent: 40, figure: 2_034, standing: 70, points: 2_800 },
    ],
  },
  published_at: "2024-03-02T02:00:00Z",
};

describe("the 佣金 panel's 考核 tab", () => {
  it("shows the broker's own published card, and says when a month is not published yet", async () => {
    mockCommission(undefined, (cmd) => (cmd === "my_appraisals" ? [february] : undefined));
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);
    await user.click(await screen.findByTestId("commission-tab-appraisal"));
    // March, the panel's month, is not published yet; February is listed below.
    expect(await screen.findByTestId("appraisal-pending")).toHaveTextContent("2024年3月的考核结果尚未发布");
    expect(screen.getByTestId("appraisal-view")).toHaveTextContent("2024年2月 73.00（2/9）");

    await user.click(screen.getByTestId("commission-month"));
    await user.click(await screen.findByTitle("2024年2月"));
    const view = await screen.findByTestId("appraisal-view");
    expect(within(view).getByTestId("appraisal-total")).toHaveTextContent("73.00");
    expect(view).toHaveTextContent("在客户经理（二级）的 9 位经纪人中排第 2 名");
    expect(view).toHaveTextContent("¥12,345.67");
    expect(view).toHaveTextContent("20.34%");
    expect(view).toHaveTextContent("45.00");
  });

  it.each([
    ["class", "投资顾问", "类别"],
    ["group", "银行渠道", "组别"],
  ] as const)("names the %s when the broker was ranked among it", async (kind, cohort, word) => {
    const ranked: PublishedAppraisal = { ...february, cohort_name: cohort, ranked_among: kind };
    mockCommission(undefined, (cmd) => (cmd === "my_appraisals" ? [ranked] : undefined));
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);
    await user.click(await screen.findByTestId("commission-tab-appraisal"));
    await user.click(screen.getByTestId("commission-month"));
    await user.click(await screen.findByTitle("2024年2月"));
    const view = await screen.findByTestId("appraisal-view");
    expect(view).toHaveTextContent(`在${cohort}${word}的 9 位经纪人中排第 2 名`);
    expect(view).toHaveTextContent(`同${word}经纪人中的位置`);
  });

  it("says plainly when nothing was ever published", async () => {
    mockCommission(undefined, (cmd) => (cmd === "my_appraisals" ? [] : undefined));
    const user = userEvent.setup();
    renderWithProviders(<CommissionPanel />);
    await user.click(await screen.findByTestId("commission-tab-appraisal"));
    expect(await screen.findByTestId("appraisal-none")).toHaveTextContent("总部尚未发布过你的考核结果");
  });
});
