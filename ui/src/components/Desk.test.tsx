import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ClientPage } from "../bindings/ClientPage";
import type { SyncStatus } from "../bindings/SyncStatus";
import type { UserProfile } from "../bindings/UserProfile";
import { clientRow, syncStatus } from "../test/fixtures";
import { lockSettings, quietToday } from "../test/mockDesk";
import { renderWithProviders } from "../test/render";
import { Desk } from "./Desk";

const user: UserProfile = {
  user_id: "u1",
  username: "wangli",
  display_name: "王丽",
  role: "Broker",
  org_path: "上海浦东营业部 / 财富一组",
};

describe("Desk", () => {
  it("shows first-sync progress on an empty book, then the workstation", async () => {
    let finish: (s: SyncStatus) => void = () => undefined;
    let synced = false;
    const calls: string[] = [];
    mockIPC(
      (cmd) => {
        calls.push(cmd);
        if (cmd === "sync_status") return syncStatus({ connection: "unknown", last_sync_at: null });
        if (cmd === "list_clients")
          return (synced ? { total: 1, rows: [clientRow()] } : { total: 0, rows: [] }) satisfies ClientPage;
        if (["refusals", "conflicts", "saved_filters", "book_tags"].includes(cmd)) return [];
        if (cmd === "lock_settings") return lockSettings;
        if (cmd === "today_view") return quietToday;
        if (cmd === "sync_now") return new Promise<SyncStatus>((resolve) => (finish = resolve));
        return undefined;
      },
      { shouldMockEvents: true },
    );
    const clicker = userEvent.setup();
    renderWithProviders(<Desk user={user} onSession={vi.fn()} />);

    expect(await screen.findByTestId("sync-progress")).toBeInTheDocument();
    expect(calls).toContain("sync_now");

    await act(() =>
      emit("sync-status", syncStatus({ syncing: true, progress: { applied: 12_345, total: 106_000 } })),
    );
    expect(screen.getByTestId("sync-progress")).toHaveTextContent("已同步 12,345 / 106,000 条");

    synced = true;
    await act(async () => {
      await emit("sync-status", syncStatus({ syncing: false }));
      finish(syncStatus({ syncing: false }));
    });
    expect(await screen.findByTestId("status-bar")).toBeInTheDocument();
    expect(screen.queryByTestId("sync-progress")).not.toBeInTheDocument();
    expect(screen.getByText("王丽")).toBeInTheDocument();
    expect(screen.getByText("上海浦东营业部 / 财富一组")).toBeInTheDocument();
    expect(await screen.findByTestId("today-panel")).toBeInTheDocument();
    await clicker.click(screen.getByTestId("nav-clients"));
    expect(await screen.findAllByTestId("client-row")).toHaveLength(1);

    // A later background sync must not take the workstation away (and with it an open dialog).
    await act(() => emit("sync-status", syncStatus({ syncing: true, progress: null })));
    expect(screen.queryByTestId("sync-progress")).not.toBeInTheDocument();
    expect(screen.getByTestId("status-bar")).toBeInTheDocument();
  });

  it("goes straight to the workstation when the book has clients", async () => {
    mockIPC(
      (cmd) => {
        if (cmd === "sync_status") return syncStatus({ syncing: true });
        if (cmd === "list_clients") return { total: 1, rows: [clientRow()] } satisfies ClientPage;
        if (["refusals", "conflicts", "saved_filters", "book_tags"].includes(cmd)) return [];
        if (cmd === "lock_settings") return lockSettings;
        if (cmd === "today_view") return quietToday;
        if (cmd === "sync_now") return new Promise<never>(() => undefined);
        return undefined;
      },
      { shouldMockEvents: true },
    );
    renderWithProviders(<Desk user={user} onSession={vi.fn()} />);
    await waitFor(() => expect(screen.getByTestId("status-bar")).toBeInTheDocument());
    expect(screen.queryByTestId("sync-progress")).not.toBeInTheDocument();
  });
});
