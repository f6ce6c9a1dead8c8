import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ClientQuery } from "../bindings/ClientQuery";
import type { ExportRequest } from "../bindings/ExportRequest";
import type { SavedFilter } from "../bindings/SavedFilter";
import { allClientsQuery } from "../lib/clientQuery";
import { clientRow, ipcReject } from "../test/fixtures";
import { mockDesk } from "../test/mockDesk";
import { renderWithProviders } from "../test/render";
import { ClientsPanel } from "./ClientsPanel";

const diamonds: SavedFilter = {
  name: "钻石未联系",
  query: {
    ...allClientsQuery(200),
    search: "zhang",
    tiers: ["Diamond"],
    assets_min: 12_500_000,
    not_contacted_days: 90,
    sort: { field: "last_contact", descending: false },
  },
};

describe("ClientsPanel export", () => {
  it("requires a reason, then exports the current query and shows where the file is", async () => {
    const requests: ExportRequest[] = [];
    mockDesk((cmd, args) => {
      if (cmd === "list_clients") return { total: 1, rows: [clientRow()] };
      if (cmd === "export_clients") {
        requests.push((args as { request: ExportRequest }).request);
        return { path: "/home/broker/导出/客户名单-20240301.xlsx", rows: 1 };
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await screen.findAllByTestId("client-row");

    await user.click(screen.getByTestId("export-open"));
    expect(await screen.findByText("导出将记入访问审计并同步至总部。")).toBeInTheDocument();
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByText("请填写导出事由（至少 4 个字）")).toBeInTheDocument();
    await user.type(screen.getByTestId("export-reason"), "看看");
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByText("请填写导出事由（至少 4 个字）")).toBeInTheDocument();
    expect(requests).toHaveLength(0);

    await user.type(screen.getByTestId("export-reason"), "，季度回访名单");
    await user.click(screen.getByText("导出完整证件号和手机号（需说明事由）"));
    await user.click(screen.getByText("CSV"));
    await user.click(screen.getByTestId("export-submit"));

    const result = await screen.findByTestId("export-result");
    expect(result).toHaveTextContent("已导出 1 位客户");
    expect(result).toHaveTextContent("/home/broker/导出/客户名单-20240301.xlsx");
    expect(requests).toEqual([
      { query: allClientsQuery(200), format: "csv", in_clear: true, reason: "看看，季度回访名单" },
    ]);
  });

  it("shows the backend's refusal", async () => {
    mockDesk((cmd) => {
      if (cmd === "list_clients") return { total: 1, rows: [clientRow()] };
      if (cmd === "export_clients") return ipcReject({ code: "validation", message: "导出目录不可写" });
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await screen.findAllByTestId("client-row");
    await user.click(screen.getByTestId("export-open"));
    await user.type(await screen.findByTestId("export-reason"), "季度回访名单");
    await user.click(screen.getByTestId("export-submit"));
    expect(await screen.findByTestId("export-error")).toHaveTextContent("导出目录不可写");
  });
});

describe("ClientsPanel saved filters", () => {
  it("applies a saved filter to the controls and the query", async () => {
    const queries: ClientQuery[] = [];
    mockDesk((cmd, args) => {
      if (cmd === "list_clients") {
        queries.push((args as { query: ClientQuery }).query);
        return { total: 1, rows: [clientRow()] };
      }
      if (cmd === "saved_filters") return [diamonds];
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await screen.findAllByTestId("client-row");

    await user.click(screen.getByTestId("filter-saved"));
    await user.click(await screen.findByText("钻石未联系"));
    await waitFor(() => expect(queries.at(-1)).toEqual(diamonds.query));
    expect(screen.getByTestId("client-search")).toHaveValue("zhang");
    expect(screen.getByTestId("filter-assets-min")).toHaveValue("12.5");
  });

  it("saves the current query under a name and deletes a saved one", async () => {
    const saved: Array<{ name: string; query: ClientQuery }> = [];
    const deleted: string[] = [];
    mockDesk((cmd, args) => {
      if (cmd === "list_clients") return { total: 1, rows: [clientRow()] };
      if (cmd === "saved_filters") return [diamonds];
      if (cmd === "save_filter") {
        saved.push(args as { name: string; query: ClientQuery });
        return [diamonds, { name: "全部", query: (args as { query: ClientQuery }).query }];
      }
      if (cmd === "delete_filter") {
        deleted.push((args as { name: string }).name);
        return [];
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<ClientsPanel />);
    await screen.findAllByTestId("client-row");

    await user.click(screen.getByTestId("filter-save"));
    await user.click(await screen.findByTestId("filter-save-submit"));
    expect(await screen.findByText("请给筛选条件起个名字")).toBeInTheDocument();
    await user.type(screen.getByTestId("filter-save-name"), " 全部 ");
    await user.click(screen.getByTestId("filter-save-submit"));
    await waitFor(() => expect(saved).toEqual([{ name: "全部", query: allClientsQuery(200) }]));

    await user.click(screen.getByTestId("filter-saved"));
    const items = await screen.findAllByTestId("saved-filter-item");
    expect(items.map((i) => i.textContent)).toEqual(["钻石未联系", "全部"]);
    await user.click(within(items[0]).getByTestId("saved-filter-delete"));
    await waitFor(() => expect(deleted).toEqual(["钻石未联系"]));
  });
});
