import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, DatePicker, Space, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useState } from "react";
import type { AdjustmentLine } from "../../bindings/AdjustmentLine";
import type { BrokerTarget } from "../../bindings/BrokerTarget";
import type { MonthAdjustments } from "../../bindings/MonthAdjustments";
import { formatSignedFen, sumFen, todayInShanghai } from "../../lib/format";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { ReasonDialog } from "../ReasonDialog";
import { useLoad } from "../useLoad";
import { AdjustmentDialog } from "./AdjustmentDialog";
import { MonthlyTargetsCard } from "./MonthlyTargetsCard";

/**
 * 薪酬调整: finance's corrections of a broker's month outside the pay plan (补发, 扣回), which the
 * broker reads on the month's statement, and the monthly targets their desks measure against.
 */
export function PayAdjustmentsPage({ session, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs(todayInShanghai()).subtract(1, "month").startOf("month"));
  const first = month.format("YYYY-MM-01");
  const loadMonth = useCallback(
    () => session.get<MonthAdjustments>(PATHS.payAdjustments, { month: first }),
    [session, first],
  );
  const loaded = useLoad(loadMonth, onSessionEnded);
  const loadTargets = useCallback(() => session.get<BrokerTarget[]>(PATHS.monthlyTargets), [session]);
  const targets = useLoad(loadTargets, onSessionEnded);
  const data = loaded.data;
  const brokers = targets.data ?? [];
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AdjustmentLine | null>(null);
  const label = month.format("YYYY年MM月");
  const lines = data?.adjustments ?? [];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card
        size="small"
        title="薪酬调整"
        extra={
          <Space>
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(todayInShanghai()), "month")}
              onChange={(m) => m && setMonth(m.startOf("month"))}
              data-testid="adjustments-month"
            />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!targets.data}
              onClick={() => setAdding(true)}
              data-testid="adjustment-new"
            >
              新增调整
            </Button>
          </Space>
        }
      >
        {loaded.error && <Alert type="error" showIcon title={loaded.error} style={{ marginBottom: 12 }} />}
        {data && data.statements_published > 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${label} 已发布 ${data.statements_published} 份结算单：此后的调整在“佣金结算”页重新发布该月后才会出现在经纪人的结算单上`}
            data-testid="adjustments-published"
          />
        )}
        <Table<AdjustmentLine>
          rowKey={(l, i) => `${l.adjustment.broker_id}-${l.adjustment.amount}-${l.adjustment.note}-${i ?? 0}`}
          size="small"
          loading={loaded.loading}
          dataSource={lines}
          pagination={false}
          locale={{ emptyText: `${label} 没有薪酬调整` }}
          data-testid="console-adjustments"
          summary={() =>
            lines.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  合计 {lines.length} 笔
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatSignedFen(sumFen(lines.map((l) => l.adjustment.amount)))}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} colSpan={2} />
              </Table.Summary.Row>
            )
          }
          columns={[
            { title: "经纪人", render: (_, l) => `${l.broker_name}（${l.adjustment.broker_id}）` },
            {
              title: "方向",
              width: 80,
              render: (_, l) => (l.adjustment.amount > 0 ? <Tag color="green">补发</Tag> : <Tag color="volcano">扣回</Tag>),
            },
            { title: "金额", width: 140, align: "right", render: (_, l) => formatSignedFen(l.adjustment.amount) },
            { title: "原因（经纪人可见）", render: (_, l) => l.adjustment.note },
            {
              title: "操作",
              width: 70,
              render: (_, l) => (
                <Button size="small" type="link" danger onClick={() => setRemoving(l)} data-testid="adjustment-remove">
                  撤销
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {targets.error ? (
        <Alert type="error" showIcon title={targets.error} />
      ) : (
        <MonthlyTargetsCard session={session} targets={brokers} loading={targets.loading && !targets.data} onChanged={targets.reload} />
      )}
      {adding && (
        <AdjustmentDialog
          session={session}
          month={first}
          brokers={brokers}
          onClose={() => setAdding(false)}
          onDone={(next) => {
            setAdding(false);
            loaded.reload();
            void message.success(
              next.statements_published > 0
                ? `已记入 ${label}；请到“佣金结算”重新发布该月，经纪人才会在结算单上看到`
                : `已记入 ${label}，发布该月结算单时一并计入`,
            );
          }}
        />
      )}
      {removing && (
        <ReasonDialog<MonthAdjustments>
          title={`撤销薪酬调整：${removing.broker_name} ${label}`}
          okText="撤销"
          reasonLabel="撤销原因（记入操作日志）"
          reasonMissing="请写明撤销原因"
          testId="adjustment-remove"
          send={(reason) => session.post<MonthAdjustments>(PATHS.payAdjustmentRemove, { adjustment: removing.adjustment, reason })}
          onClose={() => setRemoving(null)}
          onDone={() => {
            setRemoving(null);
            loaded.reload();
            void message.success("已撤销该笔调整");
          }}
        >
          <Typography.Paragraph>
            {formatSignedFen(removing.adjustment.amount)}：{removing.adjustment.note}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            撤销后该笔不再计入 {label} 的应发薪酬{data && data.statements_published > 0 ? "；已发布的结算单需重新发布才会更正" : ""}。
          </Typography.Paragraph>
        </ReasonDialog>
      )}
    </Space>
  );
}
