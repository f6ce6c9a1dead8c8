import { mockIPC } from "@tauri-apps/api/mocks";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { SessionState } from "../bindings/SessionState";
import { clientRow, signedOut, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { SessionGate } from "./SessionGate";

const signedIn: SessionState = {
  signed_in: true,
  locked: false,
  user: {
    user_id: "u1",
    username: "wangli",
    display_name: "王丽",
    role: "Broker",
    org_path: "上海浦东营业部",
  },
  server_url: "http://127.0.0.1:8787",
  last_username: "wangli",
};

describe("SessionGate", () => {
  it("signs in, shows the workstation and signs out again", async () => {
    let session: SessionState = { ...signedOut, last_username: "wangli" };
    mockIPC(
      (cmd) => {
        switch (cmd) {
          case "session_state":
            return session;
          case "sign_in":
            session = signedIn;
            return session;
          case "sign_out":
            session = { ...signedOut, last_username: "wangli" };
            return session;
          case "sync_now":
          case "sync_status":
            return syncStatus();
          case "list_clients":
            return { total: 1, rows: [clientRow()] };
          case "conflicts":
          case "refusals":
            return [];
          default:
            return undefined;
        }
      },
      { shouldMockEvents: true },
    );
    const user = userEvent.setup();
    renderWithProviders(<SessionGate />);

    await user.type(await screen.findByLabelText("密码"), "secret");
    await user.click(screen.getByRole("button", { name: "登录" }));
    expect(await screen.findByTestId("status-bar")).toBeInTheDocument();
    expect(await screen.findAllByTestId("client-row")).toHaveLength(1);

    await user.click(screen.getByTestId("sign-out"));
    await user.click(await screen.findByRole("button", { name: "退出" }));
    expect(await screen.findByRole("button", { name: "登录" })).toBeInTheDocument();
  });

  it("switches the language and remembers it", async () => {
    mockIPC((cmd) => (cmd === "session_state" ? signedOut : undefined));
    const user = userEvent.setup();
    renderWithProviders(<SessionGate />);
    await screen.findByLabelText("密码");
    await user.click(screen.getByText("English"));
    expect(await screen.findByLabelText("Password")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(window.localStorage.getItem("brokerdesk.locale")).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });
});
