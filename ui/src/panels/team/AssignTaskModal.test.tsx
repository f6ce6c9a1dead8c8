import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ipcReject } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { freezeTeamClock, mockTeam } from "../../test/teamDesk";
import { TeamPanel } from "../TeamPanel";

beforeEach(freezeTeamClock);
afterEach(() => {
  vi.useRealTimers();
});

type User = ReturnType<typeof userEvent.setup>;

async function openForm(user: User) {
  await screen.findByTestId("team-totals");
  await user.click(screen.getByTestId("team-assign"));
  return screen.findByTestId("assign-form");
}

async function choose(user: User, form: HTMLElement, label: string) {
  await user.click(within(within(form).getByTestId("assign-assignees")).getByRole("combobox"));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll(".ant-select-item-option")].find((o) => o.getAttribute("title") === label);
    if (!found) throw new Error(`no option ${label}`);
    return found;
  });
  await user.click(option);
}

describe("AssignTaskModal", () => {
  it("offers every broker of the tree and proposes a due date three days from today", async () => {
    mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const form = await openForm(user);
    expect(within(form).getByTestId("assign-due")).toHaveValue("2024-03-18");
    await user.click(within(within(form).getByTestId("assign-assignees")).getByRole("combobox"));
    await waitFor(() => expect(document.querySelector(".ant-select-item-option")).not.toBeNull());
    const options = [...document.querySelectorAll(".ant-select-item-option")].map((o) => o.getAttribute("title"));
    expect(options).toEqual(["赵六（上海浦东营业部）", "王丽（财富管理一组）", "李雷（财富管理一组）", "周八（机构服务小组）"]);
  });

  it("says in Chinese what is missing and sends nothing", async () => {
    const desk = mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const form = await openForm(user);
    await user.click(within(form).getByTestId("assign-submit"));
    expect(await within(form).findByText("请填写任务标题")).toBeInTheDocument();
    expect(within(form).getByText("请至少选择一位经纪人")).toBeInTheDocument();
    expect(desk.assigned).toEqual([]);
  });

  it("assigns to the chosen brokers by the due date, then shows the figures again", async () => {
    const desk = mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const form = await openForm(user);
    await choose(user, form, "王丽（财富管理一组）");
    await choose(user, form, "周八（机构服务小组）");
    await user.type(within(form).getByTestId("assign-title"), "  本周回访高净值客户 ");
    await user.type(within(form).getByTestId("assign-detail"), "回访结果记入联系记录");
    await user.click(within(form).getByTestId("assign-submit"));

    await waitFor(() => expect(desk.assigned).toHaveLength(1));
    expect(desk.assigned[0]).toEqual({
      assignees: ["B1", "B4"],
      title: "本周回访高净值客户",
      detail: "回访结果记入联系记录",
      due_on: "2024-03-18",
    });
    expect(await screen.findByText("已分配给 2 位经纪人")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("assign-form")).not.toBeInTheDocument());
    await waitFor(() => expect(desk.units).toEqual([null, null]));
  });

  it("sends a date typed into the picker", async () => {
    const desk = mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const form = await openForm(user);
    await choose(user, form, "赵六（上海浦东营业部）");
    await user.type(within(form).getByTestId("assign-title"), "季度回访");
    const due = within(form).getByTestId("assign-due");
    await user.click(due);
    await user.clear(due);
    await user.type(due, "2024-03-29{Enter}");
    await user.click(within(form).getByTestId("assign-submit"));
    await waitFor(() => expect(desk.assigned).toHaveLength(1));
    expect(desk.assigned[0]).toMatchObject({ assignees: ["B3"], detail: null, due_on: "2024-03-29" });
  });

  it("preselects the broker being viewed", async () => {
    mockTeam();
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const tree = await screen.findByTestId("team-tree");
    const wangli = within(tree)
      .getAllByTestId("team-tree-broker")
      .find((b) => b.dataset.id === "B1");
    await user.click(wangli!);
    await screen.findByTestId("team-broker");
    await user.click(screen.getByTestId("team-assign"));
    const form = await screen.findByTestId("assign-form");
    expect(within(form).getByTitle("王丽（财富管理一组）")).toBeInTheDocument();
  });

  it("shows head office's refusal and keeps what was typed", async () => {
    const desk = mockTeam((cmd) =>
      cmd === "assign_tasks"
        ? ipcReject({ code: "validation", message: "分配任务需要连接总部，请联网后再试；任务未分配" })
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<TeamPanel />);
    const form = await openForm(user);
    await choose(user, form, "李雷（财富管理一组）");
    await user.type(within(form).getByTestId("assign-title"), "周五前完成风险测评提醒");
    await user.click(within(form).getByTestId("assign-submit"));

    expect(await within(form).findByTestId("assign-error")).toHaveTextContent(
      "分配任务需要连接总部，请联网后再试；任务未分配",
    );
    expect(desk.assigned).toHaveLength(1);
    expect(within(form).getByTestId("assign-title")).toHaveValue("周五前完成风险测评提醒");
    expect(within(form).getByTitle("李雷（财富管理一组）")).toBeInTheDocument();
    expect(within(form).getByTestId("assign-submit")).toBeEnabled();
  });
});
