import { DownloadOutlined, SearchOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Select, Spin, Table, Typography } from "antd";
import type { GetRef } from "antd";
import { useEffect, useMemo, useRef, useState, type HTMLAttributes, type UIEvent } from "react";
import { api } from "../api";
import type { BookTag } from "../bindings/BookTag";
import type { ClientRow } from "../bindings/ClientRow";
import type { ClientSort } from "../bindings/ClientSort";
import type { SavedFilter } from "../bindings/SavedFilter";
import { useClientPages } from "../hooks/useClientPages";
import { useElementHeight } from "../hooks/useElementHeight";
import { useSyncStatusEvents } from "../hooks/useSyncStatus";
import { useClientDrawer } from "../components/ClientDrawer";
import { useT } from "../i18n/context";
import {
  buildQuery,
  CLIENT_PAGE_SIZE,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  fromQuery,
  hasFilters,
  SORT_FIELDS,
  withWindow,
  type ClientFilters,
} from "../lib/clientQuery";
import { formatCount } from "../lib/format";
import { useListCursor } from "../keyboard/useListCursor";
import { ClientFilterBar } from "./ClientFilterBar";
import { CLIENT_TABLE_WIDTH, clientColumns, FIRST_DESCENDING, sortFromTable } from "./clientColumns";
import { ExportModal } from "./ExportModal";
import { usePanelNav } from "./navigation";
import { SavedFilters } from "./SavedFilters";

export const SEARCH_DEBOUNCE_MS = 150;
/** Ask for the next page when the end of the loaded rows is this close. */
const LOAD_MORE_WITHIN_PX = 800;
/** Height of the table's header row, taken from the space for the scrolling body. */
const TABLE_HEADER_PX = 40;
const MIN_BODY_PX = 200;

type TableRef = GetRef<typeof Table>;

const sortValue = (sort: ClientSort) => `${sort.field}.${sort.descending ? "desc" : "asc"}`;

/** 客户: search, filters, saved filters, export, and a virtual list that loads as it scrolls. */
export function ClientsPanel() {
  const t = useT();
  const nav = usePanelNav();
  const [input, setInput] = useState("");
  const [search, setSearch] = useState("");
  const [filters, setFilters] = useState<ClientFilters>(EMPTY_FILTERS);
  const [sort, setSort] = useState<ClientSort>(DEFAULT_SORT);
  const [reloads, setReloads] = useState(0);
  const [tags, setTags] = useState<BookTag[]>([]);
  const drawer = useClientDrawer();
  const [exporting, setExporting] = useState(() => nav.request?.panel === "clients" && nav.request.tab === "export");
  const wasSyncing = useRef(false);
  const table = useRef<TableRef>(null);
  const [box, boxHeight] = useElementHeight<HTMLDivElement>(520);

  // Searches as the broker types, once the keys pause.
  useEffect(() => {
    const next = input.trim();
    if (next === search) return;
    const timer = window.setTimeout(() => setSearch(next), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input, search]);

  const query = useMemo(() => buildQuery(search, filters, sort), [search, filters, sort]);
  const pages = useClientPages(query, reloads);

  useEffect(() => {
    let active = true;
    api.bookTags().then(
      (list) => {
        if (active) setTags(list);
      },
      (reason: unknown) => console.error("cannot load tags", reason),
    );
    return () => {
      active = false;
    };
  }, [reloads]);

  // A finished sync may have changed the book: refresh in place.
  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  // Another list: start again from its top.
  useEffect(() => {
    table.current?.scrollTo({ top: 0 });
  }, [pages.shownKey]);

  const applySaved = (saved: SavedFilter) => {
    const next = fromQuery(saved.query);
    setInput(next.search);
    setSearch(next.search.trim());
    setFilters(next.filters);
    setSort(next.sort);
  };

  const clear = () => {
    setInput("");
    setSearch("");
    setFilters(EMPTY_FILTERS);
  };

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_MORE_WITHIN_PX) pages.loadMore();
  };

  const cursor = useListCursor(pages.rows, {
    listKey: pages.shownKey,
    scrollTo: (index) => table.current?.scrollTo({ index }),
    loadMore: pages.loadMore,
  });

  // 导出客户名单 asked from the palette.
  const [seenRequest, setSeenRequest] = useState(nav.request?.seq ?? 0);
  if (nav.request && nav.request.seq !== seenRequest) {
    setSeenRequest(nav.request.seq);
    if (nav.request.panel === "clients" && nav.request.tab === "export") setExporting(true);
  }

  const columns = useMemo(() => clientColumns(t, sort), [t, sort]);
  const sortOptions = SORT_FIELDS.flatMap((field) => {
    const first = FIRST_DESCENDING[field];
    return [first, !first].map((descending) => ({
      value: sortValue({ field, descending }),
      label: t(`clients.sort.${field}.${descending ? "desc" : "asc"}`),
    }));
  });
  const fullQuery = withWindow(query, 0, CLIENT_PAGE_SIZE);

  return (
    <div className="panel panel-fill" data-testid="clients-panel">
      <div className="panel-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("clients.search")}
          aria-label={t("clients.search")}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          data-testid="client-search"
          style={{ maxWidth: 380 }}
        />
        <Select<string>
          aria-label={t("clients.sort")}
          value={sortValue(sort)}
          options={sortOptions}
          onChange={(v) => {
            const [field, dir] = v.split(".");
            const known = SORT_FIELDS.find((f) => f === field);
            if (known) setSort({ field: known, descending: dir === "desc" });
          }}
          style={{ width: 200 }}
          data-testid="client-sort"
        />
        <SavedFilters query={fullQuery} onApply={applySaved} />
        <span className="toolbar-spacer" />
        {pages.total !== null && (
          <Typography.Text type="secondary" className="tabular" data-testid="clients-total">
            {t("clients.total", { total: formatCount(pages.total) })}
          </Typography.Text>
        )}
        {pages.total !== null && pages.rows.length < pages.total && (
          <Typography.Text type="secondary" className="tabular clients-loaded" data-testid="clients-loaded">
            {pages.loadingMore && <Spin size="small" style={{ marginInlineEnd: 6 }} />}
            {t("clients.loaded", { loaded: formatCount(pages.rows.length) })}
          </Typography.Text>
        )}
        <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="export-open">
          {t("export.open")}
        </Button>
      </div>
      <ClientFilterBar
        filters={filters}
        onChange={setFilters}
        tags={tags}
        onClear={clear}
        canClear={hasFilters(filters) || input.trim() !== ""}
      />
      {pages.error && (
        <Alert type="error" showIcon title={pages.error.message} style={{ marginBottom: 12 }} data-testid="clients-error" />
      )}
      <div className="table-fill" ref={box} data-testid="clients-table">
        <Table<ClientRow>
          ref={table}
          virtual
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={pages.rows}
          loading={pages.loading}
          pagination={false}
          locale={{ emptyText: t("clients.empty") }}
          rowClassName={(_row, index) => (index === cursor ? "clickable-row client-row-cursor" : "clickable-row")}
          onRow={(row, index) => {
            const attrs: Record<string, string> = {
              "data-testid": "client-row",
              "data-client-id": row.id,
              "aria-selected": String(index === cursor),
            };
            return { ...attrs, onClick: () => drawer.open(row.id) } as HTMLAttributes<HTMLElement>;
          }}
          onChange={(_pagination, _filters, sorter) => {
            const next = sortFromTable(sorter);
            if (next) setSort(next);
          }}
          onScroll={onScroll}
          scroll={{ x: CLIENT_TABLE_WIDTH, y: Math.max(MIN_BODY_PX, boxHeight - TABLE_HEADER_PX) }}
        />
      </div>
      {exporting && <ExportModal query={fullQuery} total={pages.total} onClose={() => setExporting(false)} />}
    </div>
  );
}
