import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ClientPage } from "../bindings/ClientPage";
import type { ClientQuery } from "../bindings/ClientQuery";
import { clientRow, profile, syncStatus } from "../test/fixtures";
import { renderWithProviders } from "../test/render";
import { ClientsPanel } from "./ClientsPanel";

const page: ClientPage = {
  total: 2,
  rows: [
    clientRow(),
    clientRow({
      id: "C000456",
      name: "李四",
      tier: "Diamond",
      risk_level: null,
      assessment_expires_on: null,
      total_assets: -150,
      last_contact_at: null,
    }),
  ],
};

function mockBook(queries: ClientQuery[]) {
  mockIPC(
    (cmd, args) => {
      if (cmd === "list_clients") {
        const { query } = args as { query: ClientQuery };
        queries.push(query);
        return query.search === "李"
          ? { total: 1, rows: [page.rows[1]] }
          : page;
      }
      if (cmd === "client_profile") return profile;
      return undefined;
    },
    { shouldMockEvents: true },
  );
}

describe("ClientsPanel", () => {
  it("renders the rows of list_clients with formatted cells", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    renderWithProviders(<ClientsPanel />);

    const rows = await screen.findAllByTestId("client-row");
    expect(rows).toHaveLength(2);
    expect(screen.getByTestId("clients-table")).toContainElement(rows[0]);
    expect(rows[0]).toHaveAttribute("data-client-id", "C000123");
    expect(within(rows[0]).getByText("张三")).toBeInTheDocument();
    expect(within(rows[0]).getByText("金卡")).toBeInTheDocument();
    expect(within(rows[0]).getByText("C3 稳健型")).toBeInTheDocument();
    expect(within(rows[0]).getByText("¥1,234,567.89")).toBeInTheDocument();
    expect(within(rows[0]).getByText("2024-03-02")).toBeInTheDocument();
    expect(within(rows[1]).getByText("钻石")).toBeInTheDocument();
    expect(within(rows[1]).getByText("未测评")).toBeInTheDocument();
    expect(within(rows[1]).getByText("-¥1.50")).toBeInTheDocument();
    expect(within(rows[1]).getByText("无记录")).toBeInTheDocument();
    expect(screen.getByText("共 2 位客户")).toBeInTheDocument();
    expect(queries[0]).toEqual({ search: null, offset: 0, limit: 50 });
  });

  it("passes the debounced search text in the query", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await screen.findAllByTestId("client-row");

    const search = screen.getByPlaceholderText("搜索姓名、客户号、资金账号或手机尾号");
    await user.type(search, " 李 ");
    await waitFor(() => expect(screen.getAllByTestId("client-row")).toHaveLength(1));
    expect(queries.at(-1)).toEqual({ search: "李", offset: 0, limit: 50 });
    // Debounced: typing three characters did not send three queries.
    expect(queries.filter((q) => q.search !== null)).toHaveLength(1);
  });

  it("reloads when a sync finishes", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    renderWithProviders(<ClientsPanel />);
    await screen.findAllByTestId("client-row");
    expect(queries).toHaveLength(1);

    await act(() => emit("sync-status", syncStatus({ syncing: true })));
    expect(queries).toHaveLength(1);
    await act(() => emit("sync-status", syncStatus({ syncing: false })));
    await waitFor(() => expect(queries).toHaveLength(2));
  });

  it("opens the client profile when a row is clicked", async () => {
    mockBook([]);
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    const rows = await screen.findAllByTestId("client-row");
    await user.click(rows[0]);
    expect(await screen.findByTestId("profile-id-number")).toHaveTextContent("3101**********123X");
  });
});
