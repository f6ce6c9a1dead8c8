import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ServiceCaseView } from "../../bindings/ServiceCaseView";
import { ipcReject, profile } from "../../test/fixtures";
import { mockDesk } from "../../test/mockDesk";
import { renderWithProviders } from "../../test/render";
import { ServiceTab } from "./ServiceTab";

type User = ReturnType<typeof userEvent.setup>;

const pendingCase: ServiceCaseView = {
  id: "CP-1",
  kind: "complaint",
  opened_on: "2099-01-01",
  due_on: "2099-01-08",
  closed_on: null,
  summary: "客户称产品风险高于其承受能力",
  outcome: null,
  category: "suitability",
  channel: "phone",
  client_asks: "要求赎回",
  case_no: null,
  status: "registered",
  handler: null,
  history: [{ at: "2099-01-01T02:00:00Z", status: "registered", by: "李明", note: "已登记，待同步到总部后获得受理编号" }],
  pending: true,
  satisfaction: null,
  client_words: null,
};

async function openForm(user: User) {
  await user.click(screen.getByTestId("complaint-new"));
  return screen.findByTestId("complaint-form");
}

async function chooseCategory(user: User, form: HTMLElement, label: string) {
  await user.click(within(within(form).getByTestId("complaint-category")).getByRole("combobox"));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll(".ant-select-item-option")].find((o) => o.getAttribute("title") === label);
    if (!found) throw new Error(`no option ${label}`);
    return found;
  });
  await user.click(option);
}

describe("ServiceTab", () => {
  it("shows a return visit's score and the client's words", () => {
    mockDesk();
    renderWithProviders(<ServiceTab profile={profile} onCases={vi.fn()} />);
    const visits = screen.getByTestId("service-visits");
    expect(within(visits).getByTestId("visit-satisfaction")).toHaveAttribute("data-score", "2");
    expect(within(visits).getByText("很久没人联系我")).toBeInTheDocument();
  });

  it("says in Chinese what is missing and sends nothing", async () => {
    const calls = mockDesk();
    const user = userEvent.setup();
    renderWithProviders(<ServiceTab profile={profile} onCases={vi.fn()} />);
    const form = await openForm(user);
    await user.type(within(form).getByTestId("complaint-words"), "太贵");
    await user.click(within(form).getByTestId("complaint-submit"));
    expect(await within(form).findByText("请选择投诉类别")).toBeInTheDocument();
    expect(within(form).getByText("请记录客户的原话（5 到 2000 字）")).toBeInTheDocument();
    expect(calls.filter(([cmd]) => cmd === "register_complaint")).toEqual([]);
  });

  it("registers the complaint with trimmed words and hands back the client's cases", async () => {
    const calls = mockDesk((cmd) => (cmd === "register_complaint" ? [pendingCase] : undefined));
    const onCases = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ServiceTab profile={profile} onCases={onCases} />);
    const form = await openForm(user);
    await chooseCategory(user, form, "适当性/销售");
    await user.type(within(form).getByTestId("complaint-words"), "  客户称产品风险高于其承受能力 ");
    await user.type(within(form).getByTestId("complaint-asks"), "要求赎回");
    await user.click(within(form).getByTestId("complaint-submit"));
    await waitFor(() => expect(onCases).toHaveBeenCalledWith([pendingCase]));
    const sent = calls.find(([cmd]) => cmd === "register_complaint")?.[1].complaint as Record<string, unknown>;
    expect(sent).toMatchObject({
      client_id: "C000123",
      category: "suitability",
      channel: "phone",
      client_words: "客户称产品风险高于其承受能力",
      client_asks: "要求赎回",
    });
    expect(sent.received_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("shows head office's refusal and keeps what was typed", async () => {
    mockDesk((cmd) =>
      cmd === "register_complaint"
        ? ipcReject({ code: "validation", message: "客户 C000123 不在您的客户名单中，投诉未登记" })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<ServiceTab profile={profile} onCases={vi.fn()} />);
    const form = await openForm(user);
    await chooseCategory(user, form, "佣金费用");
    await user.type(within(form).getByTestId("complaint-words"), "客户认为佣金高于约定");
    await user.click(within(form).getByTestId("complaint-submit"));
    expect(await within(form).findByTestId("complaint-error")).toHaveTextContent("不在您的客户名单中");
    expect(within(form).getByTestId("complaint-words")).toHaveValue("客户认为佣金高于约定");
  });

  it("shows an unsynced complaint as 待同步 with its time left and its steps", async () => {
    mockDesk();
    const user = userEvent.setup();
    renderWithProviders(<ServiceTab profile={{ ...profile, service_cases: [pendingCase] }} onCases={vi.fn()} />);
    const table = screen.getByTestId("service-complaints");
    expect(within(table).getByTestId("complaint-pending")).toHaveTextContent("待同步");
    expect(within(table).getByTestId("complaint-time-left")).toHaveTextContent(/剩 \d+ 天/);
    await user.click(within(table).getByRole("button", { name: /展开|expand/i }));
    expect(await screen.findByTestId("complaint-detail")).toHaveTextContent("已登记，待同步到总部后获得受理编号");
  });
});
