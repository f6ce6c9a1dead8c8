import { mockIPC } from "@tauri-apps/api/mocks";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { IpcError } from "../bindings/IpcError";
import type { PreferencesView } from "../bindings/PreferencesView";
import { StatusBar } from "../components/StatusBar";
import { ipcReject, profile, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { ClientProfileDrawer } from "./ClientProfileDrawer";

interface Backend {
  calls: string[];
  saves: Array<{ clientId: string; preferences: PreferencesView }>;
}

/** A backend whose update_preferences answers with `answer` (a profile or an IpcError). */
function mockBackend(answer: ClientProfile | IpcError): Backend {
  const backend: Backend = { calls: [], saves: [] };
  let pending = 0;
  mockIPC(
    (cmd, args) => {
      backend.calls.push(cmd);
      if (cmd === "client_profile") return profile;
      if (cmd === "sync_status") return syncStatus({ pending });
      if (cmd === "refusals" || cmd === "conflicts" || cmd === "transfer_requests") return [];
      if (cmd === "update_preferences") {
        backend.saves.push(args as Backend["saves"][number]);
        if ("code" in answer) return ipcReject(answer);
        pending += 1;
        return answer;
      }
      return undefined;
    },
    { shouldMockEvents: true },
  );
  return backend;
}

async function openForm() {
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("preferences-edit"));
  const form = await screen.findByTestId("preferences-form");
  return { user, form };
}

describe("PreferencesCard", () => {
  it("shows the preferences with channel label and — for no remark", async () => {
    mockBackend(profile);
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    const card = await screen.findByTestId("preferences");
    expect(within(card).getByTestId("preferences-channel-value")).toHaveTextContent(/^电话$/);
    expect(within(card).getByTestId("preferences-best-time-value")).toHaveTextContent("工作日 9:30 前");
    expect(within(card).getByTestId("preferences-remark-value")).toHaveTextContent(/^—$/);
    expect(within(card).queryByTestId("preferences-pending")).not.toBeInTheDocument();
  });

  it("saves the edited preferences and shows 待同步 from the returned profile", async () => {
    const answer: ClientProfile = {
      ...profile,
      preferences: {
        ...profile.preferences,
        preferred_channel: null,
        best_time_to_call: "周末上午",
        remark: "不喜欢电话推销",
        pending: true,
      },
    };
    const backend = mockBackend(answer);
    renderWithProviders(
      <>
        <ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />
        <StatusBar />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 0 条"));
    const { user, form } = await openForm();

    await user.click(within(form).getByRole("combobox"));
    await user.click(await screen.findByTitle("不限"));
    const bestTime = within(form).getByTestId("preferences-best-time");
    await user.clear(bestTime);
    await user.type(bestTime, "周末上午");
    await user.type(within(form).getByTestId("preferences-remark"), "不喜欢电话推销");
    await user.click(within(form).getByTestId("preferences-save"));

    await waitFor(() => expect(screen.queryByTestId("preferences-form")).not.toBeInTheDocument());
    expect(backend.saves).toEqual([
      {
        clientId: "C000123",
        // The needs analysis answers go back unchanged.
        preferences: {
          ...profile.preferences,
          preferred_channel: null,
          best_time_to_call: "周末上午",
          remark: "不喜欢电话推销",
          pending: false,
        },
      },
    ]);
    expect(screen.getByTestId("preferences-pending")).toHaveTextContent("待同步");
    expect(screen.getByTestId("preferences-channel-value")).toHaveTextContent(/^—$/);
    expect(screen.getByTestId("preferences-best-time-value")).toHaveTextContent("周末上午");
    expect(screen.getByTestId("preferences-remark-value")).toHaveTextContent("不喜欢电话推销");
    await waitFor(() => expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 1 条"));
    expect(backend.calls.lastIndexOf("sync_status")).toBeGreaterThan(backend.calls.indexOf("update_preferences"));
  });

  it("shows the Chinese error of a refused save and keeps what was typed", async () => {
    const backend = mockBackend({ code: "validation", message: "客户备注不能超过 500 字" });
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    const { user, form } = await openForm();

    await user.type(within(form).getByTestId("preferences-remark"), "客户偏好晚间联系");
    await user.click(within(form).getByTestId("preferences-save"));

    expect(await within(form).findByTestId("preferences-error")).toHaveTextContent("客户备注不能超过 500 字");
    expect(backend.saves).toHaveLength(1);
    expect(backend.saves[0].preferences).toMatchObject({ preferred_channel: "phone", remark: "客户偏好晚间联系" });
    expect(within(form).getByTestId("preferences-remark")).toHaveValue("客户偏好晚间联系");
    expect(within(form).getByTestId("preferences-best-time")).toHaveValue("工作日 9:30 前");
    expect(within(form).getByTestId("preferences-save")).toBeEnabled();
    expect(screen.queryByTestId("preferences-pending")).not.toBeInTheDocument();
  });
});
