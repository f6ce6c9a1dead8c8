import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { PaletteClient } from "../bindings/PaletteClient";
import { Workstation } from "../components/Workstation";
import { freezeAgendaClock, mockAgenda } from "../test/agendaDesk";
import { profile, signedInUser } from "../test/fixtures";
import { renderWithProviders } from "../test/render";

beforeEach(freezeAgendaClock);
afterEach(() => {
  vi.useRealTimers();
});

const zhangSan: PaletteClient = {
  id: "C000123",
  name: "张三",
  mobile_masked: "138****5678",
  tier: "Platinum",
  matched: "initials",
  strength: "exact",
  opened_at: null,
};

/**
 * The 提醒 panel's desk, whose palette finds 张三 by "zs" and whose 360° is 张三's; the palette's
 * search answers `lateMs` late when given.
 */
function deskWithZhangSan(lateMs = 0) {
  const asked: string[] = [];
  const notes: unknown[] = [];
  const snoozedToTradingDay: string[] = [];
  const desk = mockAgenda((cmd, args) => {
    if (cmd === "palette_clients") {
      const { text } = args as { text: string };
      asked.push(text);
      const clients = text === "zs" ? [zhangSan] : [];
      return lateMs > 0 ? new Promise((resolve) => setTimeout(() => resolve(clients), lateMs)) : clients;
    }
    if (cmd === "add_contact_note") {
      notes.push((args as { note: unknown }).note);
      return profile;
    }
    if (cmd === "snooze_reminder_to_next_trading_day") {
      snoozedToTradingDay.push((args as { id: string }).id);
      return undefined;
    }
    return undefined;
  });
  return { desk, asked, notes, snoozedToTradingDay };
}

/** The signed-in window on 工作台, keys ready. */
async function renderDesk() {
  renderWithProviders(<Workstation user={{ ...signedInUser }} onSession={vi.fn()} />);
  await screen.findByTestId("today-panel");
  return userEvent.setup();
}

/** The palette is open (by Ctrl+K unless `opened` says it already is) and takes the keys. */
async function paletteHasFocus(user: ReturnType<typeof userEvent.setup>, opened = false) {
  if (!opened) await user.keyboard("{Control>}k{/Control}");
  const combo = await screen.findByRole("combobox", { name: "命令面板" });
  await waitFor(() => expect(combo).toHaveFocus());
}

describe("the desk's keyboard", () => {
  it("finds a client by initials, logs a call and sets a follow-up without the mouse", async () => {
    const { asked, notes, desk } = deskWithZhangSan();
    const user = await renderDesk();
    await paletteHasFocus(user);
    await user.keyboard("zs");
    const option = await screen.findByRole("option", { name: /张三/ });
    expect(option).toHaveAttribute("aria-selected", "true");
    expect(asked).toContain("zs");
    await user.keyboard("{Enter}");
    const drawer = await screen.findByTestId("client-profile");
    expect(await within(drawer).findByTestId("profile-name")).toHaveTextContent("张三");
    expect(screen.queryByRole("combobox", { name: "命令面板" })).not.toBeInTheDocument();

    await user.keyboard("n");
    const summary = await screen.findByTestId("contact-summary");
    await waitFor(() => expect(summary).toHaveFocus());
    await user.keyboard("电话沟通，客户考虑加仓");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(notes).toHaveLength(1));
    expect(notes[0]).toMatchObject({ client_id: "C000123", summary: "电话沟通，客户考虑加仓" });

    await user.keyboard("r");
    const form = await screen.findByTestId("reminder-form");
    expect(within(form).getByText("张三")).toBeInTheDocument();
    await waitFor(() => expect(within(form).getByTestId("reminder-title")).toHaveFocus());
    await user.keyboard("回访张三");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(desk.added).toHaveLength(1));
    expect(desk.added[0]).toMatchObject({ title: "回访张三", client_id: "C000123" });

    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("client-profile")).not.toBeInTheDocument());
    await paletteHasFocus(user);
    await user.keyboard("佣金");
    expect(await screen.findByRole("option", { name: /打开佣金/ })).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("commission-panel")).toBeInTheDocument();
  });

  it("opens the client when Enter came before the store's answer to the last keystroke", async () => {
    deskWithZhangSan(150);
    const user = await renderDesk();
    await paletteHasFocus(user);
    await user.keyboard("zs{Enter}");
    expect(await within(await screen.findByTestId("client-profile")).findByTestId("profile-name")).toHaveTextContent(
      "张三",
    );
  });

  it("asks for the client first when 记录联系 is chosen with nobody open", async () => {
    const { notes } = deskWithZhangSan();
    const user = await renderDesk();
    await user.keyboard("n");
    expect(await screen.findByTestId("palette-pending")).toHaveTextContent("记录联系");
    await paletteHasFocus(user, true);
    await user.keyboard("zs");
    await screen.findByRole("option", { name: /张三/ });
    await user.keyboard("{Enter}");
    const summary = await screen.findByTestId("contact-summary");
    await waitFor(() => expect(summary).toHaveFocus());
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("contact-summary")).not.toBeInTheDocument());
    expect(screen.getByTestId("client-profile")).toBeInTheDocument();
    expect(notes).toHaveLength(0);
  });

  it("types into a field without firing a single-key shortcut", async () => {
    deskWithZhangSan();
    const user = await renderDesk();
    await user.click(await screen.findByTestId("nav-clients"));
    const search = screen.getByTestId("client-search");
    await user.click(search);
    await user.keyboard("nr?jd");
    expect(search).toHaveValue("nr?jd");
    expect(screen.queryByTestId("contact-summary")).not.toBeInTheDocument();
    expect(screen.queryByTestId("reminder-form")).not.toBeInTheDocument();
    expect(screen.queryByTestId("shortcut-help-body")).not.toBeInTheDocument();
    expect(screen.queryByTestId("command-palette")).not.toBeInTheDocument();
  });

  it("walks the client list with J and K and opens the row with Enter", async () => {
    const { desk } = deskWithZhangSan();
    const user = await renderDesk();
    await user.click(await screen.findByTestId("nav-clients"));
    const [row] = await screen.findAllByTestId("client-row");
    if (!row) throw new Error("no row");
    await user.click(document.body);
    await user.keyboard("j");
    await waitFor(() => expect(row).toHaveAttribute("aria-selected", "true"));
    await user.keyboard("k{Enter}");
    expect(await screen.findByTestId("client-profile")).toBeInTheDocument();
    expect(desk.calls("client_profile")).toBe(1);
  });

  it("snoozes the focused reminder to the next trading day with S then 3, and completes with D", async () => {
    const { snoozedToTradingDay, desk } = deskWithZhangSan();
    const user = await renderDesk();
    await user.click(await screen.findByTestId("nav-reminders"));
    const row = await screen.findByTestId("reminder-item-RM-2");
    act(() => row.focus());
    await user.keyboard("s");
    expect(await screen.findByTestId("snooze-nextTradingDay-RM-2")).toBeInTheDocument();
    await user.keyboard("3");
    await waitFor(() => expect(snoozedToTradingDay).toEqual(["RM-2"]));
    act(() => row.focus());
    await user.keyboard("d");
    await waitFor(() => expect(desk.completed).toEqual(["RM-2"]));
  });

  it("shows every shortcut on ?", async () => {
    deskWithZhangSan();
    const user = await renderDesk();
    await user.keyboard("?");
    const sheet = await screen.findByTestId("shortcut-help-body");
    expect(sheet).toHaveTextContent("打开命令面板");
    expect(sheet).toHaveTextContent("下一交易日 09:00");
    expect(within(sheet).getAllByText("Ctrl").length).toBeGreaterThan(2);
  });
});
