import { Alert, DatePicker, Form, Input, Modal, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { FeeSchedule } from "../../bindings/FeeSchedule";
import type { PayPlanOverview } from "../../bindings/PayPlanOverview";
import { formatFen, rateInWan, todayInShanghai } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { fenToYuan, wanToRate, yuanRule, yuanToFen } from "./payPlanForm";

type RateField = "handling_fee" | "handling_fee_bj" | "regulatory_fee" | "transfer_fee" | "stamp_duty_sell";

const RATES: [RateField, string][] = [
  ["handling_fee", "经手费（沪深）"],
  ["handling_fee_bj", "经手费（北交所）"],
  ["regulatory_fee", "证管费"],
  ["transfer_fee", "过户费"],
  ["stamp_duty_sell", "卖出印花税"],
];

type Values = Record<RateField, string> & { effective_from: Dayjs; minimum_commission: string; reason: string };

const wanRule = {
  validator: (_: unknown, v: string | undefined) =>
    v && wanToRate(v) !== null ? Promise.resolve() : Promise.reject(new Error("请按万分之几填写，如 0.341（最多三位小数）")),
};

/** The schedules in force and coming, newest first. */
export function FeeScheduleTable({ schedules }: { schedules: FeeSchedule[] }) {
  return (
    <Table<FeeSchedule>
      rowKey="effective_from"
      size="small"
      pagination={false}
      dataSource={[...schedules].reverse()}
      data-testid="fee-schedules"
      columns={[
        { title: "生效日期", dataIndex: "effective_from", width: 110 },
        ...RATES.map(([field, label]) => ({ title: label, align: "right" as const, render: (_: unknown, s: FeeSchedule) => `万${rateInWan(s[field])}` })),
        { title: "最低佣金", align: "right", render: (_, s) => formatFen(s.minimum_commission) },
      ]}
    />
  );
}

/** 新增费率表: a copy of the latest schedule from the first of next month, to change what changed. */
export function FeeScheduleDialog({
  session,
  latest,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  latest: FeeSchedule;
  onClose: () => void;
  onDone: (now: PayPlanOverview) => void;
}) {
  const [form] = Form.useForm<Values>();
  const initial = {
    ...Object.fromEntries(RATES.map(([field]) => [field, rateInWan(latest[field])])),
    effective_from: dayjs(todayInShanghai()).add(1, "month").startOf("month"),
    minimum_commission: fenToYuan(latest.minimum_commission),
  };
  const { saving, error, submit } = useSubmit(form, async (v) => {
    const schedule: FeeSchedule = {
      ...latest,
      effective_from: v.effective_from.format("YYYY-MM-DD"),
      minimum_commission: yuanToFen(v.minimum_commission) ?? 0,
    };
    for (const [field] of RATES) schedule[field] = wanToRate(v[field]) ?? 0;
    onDone(await session.post<PayPlanOverview>(PATHS.feeSchedule, { schedule, reason: v.reason }));
  });
  return (
    <Modal open width={600} title="新增交易费率表" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        交易所或监管调整收费时录入：自生效日起的成交按新费率计算净佣金，之前的成交不变。以下按现行费率预填，只需改动变化的一项。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="fee-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="effective_from" label="生效日期" rules={[{ required: true, message: "请选择生效日期" }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Space wrap size={16}>
          {RATES.map(([field, label]) => (
            <Form.Item key={field} name={field} label={`${label}（万分之）`} rules={[wanRule]}>
              <Input prefix="万" style={{ width: 160 }} data-testid={`fee-${field}`} />
            </Form.Item>
          ))}
          <Form.Item
            name="minimum_commission"
            label="最低佣金（元/笔）"
            rules={[yuanRule]}
          >
            <Input suffix="元" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Form.Item name="reason" label="原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="fee-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
