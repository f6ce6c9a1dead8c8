import { mockIPC } from "@tauri-apps/api/mocks";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ipcReject, profile } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { ClientProfileDrawer } from "./ClientProfileDrawer";

describe("ClientProfileDrawer", () => {
  it("shows the masked identity exactly as given, accounts and holdings", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "client_profile") {
        asked.push(args);
        return profile;
      }
      if (cmd === "transfer_requests") return [];
    });
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);

    expect(await screen.findByTestId("profile-id-number")).toHaveTextContent(/^3101\*{10}123X$/);
    expect(screen.getByTestId("profile-mobile")).toHaveTextContent(/^138\*{4}5678$/);
    expect(asked).toEqual([{ clientId: "C000123" }]);

    const drawer = screen.getByTestId("client-profile");
    expect(within(drawer).getByText("白金")).toBeInTheDocument();
    expect(within(drawer).getByText("普通投资者")).toBeInTheDocument();
    expect(within(drawer).getAllByText("C4 积极型").length).toBeGreaterThan(0);
    expect(within(drawer).getByText("¥5,234,567.89")).toBeInTheDocument();

    const accounts = screen.getByTestId("profile-accounts");
    expect(within(accounts).getByText("万2.5")).toBeInTheDocument();
    expect(within(accounts).getByText("是")).toBeInTheDocument();
    expect(within(accounts).getByText("¥12,345.00")).toBeInTheDocument();

    const holdings = screen.getByTestId("profile-holdings");
    const gain = within(holdings).getByText("+¥40,000.00");
    const loss = within(holdings).getByText("-¥10,000.00");
    expect(gain).toHaveClass("profit-up");
    expect(loss).toHaveClass("profit-down");
  });

  it("shows the IpcError message when loading fails", async () => {
    mockIPC(
      (cmd) =>
        cmd === "client_profile" ? ipcReject({ code: "not_found", message: "找不到该客户" }) : undefined,
      { shouldMockEvents: true },
    );
    renderWithProviders(<ClientProfileDrawer clientId="C999" onClose={vi.fn()} />);
    expect(await screen.findByTestId("profile-error")).toHaveTextContent("找不到该客户");
  });
});
