import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { SyncStatus } from "../bindings/SyncStatus";
import { syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { StatusBar } from "./StatusBar";

function mockStatus(status: SyncStatus, calls: string[] = []) {
  mockIPC(
    (cmd) => {
      calls.push(cmd);
      if (cmd === "sync_status") return status;
      if (cmd === "sync_now") return { ...status, last_sync_at: "2024-03-02T02:00:00Z" };
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
});
