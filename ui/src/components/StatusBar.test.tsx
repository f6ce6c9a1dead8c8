import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RefusalNotice } from "../bindings/RefusalNotice";
import type { SyncStatus } from "../bindings/SyncStatus";
import { ipcReject, refusal, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { refreshSyncStatus } from "../hooks/useSyncStatus";
import { StatusBar } from "./StatusBar";

function mockStatus(status: SyncStatus, calls: string[] = []) {
  mockIPC(
    (cmd) => {
      calls.push(cmd);
      if (cmd === "sync_status") return status;
      if (cmd === "sync_now") return { ...status, last_sync_at: "2024-03-02T02:00:00Z" };
      if (cmd === "refusals") return [];
      if (cmd === "conflicts") return [];
      return undefined;
    },
    { shouldMockEvents: true },
  );
}

describe("StatusBar", () => {
  it("shows online, pending and the last sync in Shanghai time", async () => {
    mockStatus(syncStatus({ connection: "online", pending: 3, last_sync_at: "2024-03-01T16:30:00Z" }));
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(screen.getByTestId("status-connection")).toHaveTextContent("在线"));
    expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 3 条");
    expect(screen.getByTestId("status-last-sync")).toHaveTextContent("2024-03-02 00:30");
    expect(screen.queryByTestId("status-error")).not.toBeInTheDocument();
  });

  it("says when head office was restored from a backup and what the desk did", async () => {
    const said = "总部数据已从备份恢复：本机已重新下载客户资料，并重新提交了 3 条此前已保存、总部可能缺失的记录";
    mockStatus(syncStatus({ notice: said }));
    renderWithProviders(<StatusBar />);
    expect(await screen.findByTestId("status-notice")).toHaveTextContent(said);
    expect(screen.queryByTestId("status-error")).not.toBeInTheDocument();
  });

  it("shows offline, never synced and the last error", async () => {
    mockStatus(
      syncStatus({
        connection: "offline",
        pending: 12,
        last_sync_at: null,
        last_error: "无法连接总部服务器",
      }),
    );
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(screen.getByTestId("status-connection")).toHaveTextContent("离线"));
    expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 12 条");
    expect(screen.getByTestId("status-last-sync")).toHaveTextContent("从未同步");
    expect(screen.getByTestId("status-error")).toHaveTextContent("无法连接总部服务器");
  });

  it("follows sync-status events and disables 立即同步 while syncing", async () => {
    mockStatus(syncStatus({ connection: "unknown", pending: 0 }));
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(screen.getByTestId("status-connection")).toHaveTextContent("未连接"));
    expect(screen.getByTestId("status-sync-now")).toBeEnabled();

    await act(() =>
      emit("sync-status", syncStatus({ connection: "online", syncing: true, pending: 5 })),
    );
    expect(screen.getByTestId("status-connection")).toHaveTextContent("在线");
    expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 5 条");
    expect(screen.getByTestId("status-sync-now")).toBeDisabled();
  });

  it("takes only the pending count from a status fetched after a local write", async () => {
    // The answer to that fetch was read while a sync still ran; the sync's end came first.
    let answer = syncStatus({ connection: "online", syncing: false, pending: 0 });
    mockIPC(
      (cmd) => {
        if (cmd === "sync_status") return answer;
        if (cmd === "refusals" || cmd === "conflicts") return [];
        return undefined;
      },
      { shouldMockEvents: true },
    );
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 0 条"));
    answer = syncStatus({ connection: "online", syncing: true, pending: 1 });
    await act(() => refreshSyncStatus());
    expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 1 条");
    expect(screen.queryByTestId("status-syncing")).not.toBeInTheDocument();
  });

  it("calls sync_now from 立即同步", async () => {
    const calls: string[] = [];
    mockStatus(syncStatus(), calls);
    const user = userEvent.setup();
    renderWithProviders(<StatusBar />);
    await user.click(await screen.findByRole("button", { name: /立即同步/ }));
    await waitFor(() => expect(calls).toContain("sync_now"));
    await waitFor(() =>
      expect(screen.getByTestId("status-last-sync")).toHaveTextContent("2024-03-02 10:00"),
    );
  });

  it("has no refusals notice when head office refused nothing", async () => {
    const calls: string[] = [];
    mockStatus(syncStatus(), calls);
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(calls).toContain("refusals"));
    await waitFor(() => expect(screen.getByTestId("status-connection")).toHaveTextContent("在线"));
    expect(screen.queryByTestId("status-refusals")).not.toBeInTheDocument();
  });
});

describe("StatusBar update offer", () => {
  it("shows the running version and, when head office offers one, the new version with its notes", async () => {
    const calls: string[] = [];
    mockIPC(
      (cmd) => {
        calls.push(cmd);
        if (cmd === "sync_status")
          return syncStatus({ version: "0.1.0", update: { version: "0.1.1", notes: "客户列表更快\n修正提醒时间" } });
        if (cmd === "refusals" || cmd === "conflicts") return [];
        if (cmd === "install_update")
          return ipcReject({
            code: "validation",
            message: "还有 2 条记录未上传到总部：为免丢失，请联网同步完成后再安装更新",
          });
        return undefined;
      },
      { shouldMockEvents: true },
    );
    const user = userEvent.setup();
    renderWithProviders(<StatusBar />);
    expect(await screen.findByTestId("status-version")).toHaveTextContent("版本 0.1.0");
    await user.click(await screen.findByTestId("status-update"));
    const dialog = await screen.findByTestId("update-dialog");
    expect(dialog).toHaveTextContent("当前版本 0.1.0");
    expect(within(dialog).getByTestId("update-notes")).toHaveTextContent("客户列表更快");

    await user.click(screen.getByTestId("update-install"));
    await waitFor(() => expect(calls).toContain("install_update"));
    expect(await screen.findByTestId("update-error")).toHaveTextContent("还有 2 条记录未上传到总部");
  });

  it("offers nothing when there is nothing newer", async () => {
    mockStatus(syncStatus());
    renderWithProviders(<StatusBar />);
    expect(await screen.findByTestId("status-version")).toHaveTextContent("版本 0.1.0");
    expect(screen.queryByTestId("status-update")).not.toBeInTheDocument();
  });
});

describe("StatusBar refusals", () => {
  const first = refusal({
    mutation_id: "m-1",
    summary: "联系记录：电话回访，客户关心分红",
    reason: "客户 C000123 已转出，不能再添加联系记录",
    refused_at: "2024-03-01T16:30:00Z",
  });
  const second = refusal({
    mutation_id: "m-2",
    summary: "联系记录：微信沟通",
    reason: "该客户已销户",
    refused_at: "2024-03-01T08:00:00Z",
  });

  function mockRefusals(initial: RefusalNotice[]) {
    const state = { list: initial, calls: [] as Array<[string, unknown]> };
    mockIPC(
      (cmd, args) => {
        state.calls.push([cmd, args]);
        if (cmd === "sync_status") return syncStatus();
        if (cmd === "refusals") return state.list;
        if (cmd === "conflicts") return [];
        if (cmd === "dismiss_refusal") {
          const { mutationId } = args as { mutationId: string };
          state.list = state.list.filter((r) => r.mutation_id !== mutationId);
          return state.list;
        }
        return undefined;
      },
      { shouldMockEvents: true },
    );
    return state;
  }

  it("lists the refusals and dismisses one with 知道了", async () => {
    const backend = mockRefusals([first, second]);
    const user = userEvent.setup();
    renderWithProviders(<StatusBar />);

    const badge = await screen.findByTestId("status-refusals");
    expect(badge).toHaveTextContent("2 条变更被总部拒绝");
    await user.click(badge);

    const items = await screen.findAllByTestId("refusal-item");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("联系记录：电话回访，客户关心分红");
    expect(within(items[0]).getByTestId("refusal-reason")).toHaveTextContent(
      /^客户 C000123 已转出，不能再添加联系记录$/,
    );
    expect(items[0]).toHaveTextContent("2024-03-02 00:30");
    expect(items[1]).toHaveTextContent("该客户已销户");
    expect(items[1]).toHaveTextContent("2024-03-01 16:00");

    await user.click(within(items[0]).getByRole("button", { name: "知道了" }));
    await waitFor(() => expect(screen.getAllByTestId("refusal-item")).toHaveLength(1));
    expect(backend.calls).toContainEqual(["dismiss_refusal", { mutationId: "m-1" }]);
    expect(screen.getByTestId("status-refusals")).toHaveTextContent("1 条变更被总部拒绝");
    expect(screen.getByTestId("refusal-item")).toHaveTextContent("该客户已销户");

    await user.click(within(screen.getByTestId("refusal-item")).getByRole("button", { name: "知道了" }));
    await waitFor(() => expect(screen.queryByTestId("status-refusals")).not.toBeInTheDocument());
    expect(backend.calls).toContainEqual(["dismiss_refusal", { mutationId: "m-2" }]);
  });

  it("shows the error when dismissing fails and keeps the refusal", async () => {
    mockIPC((cmd) => {
      if (cmd === "sync_status") return syncStatus();
      if (cmd === "refusals") return [first];
      if (cmd === "conflicts") return [];
      if (cmd === "dismiss_refusal") return ipcReject({ code: "storage", message: "本地数据库无法写入" });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<StatusBar />);
    await user.click(await screen.findByTestId("status-refusals"));
    await user.click(await screen.findByRole("button", { name: "知道了" }));
    expect(await screen.findByText("本地数据库无法写入")).toBeInTheDocument();
    expect(screen.getByTestId("refusal-item")).toBeInTheDocument();
    expect(screen.getByTestId("status-refusals")).toHaveTextContent("1 条变更被总部拒绝");
  });

  it("loads refusals again when a sync has just finished", async () => {
    const backend = mockRefusals([]);
    renderWithProviders(<StatusBar />);
    await waitFor(() => expect(backend.calls.filter(([c]) => c === "refusals")).toHaveLength(1));
    expect(screen.queryByTestId("status-refusals")).not.toBeInTheDocument();

    backend.list = [first];
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    expect(backend.calls.filter(([c]) => c === "refusals")).toHaveLength(1);

    await act(() => emit("sync-status", syncStatus({ syncing: true })));
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    expect(await screen.findByTestId("status-refusals")).toHaveTextContent("1 条变更被总部拒绝");
    expect(backend.calls.filter(([c]) => c === "refusals")).toHaveLength(2);
  });
});
