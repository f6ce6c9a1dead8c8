import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ConflictView } from "../bindings/ConflictView";
import { conflict, ipcReject, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { StatusBar } from "./StatusBar";

const time = conflict();
const channel = conflict({
  mutation_id: "m-8",
  client_id: "C000456",
  client_name: "李四",
  field: "preferred_channel",
  before: null,
  mine: "wechat",
  head_office: "visit",
});

function mockConflicts(initial: ConflictView[]) {
  const state = { list: initial, calls: [] as Array<[string, unknown]>, pending: 0 };
  mockIPC(
    (cmd, args) => {
      state.calls.push([cmd, args]);
      if (cmd === "sync_status") return syncStatus({ pending: state.pending });
      if (cmd === "refusals") return [];
      if (cmd === "conflicts") return state.list;
      if (cmd === "resolve_conflict") {
        const { mutationId, field, keepMine } = args as { mutationId: string; field: string; keepMine: boolean };
        state.list = state.list.filter((c) => !(c.mutation_id === mutationId && c.field === field));
        if (keepMine) state.pending += 1;
        return state.list;
      }
      return undefined;
    },
    { shouldMockEvents: true },
  );
  return state;
}

describe("Conflicts", () => {
  it("shows nothing without conflicts", async () => {
    const backend = mockConflicts([]);
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(backend.calls.map(([c]) => c)).toContain("conflicts"));
    expect(screen.queryByTestId("status-conflicts")).not.toBeInTheDocument();
  });

  it("lists each conflict with mine, head office and before", async () => {
    mockConflicts([time, channel]);
    const user = userEvent.setup();
    renderWithProviders(<StatusBar />);

    const badge = await screen.findByTestId("status-conflicts");
    expect(badge).toHaveTextContent("2 个待处理冲突");
    await user.click(badge);

    const modal = await screen.findByTestId("conflicts-modal");
    expect(modal).toHaveTextContent("您与总部同时修改了以下内容，目前以总部为准；保留您的修改将重新提交。");
    const items = within(modal).getAllByTestId("conflict-item");
    expect(items).toHaveLength(2);

    expect(within(items[0]).getByTestId("conflict-client")).toHaveTextContent("张三");
    expect(within(items[0]).getByTestId("conflict-field")).toHaveTextContent(/^方便联系时间$/);
    expect(within(items[0]).getByTestId("conflict-mine")).toHaveTextContent(/^我的修改周末上午$/);
    expect(within(items[0]).getByTestId("conflict-head-office")).toHaveTextContent(/^总部当前工作日下午$/);
    expect(within(items[0]).getByTestId("conflict-before")).toHaveTextContent(/^修改前工作日 9:30 前$/);

    expect(within(items[1]).getByTestId("conflict-client")).toHaveTextContent("李四");
    expect(within(items[1]).getByTestId("conflict-field")).toHaveTextContent(/^偏好联系方式$/);
    expect(within(items[1]).getByTestId("conflict-mine")).toHaveTextContent(/^我的修改微信$/);
    expect(within(items[1]).getByTestId("conflict-head-office")).toHaveTextContent(/^总部当前面谈$/);
    expect(within(items[1]).getByTestId("conflict-before")).toHaveTextContent(/^修改前（空）$/);
  });

  it("keeps mine with resolve_conflict(keepMine: true) and refreshes the pending count", async () => {
    const backend = mockConflicts([time, channel]);
    const user = userEvent.setup();
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 0 条"));
    await user.click(await screen.findByTestId("status-conflicts"));

    const [first] = await screen.findAllByTestId("conflict-item");
    await user.click(within(first).getByTestId("conflict-keep-mine"));

    await waitFor(() => expect(screen.getAllByTestId("conflict-item")).toHaveLength(1));
    expect(backend.calls).toContainEqual([
      "resolve_conflict",
      { mutationId: "m-7", field: "best_time_to_call", keepMine: true },
    ]);
    expect(screen.getByTestId("status-conflicts")).toHaveTextContent("1 个待处理冲突");
    await waitFor(() => expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 1 条"));

    await user.click(within(screen.getByTestId("conflict-item")).getByTestId("conflict-accept"));
    await waitFor(() => expect(screen.queryByTestId("status-conflicts")).not.toBeInTheDocument());
    expect(backend.calls).toContainEqual([
      "resolve_conflict",
      { mutationId: "m-8", field: "preferred_channel", keepMine: false },
    ]);
  });

  it("shows the error when resolving fails and keeps the conflict", async () => {
    mockIPC((cmd) => {
      if (cmd === "sync_status") return syncStatus();
      if (cmd === "refusals") return [];
      if (cmd === "conflicts") return [time];
      if (cmd === "resolve_conflict") return ipcReject({ code: "storage", message: "本地数据库无法写入" });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<StatusBar />);
    await user.click(await screen.findByTestId("status-conflicts"));
    await user.click(await screen.findByTestId("conflict-accept"));
    expect(await screen.findByText("本地数据库无法写入")).toBeInTheDocument();
    expect(screen.getByTestId("conflict-item")).toBeInTheDocument();
  });

  it("loads conflicts again when a sync has just finished", async () => {
    const backend = mockConflicts([]);
    renderWithProviders(<StatusBar />);
    const loads = () => backend.calls.filter(([c]) => c === "conflicts").length;
    await waitFor(() => expect(loads()).toBe(1));

    backend.list = [time];
    await act(() => emit("sync-status", syncStatus({ syncing: true })));
    expect(loads()).toBe(1);
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    expect(await screen.findByTestId("status-conflicts")).toHaveTextContent("1 个待处理冲突");
    expect(loads()).toBe(2);
  });
});
