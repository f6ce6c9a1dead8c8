import { Card, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { CashTransferView } from "../../bindings/CashTransferView";
import type { ClientProfile } from "../../bindings/ClientProfile";
import type { TransferDirection } from "../../bindings/TransferDirection";
import { useT } from "../../i18n/context";
import { formatDateTime, formatFen, formatSignedFen } from "../../lib/format";
import { ProfitCell } from "../ProfileTables";

const DIRECTION_COLOR: Record<TransferDirection, string> = { in: "red", out: "green" };

/** 资金: 12-month transfers in and out, and the latest bank transfers. */
export function CashTab({ profile }: { profile: ClientProfile }) {
  const t = useT();
  const flow = profile.cash_flow_12m;
  const net = flow.transferred_in - flow.transferred_out;
  const columns: ColumnsType<CashTransferView> = [
    {
      title: t("cash.time"),
      dataIndex: "transferred_at",
      width: 160,
      render: (v: string) => <span className="tabular">{formatDateTime(v)}</span>,
    },
    {
      title: t("cash.direction"),
      dataIndex: "direction",
      width: 90,
      render: (v: TransferDirection) => (
        <Tag color={DIRECTION_COLOR[v]} style={{ marginInlineEnd: 0 }}>
          {t(v === "in" ? "cash.in" : "cash.out")}
        </Tag>
      ),
    },
    {
      title: t("cash.amount"),
      key: "amount",
      align: "right",
      render: (_, row) => (
        <span className="tabular">{row.direction === "in" ? formatSignedFen(row.amount) : formatFen(-row.amount)}</span>
      ),
    },
  ];

  return (
    <div className="profile-tab" data-testid="profile-cash">
      <div className="cash-cards">
        <Card size="small" className="cash-card">
          <Typography.Text type="secondary">{t("cash.in12")}</Typography.Text>
          <div className="cash-card-value tabular" data-testid="cash-in-12m">
            {formatFen(flow.transferred_in)}
          </div>
        </Card>
        <Card size="small" className="cash-card">
          <Typography.Text type="secondary">{t("cash.out12")}</Typography.Text>
          <div className="cash-card-value tabular" data-testid="cash-out-12m">
            {formatFen(flow.transferred_out)}
          </div>
        </Card>
        <Card size="small" className="cash-card">
          <Typography.Text type="secondary">{t("cash.net12")}</Typography.Text>
          <div className="cash-card-value" data-testid="cash-net-12m">
            <ProfitCell fen={net} />
          </div>
        </Card>
      </div>
      <Typography.Title level={5} className="profile-section">
        {t("cash.title")}
      </Typography.Title>
      <Table<CashTransferView>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={profile.cash_transfers}
        pagination={false}
        scroll={{ y: 360 }}
        locale={{ emptyText: t("cash.empty") }}
      />
    </div>
  );
}
