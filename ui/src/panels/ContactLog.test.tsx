import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ClientProfile } from "../bindings/ClientProfile";
import type { IpcError } from "../bindings/IpcError";
import type { NewContactNote } from "../bindings/NewContactNote";
import { AppProviders } from "../AppProviders";
import { StatusBar } from "../components/StatusBar";
import { contactNote, ipcReject, profile, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { ClientProfileDrawer } from "./ClientProfileDrawer";
import { isBeforeToday } from "./contactChannels";

const saved = contactNote({
  id: "N-new",
  channel: "wechat",
  summary: "微信沟通：\n客户想了解国债逆回购",
  contacted_at: "2024-03-05T01:05:00Z",
  follow_up_on: null,
  pending: true,
});

interface Backend {
  calls: string[];
  notes: NewContactNote[];
}

/** A backend whose add_contact_note answers with `answer` (a profile or an IpcError). */
function mockBackend(answer: ClientProfile | IpcError, initial: ClientProfile = profile): Backend {
  const backend: Backend = { calls: [], notes: [] };
  let pending = 0;
  mockIPC(
    (cmd, args) => {
      backend.calls.push(cmd);
      if (cmd === "client_profile") return initial;
      if (cmd === "sync_status") return syncStatus({ pending });
      if (cmd === "refusals") return [];
      if (cmd === "conflicts") return [];
      if (cmd === "transfer_requests") return [];
      if (cmd === "add_contact_note") {
        backend.notes.push((args as { note: NewContactNote }).note);
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
  await user.click(await screen.findByTestId("contact-add"));
  const form = await screen.findByTestId("contact-form");
  return { user, form };
}

describe("ContactLog", () => {
  it("shows notes newest first with channel, Shanghai time, line breaks, follow-up and 待同步", async () => {
    mockBackend(profile, {
      ...profile,
      contacts: [
        contactNote({ id: "N-2", channel: "phone", summary: "第一行\n第二行", pending: true, follow_up_on: "2024-03-08" }),
        contactNote({ id: "N-1", channel: "visit", contacted_at: "2024-02-29T16:30:00Z" }),
      ],
    });
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);

    const items = await screen.findAllByTestId("contact-item");
    expect(within(screen.getByTestId("contact-timeline")).getAllByTestId("contact-item")).toHaveLength(2);
    expect(items[0]).toHaveTextContent("电话");
    expect(items[0]).toHaveTextContent("2024-03-02 00:30");
    expect(items[0]).toHaveTextContent("下次跟进 2024-03-08");
    expect(within(items[0]).getByText(/第一行/).textContent).toBe("第一行\n第二行");
    expect(within(items[0]).getByTestId("contact-pending")).toHaveTextContent("待同步");
    expect(items[1]).toHaveTextContent("面谈");
    expect(items[1]).toHaveTextContent("2024-03-01 00:30");
    expect(within(items[1]).queryByTestId("contact-pending")).not.toBeInTheDocument();
  });

  it("shows the empty state", async () => {
    mockBackend(profile);
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    expect(await screen.findByTestId("contact-timeline")).toHaveTextContent("暂无联系记录");
    expect(screen.queryByTestId("contact-form")).not.toBeInTheDocument();
  });

  it("refuses an empty or blank note without calling add_contact_note", async () => {
    const backend = mockBackend({ ...profile, contacts: [saved] });
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    const { user, form } = await openForm();

    await user.click(within(form).getByTestId("contact-save"));
    expect(await within(form).findByText("请填写联系内容")).toBeInTheDocument();

    await user.type(within(form).getByTestId("contact-summary"), "   ");
    await user.click(within(form).getByTestId("contact-save"));
    expect(await within(form).findByText("请填写联系内容")).toBeInTheDocument();
    expect(backend.calls).not.toContain("add_contact_note");
    expect(screen.getByTestId("contact-form")).toBeInTheDocument();
  });

  it("saves the note, shows it as 待同步 and updates the pending count", async () => {
    const backend = mockBackend({ ...profile, contacts: [saved] });
    renderWithProviders(
      <>
        <ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />
        <StatusBar />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 0 条"));
    const { user, form } = await openForm();

    await user.click(within(form).getByRole("combobox"));
    // antd renders the visible options apart from its (zero-sized) accessible listbox.
    await user.click(await screen.findByTitle("微信"));
    await user.type(within(form).getByTestId("contact-summary"), "微信沟通：{Enter}客户想了解国债逆回购");
    await user.click(within(form).getByTestId("contact-save"));

    await waitFor(() => expect(screen.queryByTestId("contact-form")).not.toBeInTheDocument());
    expect(backend.notes).toEqual([
      {
        client_id: "C000123",
        channel: "wechat",
        summary: "微信沟通：\n客户想了解国债逆回购",
        follow_up_on: null,
      },
    ]);
    const [item] = screen.getAllByTestId("contact-item");
    expect(item).toHaveTextContent("微信");
    expect(item).toHaveTextContent("2024-03-05 09:05");
    expect(within(item).getByTestId("contact-pending")).toHaveTextContent("待同步");
    expect(await screen.findByText("已保存，将在联网时同步")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("status-pending")).toHaveTextContent("待同步 1 条"));
    expect(backend.calls.lastIndexOf("sync_status")).toBeGreaterThan(backend.calls.indexOf("add_contact_note"));
  });

  it("sends the follow-up date as YYYY-MM-DD", async () => {
    const backend = mockBackend({ ...profile, contacts: [saved] });
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    const { user, form } = await openForm();

    await user.type(within(form).getByTestId("contact-summary"), "约好下周再谈");
    const date = within(form).getByTestId("contact-follow-up");
    await user.click(date);
    await user.type(date, "2099-01-02{Enter}");
    await user.click(within(form).getByTestId("contact-save"));

    await waitFor(() => expect(backend.notes).toHaveLength(1));
    expect(backend.notes[0]).toMatchObject({ channel: "phone", follow_up_on: "2099-01-02" });
  });

  it("shows the Chinese error of a refused save and keeps what was typed", async () => {
    const backend = mockBackend({ code: "validation", message: "客户 C000123 不在您的客户名单中" });
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    const { user, form } = await openForm();

    await user.type(within(form).getByTestId("contact-summary"), "电话回访，客户关心分红");
    await user.click(within(form).getByTestId("contact-save"));

    expect(await within(form).findByTestId("contact-error")).toHaveTextContent(
      "客户 C000123 不在您的客户名单中",
    );
    expect(backend.calls).toContain("add_contact_note");
    expect(within(form).getByTestId("contact-summary")).toHaveValue("电话回访，客户关心分红");
    expect(within(form).getByTestId("contact-save")).toBeEnabled();
    expect(screen.queryAllByTestId("contact-item")).toHaveLength(0);
  });

  it("reloads the profile after a sync and keeps a note being typed", async () => {
    let synced = false;
    mockIPC(
      (cmd) => {
        if (cmd === "client_profile")
          return { ...profile, contacts: [{ ...saved, pending: !synced }] } satisfies ClientProfile;
        if (cmd === "refusals") return [];
        if (cmd === "conflicts") return [];
        if (cmd === "transfer_requests") return [];
        return undefined;
      },
      { shouldMockEvents: true },
    );
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    expect(await screen.findByTestId("contact-pending")).toBeInTheDocument();
    const { user, form } = await openForm();
    await user.type(within(form).getByTestId("contact-summary"), "还没写完");

    synced = true;
    await act(() => emit("sync-status", syncStatus({ syncing: true })));
    await act(() => emit("sync-status", syncStatus({ syncing: false })));

    await waitFor(() => expect(screen.queryByTestId("contact-pending")).not.toBeInTheDocument());
    expect(screen.getByTestId("contact-summary")).toHaveValue("还没写完");
  });

  it("ignores a save that finishes after the drawer moved on to another client", async () => {
    let finishSave: (p: ClientProfile) => void = () => undefined;
    let finishOther: (p: ClientProfile) => void = () => undefined;
    mockIPC(
      (cmd, args) => {
        if (cmd === "client_profile") {
          const { clientId } = args as { clientId: string };
          if (clientId === "C000123") return profile;
          return new Promise<ClientProfile>((resolve) => (finishOther = resolve));
        }
        if (cmd === "add_contact_note") return new Promise<ClientProfile>((resolve) => (finishSave = resolve));
        if (cmd === "sync_status") return syncStatus();
        if (cmd === "transfer_requests") return [];
        return undefined;
      },
      { shouldMockEvents: true },
    );
    const view = renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    const { user, form } = await openForm();
    await user.type(within(form).getByTestId("contact-summary"), "电话回访");
    await user.click(within(form).getByTestId("contact-save"));

    view.rerender(
      <AppProviders>
        <ClientProfileDrawer clientId="C000456" onClose={vi.fn()} />
      </AppProviders>,
    );
    act(() => finishSave({ ...profile, contacts: [saved] }));
    // The save is complete (and ignored) before the other client's profile arrives.
    expect(await screen.findByText("已保存，将在联网时同步")).toBeInTheDocument();
    act(() => finishOther({ ...profile, id: "C000456", name: "李四" }));

    expect(await screen.findByText("李四")).toBeInTheDocument();
    expect(screen.queryAllByTestId("contact-item")).toHaveLength(0);
  });
});

describe("isBeforeToday", () => {
  it("disables only days before today", () => {
    expect(isBeforeToday("2024-03-01", "2024-03-02")).toBe(true);
    expect(isBeforeToday("2024-03-02", "2024-03-02")).toBe(false);
    expect(isBeforeToday("2024-03-03", "2024-03-02")).toBe(false);
  });
});
