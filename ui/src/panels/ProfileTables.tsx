import { Table } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { AccountView } from "../bindings/AccountView";
import type { AssetClass } from "../bindings/AssetClass";
import type { HoldingView } from "../bindings/HoldingView";
import { useLocale, useT } from "../i18n/context";
import { fenSign, formatCount, formatFen, formatRate, formatSignedFen } from "../lib/format";

export const money = (fen: number) => <span className="tabular">{formatFen(fen)}</span>;

export function AccountsTable({ accounts }: { accounts: AccountView[] }) {
  const t = useT();
  const { locale } = useLocale();
  const columns: ColumnsType<AccountView> = [
    {
      title: t("profile.accountNo"),
      dataIndex: "account_no_masked",
      render: (v: string) => <span className="tabular">{v}</span>,
    },
    {
      title: t("profile.rate"),
      dataIndex: "commission_rate",
      width: 110,
      render: (v: number) => formatRate(v, locale),
    },
    {
      title: t("profile.waiveMinimum"),
      dataIndex: "waive_minimum",
      width: 90,
      render: (v: boolean) => (v ? t("profile.yes") : t("profile.no")),
    },
    { title: t("profile.cash"), dataIndex: "cash", align: "right", render: money },
    {
      title: t("profile.openedOn"),
      dataIndex: "opened_on",
      width: 120,
      render: (v: string) => <span className="tabular">{v}</span>,
    },
  ];
  return (
    <Table<AccountView>
      data-testid="profile-accounts"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={accounts}
      pagination={false}
      locale={{ emptyText: t("profile.noAccounts") }}
    />
  );
}

/** Chinese convention: a gain is red, a loss green. */
export function ProfitCell({ fen }: { fen: number }) {
  const sign = fenSign(fen);
  const cls = sign > 0 ? "profit-up" : sign < 0 ? "profit-down" : undefined;
  return <span className={`tabular ${cls ?? ""}`}>{formatSignedFen(fen)}</span>;
}

export function HoldingsTable({ holdings }: { holdings: HoldingView[] }) {
  const t = useT();
  const columns: ColumnsType<HoldingView> = [
    {
      title: t("profile.securityCode"),
      dataIndex: "security_code",
      width: 100,
      render: (v: string) => <span className="tabular">{v}</span>,
    },
    { title: t("profile.securityName"), dataIndex: "security_name" },
    {
      title: t("profile.assetClass"),
      dataIndex: "asset_class",
      width: 80,
      render: (v: AssetClass) => t(`assetClass.${v}`),
    },
    {
      title: t("profile.quantity"),
      dataIndex: "quantity",
      align: "right",
      render: (v: number) => <span className="tabular">{formatCount(v)}</span>,
    },
    { title: t("profile.cost"), dataIndex: "cost", align: "right", render: money },
    { title: t("profile.marketValue"), dataIndex: "market_value", align: "right", render: money },
    {
      title: t("profile.profit"),
      dataIndex: "profit",
      align: "right",
      render: (v: number) => <ProfitCell fen={v} />,
    },
  ];
  return (
    <Table<HoldingView>
      data-testid="profile-holdings"
      size="small"
      rowKey={(h) => h.security_code}
      columns={columns}
      dataSource={holdings}
      pagination={false}
      locale={{ emptyText: t("profile.noHoldings") }}
    />
  );
}
