import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ClientProfile } from "../../bindings/ClientProfile";
import type { TradeSide } from "../../bindings/TradeSide";
import type { TradeView } from "../../bindings/TradeView";
import { useT } from "../../i18n/context";
import { formatCount, formatDateTime, formatFen, formatPriceLi, sumFen } from "../../lib/format";
import { money } from "../ProfileTables";

/** Chinese convention: buying is red, selling green. */
const SIDE_COLOR: Record<TradeSide, string> = { Buy: "red", Sell: "green" };

const FEE_WIDTH = 92;

/** 交易: the latest trades with what each was charged, and their totals. */
export function TradesTab({ profile }: { profile: ClientProfile }) {
  const t = useT();
  const trades = profile.trades;
  const fee = (title: string, key: keyof TradeView) => ({
    title,
    dataIndex: key,
    align: "right" as const,
    width: FEE_WIDTH,
    render: money,
  });
  const columns: ColumnsType<TradeView> = [
    {
      title: t("trades.time"),
      dataIndex: "traded_at",
      width: 140,
      fixed: "left",
      render: (v: string) => <span className="tabular">{formatDateTime(v)}</span>,
    },
    {
      title: t("trades.code"),
      dataIndex: "security_code",
      width: 80,
      render: (v: string) => <span className="tabular">{v}</span>,
    },
    {
      title: t("trades.side"),
      dataIndex: "side",
      width: 64,
      render: (v: TradeSide) => (
        <Tag color={SIDE_COLOR[v]} style={{ marginInlineEnd: 0 }}>
          {t(`trades.side.${v}`)}
        </Tag>
      ),
    },
    {
      title: t("trades.quantity"),
      dataIndex: "quantity",
      align: "right",
      width: 90,
      render: (v: number) => <span className="tabular">{formatCount(v)}</span>,
    },
    {
      title: t("trades.price"),
      dataIndex: "price_li",
      align: "right",
      width: 90,
      render: (v: number) => <span className="tabular">{formatPriceLi(v)}</span>,
    },
    { ...fee(t("trades.amount"), "amount"), width: 130 },
    fee(t("trades.commission"), "commission"),
    fee(t("trades.handling"), "handling_fee"),
    fee(t("trades.regulatory"), "regulatory_fee"),
    fee(t("trades.transfer"), "transfer_fee"),
    fee(t("trades.stamp"), "stamp_duty"),
    {
      ...fee(t("trades.net"), "net_commission"),
      width: 110,
      render: (v: number) => <strong className="tabular">{formatFen(v)}</strong>,
    },
  ];

  return (
    <div className="profile-tab" data-testid="profile-trades">
      <Typography.Title level={5} className="profile-section profile-section-first">
        {t("trades.title")}
      </Typography.Title>
      <Table<TradeView>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={trades}
        pagination={false}
        scroll={{ x: 1140, y: 420 }}
        locale={{ emptyText: t("trades.empty") }}
        data-testid="trades-table"
      />
      {trades.length > 0 && (
        <Typography.Paragraph type="secondary" className="profile-note tabular" data-testid="trades-summary">
          {t("trades.summary", {
            count: formatCount(trades.length),
            commission: formatFen(sumFen(trades.map((x) => x.commission))),
            net: formatFen(sumFen(trades.map((x) => x.net_commission))),
          })}
        </Typography.Paragraph>
      )}
    </div>
  );
}
