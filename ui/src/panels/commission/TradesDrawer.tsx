import { Alert, Drawer, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState, type HTMLAttributes } from "react";
import { api, toIpcError } from "../../api";
import type { IpcError } from "../../bindings/IpcError";
import type { TradeCommission } from "../../bindings/TradeCommission";
import type { TradeFilter } from "../../bindings/TradeFilter";
import type { TradeSide } from "../../bindings/TradeSide";
import type { Locale } from "../../i18n/messages";
import { useLocale, useT, type Translate } from "../../i18n/context";
import { formatCount, formatDateTime, formatFen, formatRate, sumFen } from "../../lib/format";
import { monthLabel } from "./months";
import { FromStatementTag, RoleTag } from "./tags";

/** What the drawer shows: the trades of a figure, and the client's name for its title. */
export interface Drill {
  filter: TradeFilter;
  clientName?: string;
}

export const ALL_TRADES: TradeFilter = { client_id: null, board: null, day: null };

const DRAWER_WIDTH = "min(1320px, 96vw)";
/** Chinese convention: buying is red, selling green. */
const SIDE_COLOR: Record<TradeSide, string> = { Buy: "red", Sell: "green" };
const FEE_WIDTH = 88;

/** The amounts the total row adds up, in column order. */
const SUMMED = [
  "amount",
  "net_commission",
  "credited",
  "commission",
  "handling_fee",
  "regulatory_fee",
  "transfer_fee",
  "stamp_duty",
] as const satisfies ReadonlyArray<keyof TradeCommission>;

function tradeColumns(t: Translate, locale: Locale): ColumnsType<TradeCommission> {
  const money = (title: string, key: (typeof SUMMED)[number], width = FEE_WIDTH) => ({
    title,
    dataIndex: key,
    align: "right" as const,
    width,
    render: (v: number) => <span className="tabular">{formatFen(v)}</span>,
  });
  return [
    {
      title: t("trades.time"),
      dataIndex: "traded_at",
      width: 136,
      fixed: "left",
      render: (v: string) => <span className="tabular">{formatDateTime(v)}</span>,
    },
    {
      title: t("drill.client_col"),
      key: "client",
      width: 150,
      render: (_, r) => (
        <span className="drill-client">
          <span className="client-name">{r.client_name}</span>
          {r.source === "statement" && <FromStatementTag />}
        </span>
      ),
    },
    {
      title: t("trades.code"),
      key: "code",
      width: 118,
      render: (_, r) => (
        <span className="drill-code">
          <span className="tabular">{r.security_code}</span>
          <Typography.Text type="secondary" className="drill-board">
            {t(`board.${r.board}`)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t("trades.side"),
      dataIndex: "side",
      width: 60,
      render: (v: TradeSide) => (
        <Tag color={SIDE_COLOR[v]} style={{ marginInlineEnd: 0 }}>
          {t(`trades.side.${v}`)}
        </Tag>
      ),
    },
    money(t("trades.amount"), "amount", 130),
    {
      title: t("drill.rate"),
      dataIndex: "commission_rate",
      align: "right",
      width: 76,
      render: (v: number) => <span className="tabular">{formatRate(v, locale)}</span>,
    },
    // What the broker came for first, the net commission and their credit; the fees behind them next.
    {
      ...money(t("trades.net"), "net_commission", 104),
      render: (v: number) => <strong className="tabular">{formatFen(v)}</strong>,
    },
    {
      ...money(t("drill.credited"), "credited", 110),
      render: (v: number) => <strong className="tabular commission-credited">{formatFen(v)}</strong>,
    },
    money(t("trades.commission"), "commission"),
    money(t("trades.handling"), "handling_fee"),
    money(t("trades.regulatory"), "regulatory_fee"),
    money(t("trades.transfer"), "transfer_fee"),
    money(t("trades.stamp"), "stamp_duty"),
    { title: t("drill.role"), dataIndex: "role", width: 104, render: (_, r) => <RoleTag role={r.role} /> },
  ];
}

function drillTitle(t: Translate, month: string, drill: Drill): string {
  const { filter } = drill;
  const name = monthLabel(t, month);
  if (filter.day !== null) return t("drill.day", { day: filter.day });
  if (filter.client_id !== null) return t("drill.client", { month: name, name: drill.clientName ?? filter.client_id });
  if (filter.board !== null) return t("drill.board", { month: name, board: t(`board.${filter.board}`) });
  return t("drill.all", { month: name });
}

interface Props {
  month: string;
  /** The drawer is closed when null. */
  drill: Drill | null;
  onClose: () => void;
}

/** The trades behind a figure: every fee, the net commission, the broker's role and credit. */
export function TradesDrawer({ month, drill, onClose }: Props) {
  const t = useT();
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      size={DRAWER_WIDTH}
      destroyOnHidden
      title={drill ? drillTitle(t, month, drill) : ""}
      data-testid="commission-drilldown"
    >
      {drill && <TradesTable key={`${month}/${JSON.stringify(drill.filter)}`} month={month} filter={drill.filter} />}
    </Drawer>
  );
}

function TradesTable({ month, filter }: { month: string; filter: TradeFilter }) {
  const t = useT();
  const { locale } = useLocale();
  const [rows, setRows] = useState<TradeCommission[] | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let active = true;
    api.commissionTrades(month, filter).then(
      (trades) => {
        if (active) setRows(trades);
      },
      (reason: unknown) => {
        if (active) setError(toIpcError(reason));
      },
    );
    return () => {
      active = false;
    };
  }, [month, filter]);

  const columns = useMemo(() => tradeColumns(t, locale), [t, locale]);
  const data = useMemo(() => rows ?? [], [rows]);
  const totals = useMemo(() => SUMMED.map((key) => sumFen(data.map((r) => r[key]))), [data]);

  if (error) {
    return (
      <Alert type="error" showIcon title={t("drill.loadFailed")} description={error.message} data-testid="drill-error" />
    );
  }

  return (
    <Table<TradeCommission>
      size="small"
      rowKey="trade_id"
      columns={columns}
      dataSource={data}
      loading={rows === null}
      pagination={data.length > 100 ? { pageSize: 100, showSizeChanger: false, size: "small" } : false}
      scroll={{ x: 1540, y: "calc(100vh - 230px)" }}
      locale={{ emptyText: t("drill.empty") }}
      rowClassName={(r) => (r.source === "statement" ? "drill-row-statement" : "")}
      onRow={(r) => ({ "data-testid": `trade-row-${r.trade_id}` }) as HTMLAttributes<HTMLElement>}
      data-testid="drill-table"
      summary={() =>
        data.length === 0 ? null : (
          <Table.Summary fixed>
            <Table.Summary.Row className="drill-total" data-testid="drill-total">
              <Table.Summary.Cell index={0} colSpan={4}>
                <strong>{t("drill.total", { count: formatCount(data.length) })}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <span className="tabular">{formatFen(totals[0] ?? 0)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} />
              <Table.Summary.Cell index={6} align="right">
                <strong className="tabular">{formatFen(totals[1] ?? 0)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <strong className="tabular commission-credited">{formatFen(totals[2] ?? 0)}</strong>
              </Table.Summary.Cell>
              {totals.slice(3).map((v, i) => (
                <Table.Summary.Cell key={i} index={8 + i} align="right">
                  <span className="tabular">{formatFen(v)}</span>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={13} />
            </Table.Summary.Row>
          </Table.Summary>
        )
      }
    />
  );
}
