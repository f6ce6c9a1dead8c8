import { mockIPC } from "@tauri-apps/api/mocks";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { SessionState } from "../bindings/SessionState";
import { todayView } from "../test/agendaDesk";
import { clientRow, ipcReject, signedIn, signedOut } from "../test/fixtures";
import { mockDesk } from "../test/mockDesk";
import { renderWithProviders } from "../test/render";
import { SessionGate } from "./SessionGate";

const locked: SessionState = { ...signedIn, locked: true };
const book = { total: 1, rows: [clientRow()] };

describe("SessionGate", () => {
  it("signs in, shows the workstation and signs out again", async () => {
    let session: SessionState = { ...signedOut, last_username: "wangli" };
    mockDesk((cmd) => {
      switch (cmd) {
        case "session_state":
          return session;
        case "sign_in":
          session = signedIn;
          return session;
        case "sign_out":
          session = { ...signedOut, last_username: "wangli" };
          return session;
        case "local_data":
          return { pending: 0, own_reminders: 0, saved_filters: 0, conflicts: 0, refusals: 0, pushes: 0 };
        case "list_clients":
          return book;
        case "today_view":
          return todayView;
        default:
          return undefined;
      }
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionGate />);

    await user.type(await screen.findByLabelText("密码"), "secret");
    await user.click(screen.getByRole("button", { name: "登录" }));
    expect(await screen.findByTestId("status-bar")).toBeInTheDocument();
    expect(await screen.findByTestId("today-panel")).toBeInTheDocument();
    expect(await screen.findAllByTestId("today-alert")).toHaveLength(3);
    await user.click(screen.getByTestId("nav-clients"));
    expect(await screen.findAllByTestId("client-row")).toHaveLength(1);

    await user.click(screen.getByTestId("sign-out"));
    await user.click(await screen.findByTestId("sign-out-confirm"));
    expect(await screen.findByRole("button", { name: "登录" })).toBeInTheDocument();
  });

  it("tells the broker once, in the workstation, what the desk had to set aside", async () => {
    const said = "本机缓存的密钥已丢失，原缓存已另存为 book.db.kept-1，没有删除。";
    mockDesk((cmd) => {
      switch (cmd) {
        case "session_state":
          return { ...signedIn, notice: said };
        case "list_clients":
          return book;
        case "today_view":
          return todayView;
        default:
          return undefined;
      }
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionGate />);
    expect(await screen.findByText(said)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "知道了" }));
    await waitFor(() => expect(screen.queryByText(said)).not.toBeInTheDocument());
    expect(await screen.findByTestId("status-bar")).toBeInTheDocument();
  });

  it("shows on the sign-in and lock screens what the desk found at start", async () => {
    const said = "原缓存已另存为 book.db.kept-1，没有删除。";
    mockIPC((cmd) => (cmd === "session_state" ? { ...locked, notice: said } : undefined));
    renderWithProviders(<SessionGate />);
    expect(await screen.findByTestId("lock-notice")).toHaveTextContent(said);
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

describe("SessionGate lock screen", () => {
  it("starts locked, shows nothing of the book, and unlocks with the password", async () => {
    const passwords: unknown[] = [];
    const calls = mockDesk((cmd, args) => {
      switch (cmd) {
        case "session_state":
          return locked;
        case "unlock_desk":
          passwords.push(args.password);
          return args.password === "demo1234"
            ? signedIn
            : ipcReject({ code: "validation", message: "密码不正确，请输入本账号的登录密码" });
        case "list_clients":
          return book;
        case "today_view":
          return todayView;
        default:
          return undefined;
      }
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionGate />);

    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    expect(screen.getByTestId("lock-user")).toHaveTextContent("王丽");
    expect(screen.getByText("工作台已锁定")).toBeInTheDocument();
    expect(screen.queryByTestId("status-bar")).not.toBeInTheDocument();
    expect(screen.queryByTestId("today-panel")).not.toBeInTheDocument();
    expect(screen.queryByTestId("client-row")).not.toBeInTheDocument();
    expect(screen.queryByText("赵六")).not.toBeInTheDocument();
    const asked = calls.map(([cmd]) => cmd);
    expect(asked).not.toContain("today_view");
    expect(asked).not.toContain("list_clients");

    await user.type(screen.getByTestId("unlock-password"), "wrong");
    await user.click(screen.getByTestId("unlock-submit"));
    expect(await screen.findByTestId("unlock-error")).toHaveTextContent("密码不正确，请输入本账号的登录密码");
    expect(screen.getByTestId("unlock-password")).toHaveValue("");

    await user.type(screen.getByTestId("unlock-password"), "demo1234");
    await user.click(screen.getByTestId("unlock-submit"));
    expect(await screen.findByTestId("today-panel")).toBeInTheDocument();
    expect(await screen.findAllByTestId("today-alert")).toHaveLength(3);
    expect(screen.getByTestId("alert-client-C8")).toHaveTextContent("赵六");
    expect(screen.queryByTestId("lock-screen")).not.toBeInTheDocument();
    expect(passwords).toEqual(["wrong", "demo1234"]);
  });

  it("shows the lock screen when a command is refused as locked", async () => {
    mockDesk((cmd) => {
      if (cmd === "session_state") return signedIn;
      if (cmd === "list_clients") return ipcReject({ code: "locked", message: "工作台已锁定，请输入密码解锁" });
      return undefined;
    });
    renderWithProviders(<SessionGate />);
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    expect(screen.queryByTestId("status-bar")).not.toBeInTheDocument();
  });

  it("locks from the header and leaves the lock screen for a new sign-in without signing out", async () => {
    let session: SessionState = signedIn;
    const calls = mockDesk((cmd) => {
      switch (cmd) {
        case "session_state":
          return session;
        case "lock_desk":
          session = locked;
          return session;
        case "switch_user":
          session = { ...signedOut, last_username: "wangli" };
          return session;
        case "list_clients":
          return book;
        case "today_view":
          return todayView;
        default:
          return undefined;
      }
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionGate />);
    expect(await screen.findAllByTestId("today-alert")).toHaveLength(3);

    await user.click(screen.getByTestId("lock-now"));
    expect(await screen.findByTestId("lock-screen")).toBeInTheDocument();
    expect(screen.queryByTestId("today-panel")).not.toBeInTheDocument();
    expect(screen.queryByTestId("today-alert")).not.toBeInTheDocument();
    expect(screen.queryByText("赵六")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("unlock-switch-user"));
    expect(await screen.findByRole("button", { name: "登录" })).toBeInTheDocument();
    await waitFor(() => expect(calls.map(([cmd]) => cmd)).toContain("switch_user"));
    expect(calls.map(([cmd]) => cmd)).not.toContain("sign_out");
  });

  it("changes the idle time from the header", async () => {
    const asked: unknown[] = [];
    mockDesk((cmd, args) => {
      if (cmd === "session_state") return signedIn;
      if (cmd === "list_clients") return book;
      if (cmd === "set_idle_lock_minutes") {
        asked.push(args.minutes);
        return { idle_lock_minutes: args.minutes, max_idle_lock_minutes: 30 };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<SessionGate />);
    const setting = await screen.findByTestId("idle-lock-settings");
    expect(setting).toHaveTextContent("闲置 10 分钟后自动锁定");

    await user.click(setting);
    const minutes = await screen.findByTestId("idle-lock-minutes");
    expect(screen.getByText("公司规定最长 30 分钟")).toBeInTheDocument();
    await user.clear(minutes);
    await user.type(minutes, "5");
    await user.click(screen.getByTestId("idle-lock-save"));
    await waitFor(() => expect(asked).toEqual([5]));
    expect(await screen.findByTestId("idle-lock-settings")).toHaveTextContent("闲置 5 分钟后自动锁定");
  });
});
