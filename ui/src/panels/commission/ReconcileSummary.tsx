import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { HTMLAttributes } from "react";
import type { MonthPay } from "../../bindings/MonthPay";
import type { StatementRecord } from "../../bindings/StatementRecord";
import { useT } from "../../i18n/context";
import { formatFen, formatSignedFen } from "../../lib/format";

/** The figures the desk and the statement both state, in the statement's order. */
export const SUMMARY_ITEMS = ["credited", "threshold", "share", "bonus", "base", "allowance", "adjustments", "total"] as const;
type Item = (typeof SUMMARY_ITEMS)[number];

interface Row {
  item: Item;
  desk: number;
  official: number;
}

export function summaryRows(desk: MonthPay, statement: StatementRecord): Row[] {
  return SUMMARY_ITEMS.map((item) => ({ item, desk: desk[item], official: statement[item] }));
}

/** Whether any summary figure differs between the desk and the statement. */
export function summaryDiffers(desk: MonthPay, statement: StatementRecord): boolean {
  return summaryRows(desk, statement).some((r) => r.desk !== r.official);
}

interface Props {
  desk: MonthPay;
  statement: StatementRecord;
}

/** 项目 / 本机计算 / 总部结算单 / 差额, the rows that differ marked. */
export function ReconcileSummary({ desk, statement }: Props) {
  const t = useT();
  const columns: ColumnsType<Row> = [
    {
      title: t("reconcile.item"),
      key: "item",
      render: (_, r) => (
        <div className="reconcile-item">
          <span className={r.item === "total" ? "reconcile-item-total" : undefined}>{t(`reconcile.row.${r.item}`)}</span>
          {r.item === "adjustments" && statement.adjustment_note && (
            <Typography.Text type="secondary" className="reconcile-note" data-testid="reconcile-adjustment-note">
              {statement.adjustment_note}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t("reconcile.desk"),
      dataIndex: "desk",
      align: "right",
      width: 150,
      render: (v: number) => <span className="tabular">{formatFen(v)}</span>,
    },
    {
      title: t("reconcile.official"),
      dataIndex: "official",
      align: "right",
      width: 150,
      render: (v: number) => <span className="tabular">{formatFen(v)}</span>,
    },
    {
      title: t("reconcile.diff"),
      key: "diff",
      align: "right",
      width: 200,
      render: (_, r) =>
        r.desk === r.official ? (
          <Typography.Text type="secondary" className="tabular">
            {formatFen(0)}
          </Typography.Text>
        ) : (
          <span className="reconcile-diff">
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {t("reconcile.differs")}
            </Tag>
            <strong className="tabular">{formatSignedFen(r.official - r.desk)}</strong>
          </span>
        ),
    },
  ];
  return (
    <Table<Row>
      size="small"
      rowKey="item"
      columns={columns}
      dataSource={summaryRows(desk, statement)}
      pagination={false}
      rowClassName={(r) =>
        [r.desk !== r.official ? "reconcile-row-differs" : "", r.item === "total" ? "reconcile-row-total" : ""].join(" ")
      }
      onRow={(r) =>
        ({
          "data-testid": `reconcile-summary-${r.item}`,
          "data-differs": r.desk === r.official ? "false" : "true",
        }) as HTMLAttributes<HTMLElement>
      }
      data-testid="reconcile-summary"
    />
  );
}
