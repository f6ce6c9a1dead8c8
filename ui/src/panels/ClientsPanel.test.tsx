import { emit } from "@tauri-apps/api/event";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ClientPage } from "../bindings/ClientPage";
import type { ClientQuery } from "../bindings/ClientQuery";
import type { ClientRow } from "../bindings/ClientRow";
import { allClientsQuery } from "../lib/clientQuery";
import { clientRow, syncStatus } from "../test/fixtures";
import { mockDesk } from "../test/mockDesk";
import { loaded, renderWithProviders } from "../test/render";
import { ClientsPanel } from "./ClientsPanel";

const page: ClientPage = {
  total: 2,
  rows: [
    clientRow(),
    clientRow({
      id: "C000456",
      name: "李四",
      mobile_masked: "139****0001",
      tier: "Diamond",
      risk_level: null,
      assessment_expires_on: null,
      assessment_status: "missing",
      total_assets: -150,
      last_contact_at: null,
      tags: [],
    }),
  ],
};

function mockBook(queries: ClientQuery[], answer: (q: ClientQuery) => ClientPage = () => page) {
  return mockDesk((cmd, args) => {
    if (cmd === "list_clients") {
      const { query } = args as { query: ClientQuery };
      queries.push(query);
      return query.search === "李" ? { total: 1, rows: [page.rows[1]] } : answer(query);
    }
    if (cmd === "book_tags") return [{ tag: "高净值", clients: 12 }];
    return undefined;
  });
}

/** The rows once the table has loaded (`loaded`), so they can be clicked. */
async function settledRows(): Promise<HTMLElement[]> {
  const rows = await screen.findAllByTestId("client-row");
  await loaded(screen.getByTestId("clients-table"));
  return rows;
}

describe("ClientsPanel", () => {
  it("renders the rows of list_clients with formatted cells", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    renderWithProviders(<ClientsPanel />);

    const rows = await settledRows();
    expect(rows).toHaveLength(2);
    expect(screen.getByTestId("clients-table")).toContainElement(rows[0]);
    expect(rows[0]).toHaveAttribute("data-client-id", "C000123");
    expect(within(rows[0]).getByText("张三")).toBeInTheDocument();
    expect(within(rows[0]).getByText("高净值")).toBeInTheDocument();
    expect(within(rows[0]).getByText("138****5678")).toBeInTheDocument();
    expect(within(rows[0]).getByText("金卡")).toBeInTheDocument();
    expect(within(rows[0]).getByText("C3 稳健型")).toBeInTheDocument();
    expect(within(rows[0]).getByText("有效")).toBeInTheDocument();
    expect(within(rows[0]).getByText("¥1,234,567.89")).toBeInTheDocument();
    expect(within(rows[0]).getByText("2024-03-02")).toBeInTheDocument();
    expect(within(rows[1]).getByText("钻石")).toBeInTheDocument();
    expect(within(rows[1]).getByText("未测评")).toBeInTheDocument();
    expect(within(rows[1]).getByText("-¥1.50")).toBeInTheDocument();
    expect(within(rows[1]).getByText("无记录")).toBeInTheDocument();
    expect(screen.getByTestId("clients-total")).toHaveTextContent("共 2 位客户");
    // The biggest clients first, 200 at a time.
    expect(queries[0]).toEqual(allClientsQuery(200));
  });

  it("searches as the broker types, debounced", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await settledRows();

    const search = screen.getByPlaceholderText("姓名 / 拼音 / 首字母 / 资金账号 / 手机尾号");
    expect(search).toHaveAttribute("data-testid", "client-search");
    await user.type(search, " 李 ");
    await waitFor(() => expect(screen.getAllByTestId("client-row")).toHaveLength(1));
    expect(queries.at(-1)).toEqual({ ...allClientsQuery(200), search: "李" });
    // Debounced: typing three characters did not send three queries.
    expect(queries.filter((q) => q.search !== null)).toHaveLength(1);
  });

  it("builds the query from the filters, with 万元 as exact fen", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await settledRows();

    await user.click(within(screen.getByTestId("filter-tier")).getByRole("combobox"));
    await user.click(await screen.findByTitle("金卡"));
    await user.type(screen.getByTestId("filter-assets-min"), "0.07");
    await user.type(screen.getByTestId("filter-assets-max"), "12.5");
    await user.click(within(screen.getByTestId("filter-contact")).getByRole("combobox"));
    await user.click(await screen.findByTitle("90 天未联系"));
    await user.click(screen.getByTestId("filter-dormant"));

    await waitFor(() =>
      expect(queries.at(-1)).toMatchObject({
        tiers: ["Gold"],
        assets_min: 70_000,
        assets_max: 12_500_000,
        contacted_within_days: null,
        not_contacted_days: 90,
        dormant_only: true,
        offset: 0,
        limit: 200,
      }),
    );

    await user.click(screen.getByTestId("filter-clear"));
    await waitFor(() => expect(queries.at(-1)).toEqual(allClientsQuery(200)));
  });

  it("sorts on the server when a header is clicked", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await settledRows();

    await user.click(screen.getByText("姓名"));
    await waitFor(() => expect(queries.at(-1)?.sort).toEqual({ field: "name", descending: false }));
    await settledRows();
    await user.click(screen.getByText("姓名"));
    await waitFor(() => expect(queries.at(-1)?.sort).toEqual({ field: "name", descending: true }));
  });

  it("loads the next 200 rows when scrolled near the end", async () => {
    const queries: ClientQuery[] = [];
    const rows = (from: number, count: number): ClientRow[] =>
      Array.from({ length: count }, (_, i) => clientRow({ id: `C${from + i}`, name: `客户${from + i}` }));
    mockBook(queries, (q) => ({ total: 450, rows: rows(q.offset, Math.min(q.limit, 450 - q.offset)) }));
    const { container } = renderWithProviders(<ClientsPanel />);
    await settledRows();
    expect(screen.getByTestId("clients-total")).toHaveTextContent("共 450 位客户");
    expect(screen.getByTestId("clients-loaded")).toHaveTextContent("已加载 200 位");

    const holder = container.querySelector(".ant-table-tbody-virtual-holder");
    expect(holder).not.toBeNull();
    fireEvent.scroll(holder as Element);
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ offset: 200, limit: 200 }));
    await waitFor(() => expect(screen.getByTestId("clients-loaded")).toHaveTextContent("已加载 400 位"));

    fireEvent.scroll(holder as Element);
    await waitFor(() => expect(queries.at(-1)).toMatchObject({ offset: 400 }));
    await waitFor(() => expect(screen.queryByTestId("clients-loaded")).not.toBeInTheDocument());
    expect(queries).toHaveLength(3);
  });

  it("reloads when a sync finishes", async () => {
    const queries: ClientQuery[] = [];
    mockBook(queries);
    renderWithProviders(<ClientsPanel />);
    await settledRows();
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
    const rows = await settledRows();
    await user.click(rows[0]);
    expect(await screen.findByTestId("profile-id-number")).toHaveTextContent("3101**********123X");
  });
});
