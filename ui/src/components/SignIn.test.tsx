import { mockIPC } from "@tauri-apps/api/mocks";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SessionState } from "../bindings/SessionState";
import type { SignInForm } from "../bindings/SignInForm";
import { renderWithProviders } from "../test/render";
import { ipcReject, signedOut } from "../test/fixtures";
import { SignIn } from "./SignIn";

const remembered: SessionState = {
  ...signedOut,
  server_url: "https://desk.example.cn",
  last_username: "wangli",
};

describe("SignIn", () => {
  it("prefills the server and username, with the default server when none is remembered", () => {
    renderWithProviders(<SignIn session={remembered} onSignedIn={vi.fn()} />);
    expect(screen.getByLabelText("服务器地址")).toHaveValue("https://desk.example.cn");
    expect(screen.getByLabelText("用户名")).toHaveValue("wangli");
    expect(screen.getByLabelText("密码")).toHaveValue("");
  });

  it("shows what the desk found at start, e.g. a cache kept aside", () => {
    const said = "原缓存已另存为 book.db.kept-1，没有删除。";
    renderWithProviders(<SignIn session={{ ...signedOut, notice: said }} onSignedIn={vi.fn()} />);
    expect(screen.getByTestId("signin-notice")).toHaveTextContent(said);
  });

  it("shows the server branch IT set for the firm, which the broker cannot change", async () => {
    const fixed = { ...remembered, server_url: "https://hq.example.cn", server_fixed: true };
    renderWithProviders(<SignIn session={fixed} onSignedIn={vi.fn()} />);
    const server = screen.getByLabelText("服务器地址");
    expect(server).toHaveValue("https://hq.example.cn");
    expect(screen.getByText("服务器由分支机构统一配置")).toBeInTheDocument();
    await userEvent.type(server, "/typed");
    expect(server).toHaveValue("https://hq.example.cn");
  });

  it("defaults the server address", () => {
    renderWithProviders(<SignIn session={signedOut} onSignedIn={vi.fn()} />);
    expect(screen.getByLabelText("服务器地址")).toHaveValue("http://127.0.0.1:8787");
  });

  it("validates empty fields in Chinese without calling sign_in", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
    });
    const user = userEvent.setup();
    renderWithProviders(<SignIn session={signedOut} onSignedIn={vi.fn()} />);
    await user.clear(screen.getByLabelText("服务器地址"));
    await user.click(screen.getByRole("button", { name: "登录" }));

    expect(await screen.findByText("请输入服务器地址")).toBeInTheDocument();
    expect(await screen.findByText("请输入用户名")).toBeInTheDocument();
    expect(await screen.findByText("请输入密码")).toBeInTheDocument();
    expect(calls).not.toContain("sign_in");
  });

  it("shows the Chinese error of a rejected sign_in and clears the password", async () => {
    const forms: SignInForm[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "sign_in") {
        forms.push((args as { form: SignInForm }).form);
        return ipcReject({ code: "bad_credentials", message: "用户名或密码不正确" });
      }
    });
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SignIn session={remembered} onSignedIn={onSignedIn} />);
    await user.type(screen.getByLabelText("密码"), "wrong-pass");
    await user.click(screen.getByRole("button", { name: "登录" }));

    const alert = await screen.findByTestId("signin-error");
    expect(alert).toHaveTextContent("用户名或密码不正确");
    expect(forms).toEqual([
      { server_url: "https://desk.example.cn", username: "wangli", password: "wrong-pass" },
    ]);
    expect(screen.getByLabelText("密码")).toHaveValue("");
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it("hands the new session over on success", async () => {
    const next: SessionState = {
      signed_in: true,
      locked: false,
      user: {
        user_id: "u1",
        username: "wangli",
        display_name: "王丽",
        role: "Broker",
        org_path: "上海浦东营业部 / 财富一组",
      },
      server_url: "https://desk.example.cn",
      server_fixed: false,
      last_username: "wangli",
      notice: null,
    };
    mockIPC((cmd) => (cmd === "sign_in" ? next : undefined));
    const onSignedIn = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SignIn session={remembered} onSignedIn={onSignedIn} />);
    await user.type(screen.getByLabelText("密码"), "secret");
    await user.click(screen.getByRole("button", { name: "登录" }));
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith(next));
  });

  it("wraps a malformed rejection as an internal error in Chinese", async () => {
    mockIPC(() => {
      throw new Error("boom");
    });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderWithProviders(<SignIn session={remembered} onSignedIn={vi.fn()} />);
    await user.type(screen.getByLabelText("密码"), "secret");
    await user.click(screen.getByRole("button", { name: "登录" }));
    expect(await screen.findByTestId("signin-error")).toHaveTextContent("发生内部错误");
    spy.mockRestore();
  });
});
