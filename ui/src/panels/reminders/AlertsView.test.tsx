import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bookAlert, wholeBookAlert } from "../../test/fixtures";
import { renderWithProviders } from "../../test/render";
import { AlertsCard } from "../today/AlertsCard";
import { AlertsView } from "./AlertsView";
import { ALERT_KINDS } from "./tags";

const TODAY = "2024-03-15";
const client = bookAlert();
const starMarket = wholeBookAlert();
const chiNext = wholeBookAlert({ reason: "2024-03-15 新股申购：创业板新股（301999）" });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("alerts about the whole book", () => {
  it("show 全部客户 as plain text on the 工作台, no client link, beside a client's link", async () => {
    const onOpenClient = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <AlertsCard
        alerts={[client, starMarket]}
        total={2}
        today={TODAY}
        onOpenClient={onOpenClient}
        onShowAll={vi.fn()}
      />,
    );
    const [first, book] = screen.getAllByTestId("today-alert");
    expect(within(book).getByTestId("alert-kind")).toHaveTextContent("新股申购");
    expect(within(book).getByTestId("alert-whole-book")).toHaveTextContent("全部客户");
    expect(first.querySelector("a")).not.toBeNull();
    expect(book.querySelector("a")).toBeNull();
    expect(within(book).queryByTestId(/^alert-client-/)).not.toBeInTheDocument();

    await user.click(within(book).getByTestId("alert-whole-book"));
    expect(onOpenClient).not.toHaveBeenCalled();
    await user.click(within(first).getByTestId("alert-client-C8"));
    expect(onOpenClient).toHaveBeenCalledWith("C8");
  });

  it("show 全部客户 in the list, filter by their kind, and keep two on one day apart", () => {
    const errors = vi.spyOn(console, "error");
    renderWithProviders(
      <AlertsView alerts={[client, starMarket, chiNext]} today={TODAY} onOpenClient={vi.fn()} onRemind={vi.fn()} />,
    );
    const rows = screen.getAllByTestId("alert-row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByTestId("alert-whole-book")).toHaveTextContent("全部客户");
    expect(within(rows[1]).queryByTestId(/^alert-client-/)).not.toBeInTheDocument();
    expect(within(rows[2]).getByTestId("alert-whole-book")).toBeInTheDocument();
    expect(screen.getByTestId("alerts-filter-new_share_subscription")).toHaveTextContent("新股申购 2");
    const messages = errors.mock.calls.map((args) => args.map(String).join(" "));
    expect(messages.filter((m) => m.includes("same key"))).toEqual([]);
  });
});

describe("alert kinds", () => {
  it("offers every kind once, most urgent first, each with a label", () => {
    expect(new Set(ALERT_KINDS).size).toBe(ALERT_KINDS.length);
    expect(ALERT_KINDS[0]).toBe("complaint_deadline");
    expect(ALERT_KINDS.at(-1)).toBe("dormant");
    renderWithProviders(
      <AlertsView
        alerts={ALERT_KINDS.map((kind) => bookAlert({ kind }))}
        today={TODAY}
        onOpenClient={vi.fn()}
        onRemind={vi.fn()}
      />,
    );
    const filters = screen.getAllByTestId(/^alerts-filter-(?!all$)/);
    expect(filters.map((f) => f.dataset.testid)).toEqual(ALERT_KINDS.map((k) => `alerts-filter-${k}`));
    for (const f of filters) expect(f).not.toHaveTextContent("alertKind.");
  });
});
