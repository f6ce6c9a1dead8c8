import { SearchOutlined } from "@ant-design/icons";
import { Alert, Input, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from "react";
import { api, toIpcError } from "../api";
import type { ClientPage } from "../bindings/ClientPage";
import type { ClientRow } from "../bindings/ClientRow";
import type { IpcError } from "../bindings/IpcError";
import { RiskCell, TierTag } from "../components/tags";
import { useSyncStatusEvents } from "../hooks/useSyncStatus";
import { useT, type Translate } from "../i18n/context";
import { formatCount, formatFen, formatInstantDate, todayInShanghai } from "../lib/format";
import { ClientProfileDrawer } from "./ClientProfileDrawer";

export const PAGE_SIZE = 50;
export const SEARCH_DEBOUNCE_MS = 250;

interface Loaded {
  key: string;
  page: ClientPage | null;
  error: IpcError | null;
}

function columns(t: Translate, today: string): ColumnsType<ClientRow> {
  return [
    {
      title: t("clients.colClient"),
      key: "client",
      render: (_, row) => (
        <div className="client-cell">
          <div className="client-name">{row.name}</div>
          <Typography.Text type="secondary" className="client-id tabular">
            {row.id}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("clients.colTier"),
      key: "tier",
      width: 110,
      render: (_, row) => <TierTag tier={row.tier} />,
    },
    {
      title: t("clients.colRisk"),
      key: "risk",
      width: 200,
      render: (_, row) => (
        <RiskCell level={row.risk_level} expiresOn={row.assessment_expires_on} today={today} />
      ),
    },
    {
      title: t("clients.colAssets"),
      key: "assets",
      align: "right",
      width: 180,
      render: (_, row) => <span className="tabular">{formatFen(row.total_assets)}</span>,
    },
    {
      title: t("clients.colLastContact"),
      key: "lastContact",
      width: 130,
      render: (_, row) =>
        row.last_contact_at ? (
          <span className="tabular">{formatInstantDate(row.last_contact_at)}</span>
        ) : (
          <Typography.Text type="secondary">{t("clients.noContact")}</Typography.Text>
        ),
    },
  ];
}

/** 客户: the searchable, paginated book with the client profile drawer. */
export function ClientsPanel() {
  const t = useT();
  const [input, setInput] = useState("");
  const [search, setSearch] = useState("");
  const [page, setPage] = useState(1);
  const [reloads, setReloads] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [lastPage, setLastPage] = useState<ClientPage | null>(null);
  const [today, setToday] = useState(() => todayInShanghai());
  const [openId, setOpenId] = useState<string | null>(null);
  const wasSyncing = useRef(false);

  // Debounce typing; a new search starts again at page 1.
  useEffect(() => {
    const next = input.trim();
    if (next === search) return;
    const timer = window.setTimeout(() => {
      setSearch(next);
      setPage(1);
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input, search]);

  const key = `${reloads}|${page}|${search}`;
  useEffect(() => {
    let active = true;
    api
      .listClients({ search: search || null, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then(
        (result) => {
          if (!active) return;
          setLoaded({ key, page: result, error: null });
          setLastPage(result);
        },
        (reason: unknown) => {
          if (active) setLoaded({ key, page: null, error: toIpcError(reason) });
        },
      );
    return () => {
      active = false;
    };
  }, [key, search, page]);

  // Reload when a sync has just finished: the book may have changed.
  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) {
      setReloads((n) => n + 1);
      setToday(todayInShanghai());
    }
    wasSyncing.current = status.syncing;
  });

  // A reload after a background sync refreshes the rows in place; only a new page or search, which
  // shows different clients, dims the table while it loads.
  const showing = loaded?.key.slice(loaded.key.indexOf("|") + 1);
  const loading = showing !== `${page}|${search}`;
  const error = loaded?.key === key ? loaded.error : null;
  const cols = useMemo(() => columns(t, today), [t, today]);

  return (
    <div className="panel">
      <div className="panel-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("clients.search")}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          data-testid="client-search"
          style={{ maxWidth: 420 }}
        />
        {lastPage && (
          <Typography.Text type="secondary" className="tabular" data-testid="clients-total">
            {t("clients.total", { total: formatCount(lastPage.total) })}
          </Typography.Text>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      <div data-testid="clients-table">
      <Table<ClientRow>
        rowKey="id"
        size="small"
        columns={cols}
        dataSource={lastPage?.rows ?? []}
        loading={loading}
        locale={{ emptyText: t("clients.empty") }}
        rowClassName={() => "clickable-row"}
        onRow={(row) => {
          const attrs: Record<string, string> = { "data-testid": "client-row", "data-client-id": row.id };
          return { ...attrs, onClick: () => setOpenId(row.id) } as HTMLAttributes<HTMLElement>;
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: lastPage?.total ?? 0,
          showSizeChanger: false,
          onChange: (next) => setPage(next),
        }}
        // The header and pagination stay in view; only the rows scroll.
        scroll={{ y: "calc(100vh - 250px)" }}
      />
      </div>
      <ClientProfileDrawer clientId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
