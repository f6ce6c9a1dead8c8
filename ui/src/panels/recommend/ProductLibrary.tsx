import { SearchOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Select, Space, Switch, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useRef, useState, type HTMLAttributes } from "react";
import { api, toIpcError } from "../../api";
import type { IpcError } from "../../bindings/IpcError";
import type { ProductKind } from "../../bindings/ProductKind";
import type { ProductQuery } from "../../bindings/ProductQuery";
import type { ProductRisk } from "../../bindings/ProductRisk";
import type { ProductView } from "../../bindings/ProductView";
import { useElementHeight } from "../../hooks/useElementHeight";
import { useSyncStatusEvents } from "../../hooks/useSyncStatus";
import { useT, type Translate } from "../../i18n/context";
import { formatCount } from "../../lib/format";
import { SEARCH_DEBOUNCE_MS } from "../ClientsPanel";
import {
  NotPushableTag,
  PRODUCT_KINDS,
  PRODUCT_RISKS,
  ProductKindTag,
  ProductRiskTag,
  TargetInvestorsTag,
} from "./tags";

const TABLE_HEADER_PX = 40;
const MIN_BODY_PX = 200;

function productColumns(t: Translate, onCompose: (product: ProductView) => void): ColumnsType<ProductView> {
  return [
    {
      title: t("library.colTitle"),
      key: "title",
      render: (_, p) => (
        <div className="product-title-cell">
          <Typography.Text strong>{p.title}</Typography.Text>
          {p.security_code && (
            <Typography.Text type="secondary" className="tabular product-code">
              {p.security_code}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t("library.colKind"),
      key: "kind",
      width: 110,
      render: (_, p) => <ProductKindTag kind={p.product_kind} />,
    },
    {
      title: t("library.colRisk"),
      key: "risk",
      width: 130,
      render: (_, p) => (
        <Space size={4} wrap>
          <ProductRiskTag risk={p.risk} />
          <TargetInvestorsTag target={p.target_investors} />
        </Space>
      ),
    },
    {
      title: t("library.colVersion"),
      key: "version",
      width: 80,
      render: (_, p) => t("product.version", { version: p.version }),
    },
    { title: t("library.colAuthor"), dataIndex: "author", width: 110, ellipsis: true },
    {
      title: t("library.colValidity"),
      key: "validity",
      width: 160,
      render: (_, p) => <span className="tabular">{t("product.validUntil", { date: p.valid_until })}</span>,
    },
    {
      title: t("library.colApproval"),
      key: "approval",
      width: 170,
      render: (_, p) => (
        <Space size={6}>
          <span className="tabular">{p.approval_ref}</span>
        </Space>
      ),
    },
    {
      title: "",
      key: "action",
      width: 110,
      align: "right",
      render: (_, p) => (
        <Space size={6}>
          {!p.pushable && <NotPushableTag />}
          <Button
            size="small"
            type="primary"
            ghost
            icon={<SendOutlined />}
            disabled={!p.pushable}
            onClick={(e) => {
              e.stopPropagation();
              onCompose(p);
            }}
            data-testid={`compose-${p.id}`}
          >
            {t("library.push")}
          </Button>
        </Space>
      ),
    },
  ];
}

interface Props {
  /** Opens the compose drawer for a pushable item. */
  onCompose: (product: ProductView) => void;
}

/** 资料库: the approved library, searched and filtered, each pushable item one click from a push. */
export function ProductLibrary({ onCompose }: Props) {
  const t = useT();
  const [input, setInput] = useState("");
  const [search, setSearch] = useState("");
  const [kinds, setKinds] = useState<ProductKind[]>([]);
  const [risks, setRisks] = useState<ProductRisk[]>([]);
  const [pushableOnly, setPushableOnly] = useState(true);
  const [reloads, setReloads] = useState(0);
  // The answer shown, with the query it answers: another query is loading until its answer comes.
  const [answer, setAnswer] = useState<{ key: string; rows: ProductView[]; error: IpcError | null } | null>(null);
  const wasSyncing = useRef(false);
  const [box, boxHeight] = useElementHeight<HTMLDivElement>(480);

  useEffect(() => {
    const next = input.trim();
    if (next === search) return;
    const timer = window.setTimeout(() => setSearch(next), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [input, search]);

  const query = useMemo<ProductQuery>(
    () => ({ search: search === "" ? null : search, kinds, risks, pushable_only: pushableOnly }),
    [search, kinds, risks, pushableOnly],
  );
  const key = JSON.stringify(query);

  useEffect(() => {
    let active = true;
    api.products(query).then(
      (rows) => {
        if (active) setAnswer({ key, rows, error: null });
      },
      // A failed refresh keeps the rows on screen.
      (reason: unknown) => {
        if (active) setAnswer((prev) => ({ key, rows: prev?.rows ?? [], error: toIpcError(reason) }));
      },
    );
    return () => {
      active = false;
    };
  }, [query, key, reloads]);

  const rows = answer?.rows ?? [];
  const error = answer?.error ?? null;
  const loading = answer?.key !== key;

  // The library comes with the feed: a finished sync may have added, revised or withdrawn items.
  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const columns = useMemo(() => productColumns(t, onCompose), [t, onCompose]);

  return (
    <div className="recommend-pane" data-testid="recommend-library">
      <div className="panel-toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t("library.search")}
          aria-label={t("library.search")}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          data-testid="recommend-search"
          style={{ maxWidth: 340 }}
        />
        <Select<ProductKind[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t("library.kind")}
          aria-label={t("library.kind")}
          style={{ width: 200 }}
          value={kinds}
          onChange={setKinds}
          options={PRODUCT_KINDS.map((kind) => ({ value: kind, label: t(`product.kind.${kind}`) }))}
          data-testid="library-kind"
        />
        <Select<ProductRisk[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t("library.risk")}
          aria-label={t("library.risk")}
          style={{ width: 200 }}
          value={risks}
          onChange={setRisks}
          options={PRODUCT_RISKS.map((risk) => ({ value: risk, label: `${risk} ${t(`product.risk.${risk}`)}` }))}
          data-testid="library-risk"
        />
        <label className="filter-switch">
          <Switch size="small" checked={pushableOnly} onChange={setPushableOnly} data-testid="library-pushable" />
          <Typography.Text>{t("library.pushableOnly")}</Typography.Text>
        </label>
        <span className="toolbar-spacer" />
        <Typography.Text type="secondary" className="tabular" data-testid="library-total">
          {t("library.total", { total: formatCount(rows.length) })}
        </Typography.Text>
      </div>
      {error && (
        <Alert
          type="error"
          showIcon
          title={t("library.loadFailed")}
          description={error.message}
          style={{ marginBottom: 12 }}
          data-testid="library-error"
        />
      )}
      <div className="table-fill" ref={box}>
        <Table<ProductView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={loading}
          pagination={false}
          locale={{ emptyText: t("library.empty") }}
          rowClassName={(p) => (p.pushable ? "clickable-row" : "product-row-closed")}
          onRow={(p) => {
            const attrs: Record<string, string> = { "data-testid": `product-row-${p.id}`, "data-product-id": p.id };
            return { ...attrs, onClick: p.pushable ? () => onCompose(p) : undefined } as HTMLAttributes<HTMLElement>;
          }}
          scroll={{ x: 1000, y: Math.max(MIN_BODY_PX, boxHeight - TABLE_HEADER_PX) }}
        />
      </div>
    </div>
  );
}
