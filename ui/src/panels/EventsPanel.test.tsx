import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { EventView } from "../bindings/EventView";
import type { InvitationView } from "../bindings/InvitationView";
import { ipcReject } from "../test/fixtures";
import { mockDesk } from "../test/mockDesk";
import { renderWithProviders } from "../test/render";
import { beijingInstant } from "./events/eventLabels";
import { EventsPanel } from "./EventsPanel";

const meeting: EventView = {
  id: "EV-1",
  title: "2027 年投资策略会",
  kind: "strategy_meeting",
  starts_at: "2099-01-10T06:00:00Z",
  place: "分公司三楼报告厅",
  capacity: 2,
  description: "首席经济学家解读明年宏观与配置",
  organizer_name: "马婷",
  mine: true,
  accepted: 2,
  attended: 0,
  my_invited: 3,
  my_accepted: 2,
  my_attended: 0,
  pending: false,
  started: false,
};

const invitee = (client_id: string, rsvp: InvitationView["rsvp"]): InvitationView => ({
  client_id,
  client_name: `客户${client_id}`,
  tier: "Gold",
  rsvp,
  attended: false,
  pending: false,
  updated_at: "2099-01-01T02:00:00Z",
});

describe("EventsPanel", () => {
  it("lists the event with its seats and this book's counts, full in red", async () => {
    mockDesk((cmd) => (cmd === "events" ? [meeting] : undefined));
    renderWithProviders(<EventsPanel />);
    const table = await screen.findByTestId("events-table");
    await within(table).findByText("2027 年投资策略会");
    expect(within(table).getByTestId("event-row-seats")).toHaveTextContent("2 / 2已满员");
    expect(within(table).getByTestId("event-row-mine")).toHaveTextContent("3 / 2 / 0");
    expect(within(table).getByText("2099-01-10 14:00")).toBeInTheDocument();
  });

  it("says in Chinese what a new event lacks and sends nothing", async () => {
    const calls = mockDesk((cmd) => (cmd === "events" ? [] : undefined));
    const user = userEvent.setup();
    renderWithProviders(<EventsPanel />);
    await user.click(await screen.findByTestId("event-new"));
    const form = await screen.findByTestId("event-form");
    await user.type(within(form).getByTestId("event-title"), "会");
    await user.click(within(form).getByTestId("event-submit"));
    expect(await within(form).findByText("请填写活动名称（2 到 60 字）")).toBeInTheDocument();
    expect(await within(form).findByText("请选择活动开始时间")).toBeInTheDocument();
    expect(await within(form).findByText("请填写活动地点")).toBeInTheDocument();
    expect(calls.filter(([cmd]) => cmd === "create_event")).toEqual([]);
  });

  it("shows head office's refusal of a sign-up and keeps the row as it was", async () => {
    mockDesk((cmd) => {
      if (cmd === "events") return [{ ...meeting, accepted: 1 }];
      if (cmd === "event_invitations") return [invitee("C1", "invited")];
      if (cmd === "record_event_response")
        return ipcReject({ code: "validation", message: "活动已满员（2 人），请先联系已报名的客户确认能否出席" });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<EventsPanel />);
    const table = await screen.findByTestId("events-table");
    await user.click(await within(table).findByText("2027 年投资策略会"));
    const detail = await screen.findByTestId("event-detail");
    const rsvp = await within(detail).findByTestId("rsvp-C1");
    await user.click(within(rsvp).getByRole("combobox"));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll(".ant-select-item-option")].find((o) => o.getAttribute("title") === "已报名");
      if (!found) throw new Error("no option");
      return found;
    });
    await user.click(option);
    expect(await within(detail).findByTestId("event-response-error")).toHaveTextContent("活动已满员（2 人）");
    expect(within(rsvp).getByTitle("已邀请")).toBeInTheDocument();
    // Attendance waits for the start.
    expect(within(detail).getByTestId("attended-C1")).toBeDisabled();
  });

  it("reads a picked time as Beijing time whatever the computer's zone", () => {
    expect(beijingInstant({ format: () => "2026-12-12T14:00" })).toBe("2026-12-12T14:00:00+08:00");
  });
});
