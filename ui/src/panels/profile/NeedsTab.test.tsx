import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ClientProfile } from "../../bindings/ClientProfile";
import { ipcReject, profile } from "../../test/fixtures";
import { mockDesk } from "../../test/mockDesk";
import { renderWithProviders } from "../../test/render";
import { NeedsTab } from "./NeedsTab";

type User = ReturnType<typeof userEvent.setup>;

const withHistory: ClientProfile = {
  ...profile,
  profile_history: [
    {
      version: 2,
      changed_by: "李明",
      changed_at: "2026-11-20T02:00:00Z",
      changes: [
        { field: "investment_goal", before: null, after: "steady_growth" },
        { field: "products_of_interest", before: "fund", after: "fund,bond" },
      ],
    },
    {
      version: 1,
      changed_by: "总部",
      changed_at: "2026-11-01T02:00:00Z",
      changes: [{ field: "family_stage", before: null, after: "mystery" }],
    },
  ],
};

async function choose(user: User, form: HTMLElement, testId: string, label: string) {
  await user.click(within(within(form).getByTestId(testId)).getByRole("combobox"));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll(".ant-select-item-option")].find((o) => o.getAttribute("title") === label);
    if (!found) throw new Error(`no option ${label}`);
    return found;
  });
  await user.click(option);
}

describe("NeedsTab", () => {
  it("shows the answers and who changed what, an unknown code as it is", () => {
    mockDesk();
    renderWithProviders(<NeedsTab profile={withHistory} onProfile={vi.fn()} />);
    expect(screen.getByTestId("needs-goal-value")).toHaveTextContent("稳健增值");
    expect(screen.getByTestId("needs-horizon-value")).toHaveTextContent("3–5 年");
    expect(screen.getByTestId("needs-liquidity-value")).toHaveTextContent("未了解");
    expect(screen.getByTestId("needs-products-value")).toHaveTextContent("公募基金债券");
    const entries = screen.getAllByTestId("needs-history-entry");
    expect(entries[0]).toHaveTextContent("李明 于");
    expect(entries[0]).toHaveTextContent("投资目标：（空） → 稳健增值");
    expect(entries[0]).toHaveTextContent("感兴趣的产品：公募基金 → 公募基金、债券");
    expect(entries[1]).toHaveTextContent("家庭情况：（空） → 未知选项（mystery）");
  });

  it("saves the answers with the contact preferences unchanged", async () => {
    const saved: ClientProfile = { ...profile, preferences: { ...profile.preferences, pending: true } };
    const calls = mockDesk((cmd) => (cmd === "update_preferences" ? saved : undefined));
    const onProfile = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<NeedsTab profile={profile} onProfile={onProfile} />);
    await user.click(screen.getByTestId("needs-edit"));
    const form = await screen.findByTestId("needs-form");
    await choose(user, form, "needs-goal", "养老规划");
    await choose(user, form, "needs-liquidity", "低（闲置资金）");
    await user.click(within(form).getByTestId("needs-submit"));
    await waitFor(() => expect(onProfile).toHaveBeenCalledWith(saved));
    const sent = calls.find(([cmd]) => cmd === "update_preferences")?.[1];
    expect(sent).toEqual({
      clientId: profile.id,
      preferences: {
        ...profile.preferences,
        investment_goal: "retirement",
        liquidity_need: "low",
        pending: false,
      },
    });
  });

  it("shows head office's Chinese refusal and keeps the choices", async () => {
    mockDesk((cmd) =>
      cmd === "update_preferences"
        ? ipcReject({ code: "validation", message: "投资期限的取值“forever”无法识别，请从列表中选择" })
        : undefined,
    );
    const onProfile = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<NeedsTab profile={profile} onProfile={onProfile} />);
    await user.click(screen.getByTestId("needs-edit"));
    const form = await screen.findByTestId("needs-form");
    await choose(user, form, "needs-goal", "财富传承");
    await user.click(within(form).getByTestId("needs-submit"));
    expect(await within(form).findByTestId("needs-error")).toHaveTextContent("投资期限的取值“forever”无法识别");
    expect(within(within(form).getByTestId("needs-goal")).getByTitle("财富传承")).toBeInTheDocument();
    expect(onProfile).not.toHaveBeenCalled();
  });
});
