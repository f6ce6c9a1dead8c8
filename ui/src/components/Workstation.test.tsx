import { emit } from "@tauri-apps/api/event";
import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { freezeAgendaClock, mockAgenda } from "../test/agendaDesk";
import { reminderEvent, signedInUser } from "../test/fixtures";
import { leadUser } from "../test/teamFixtures";
import { renderWithProviders } from "../test/render";
import { mockTeam } from "../test/teamDesk";
import { Workstation } from "./Workstation";

beforeEach(freezeAgendaClock);
afterEach(() => {
  vi.useRealTimers();
});

describe("Workstation", () => {
  it("lists 工作台 first and 提醒 after 佣金, and opens on 工作台", async () => {
    mockAgenda();
    renderWithProviders(<Workstation user={{ ...signedInUser }} onSession={vi.fn()} />);
    expect(await screen.findByTestId("today-panel")).toBeInTheDocument();
    expect(await screen.findByTestId("today-greeting")).toHaveTextContent("早上好，王丽");
    expect(screen.queryByTestId("client-row")).not.toBeInTheDocument();
    const nav = screen.getAllByTestId(/^nav-/).map((e) => e.dataset.testid);
    expect(nav).toEqual([
      "nav-today",
      "nav-clients",
      "nav-recommend",
      "nav-events",
      "nav-commission",
      "nav-reminders",
      "nav-book",
      "nav-audit",
    ]);
    expect(screen.getByTestId("nav-today")).toHaveTextContent("工作台");
    expect(screen.getByTestId("nav-reminders")).toHaveTextContent("提醒");
  });

  it("opens 提醒 from a fired reminder's notification, wherever the broker is", async () => {
    mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<Workstation user={{ ...signedInUser }} onSession={vi.fn()} />);
    await user.click(await screen.findByTestId("nav-clients"));
    await screen.findAllByTestId("client-row");

    await act(() => emit("reminders", [reminderEvent({ reminder_id: "RM-3", title: "部门周会" })]));
    expect(await screen.findByTestId("notify-fired")).toHaveTextContent("部门周会");
    await user.click(screen.getByTestId("notify-open-reminders"));
    const panel = await screen.findByTestId("reminders-panel");
    expect(await within(panel).findByTestId("reminder-item-RM-3")).toBeInTheDocument();
  });

  it("goes from the 工作台's alerts to every alert on 提醒", async () => {
    mockAgenda();
    const user = userEvent.setup();
    renderWithProviders(<Workstation user={{ ...signedInUser }} onSession={vi.fn()} />);
    await user.click(await screen.findByTestId("nav-today"));
    expect(await screen.findByTestId("today-greeting")).toHaveTextContent("早上好，王丽");
    await user.click(await screen.findByTestId("today-alerts-more"));
    expect(await screen.findByTestId("reminders-alerts")).toBeInTheDocument();

    // Back through the menu, 提醒 opens on its agenda.
    await user.click(screen.getByTestId("nav-clients"));
    await user.click(screen.getByTestId("nav-reminders"));
    expect(await screen.findByTestId("reminders-agenda")).toBeInTheDocument();
    expect(screen.queryByTestId("reminders-alerts")).not.toBeInTheDocument();
  });

  it("shows 团队 only to those who lead brokers, and opens on it for them", async () => {
    mockTeam();
    renderWithProviders(<Workstation user={{ ...leadUser }} onSession={vi.fn()} />);
    expect(await screen.findByTestId("team-panel")).toBeInTheDocument();
    expect(await screen.findByTestId("team-totals")).toBeInTheDocument();
    const nav = screen.getAllByTestId(/^nav-/).map((e) => e.dataset.testid);
    expect(nav).toEqual(["nav-today", "nav-team", "nav-events", "nav-reminders", "nav-audit"]);
    expect(screen.getByTestId("nav-team")).toHaveTextContent("团队");
  });

  it("shows 团队 to team leads but not to brokers", async () => {
    mockTeam();
    const { unmount } = renderWithProviders(
      <Workstation user={{ ...leadUser, role: "TeamLead" }} onSession={vi.fn()} />,
    );
    expect(await screen.findByTestId("nav-team")).toBeInTheDocument();
    unmount();

    mockAgenda();
    renderWithProviders(<Workstation user={{ ...signedInUser }} onSession={vi.fn()} />);
    expect(await screen.findByTestId("today-panel")).toBeInTheDocument();
    expect(await screen.findByTestId("today-greeting")).toHaveTextContent("早上好，王丽");
    expect(screen.queryByTestId("nav-team")).not.toBeInTheDocument();
    expect(screen.queryByTestId("team-panel")).not.toBeInTheDocument();
  });
});
