import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { BrokerCategory } from "../../bindings/BrokerCategory";
import type { PlanInUse } from "../../bindings/PlanInUse";
import type { PayPlanOverview } from "../../bindings/PayPlanOverview";
import { todayInShanghai } from "../../lib/format";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { percentToRate, planFrom, planValues, yuanRule, type PlanValues } from "./payPlanForm";

const percentRule = {
  validator: (_: unknown, v: string | undefined) => {
    const rate = v ? percentToRate(v) : null;
    return rate !== null && rate <= 10_000_000 ? Promise.resolve() : Promise.reject(new Error("请填写 0 到 100 之间的百分比"));
  },
};

const EMPTY: Omit<PlanValues, "reason"> = {
  id: "",
  name: "",
  base_pay: "",
  monthly_threshold: "0",
  bands: [{ from: "0", rate: "" }],
  new_asset_bonus: "0",
};

/** 新增 or 调整 a pay plan, and the class whose ladder it is on; head office checks the whole plan again (`domain::pay_plan_edit`, `domain::class_ladder`). */
export function PayPlanDialog({
  session,
  plan: inUse,
  classes,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  /** null: a new plan. */
  plan: PlanInUse | null;
  classes: BrokerCategory[];
  onClose: () => void;
  onDone: (now: PayPlanOverview) => void;
}) {
  const plan = inUse?.plan ?? null;
  const [form] = Form.useForm<PlanValues & { class_id: string | null }>();
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(await session.post<PayPlanOverview>(PATHS.payPlanSave, { plan: planFrom(v), class_id: v.class_id ?? null, reason: v.reason })),
  );
  // Once anyone is paid by a level, its class is read back into months worked: it stays.
  const classFixed = inUse?.ever_held ?? false;
  return (
    <Modal
      open
      width={620}
      title={plan ? `调整薪酬方案：${plan.name}` : "新增薪酬方案"}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "pay-plan-ok" }}
    >
      <Typography.Paragraph type="secondary">
        保存后，本方案的经纪人在尚未发布的结算单中按新方案计酬；已发布的结算单不变。经纪人下次同步后可在佣金面板看到新的计酬方式。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="pay-plan-error" />}
      <Form<PlanValues & { class_id: string | null }> form={form} layout="vertical" initialValues={{ ...(plan ? planValues(plan) : EMPTY), class_id: inUse?.class_id ?? null }}>
        <Space align="start" size={16}>
          <Form.Item name="id" label="方案编号" rules={[{ required: true, message: "请填写方案编号，如 AM4" }]}>
            <Input disabled={plan !== null} style={{ width: 140 }} placeholder="如 AM4" data-testid="pay-plan-id" />
          </Form.Item>
          <Form.Item name="name" label="方案名称（级别）" rules={[{ required: true, whitespace: true, message: "请填写方案名称" }]}>
            <Input style={{ width: 240 }} maxLength={20} placeholder="如 客户经理（四级）" data-testid="pay-plan-name" />
          </Form.Item>
        </Space>
        <Form.Item
          name="class_id"
          label="所属类别（职级序列）"
          extra={classFixed ? "已有经纪人按此级别计薪，所属类别不能再改；要按同样条件给另一类别，请新增一个级别。" : "调到此级别的经纪人即属于该类别；不选则类别按人工分类。"}
        >
          <Select
            allowClear
            disabled={classFixed}
            placeholder="不属任何类别"
            style={{ width: 240 }}
            options={classes.map((c) => ({ value: c.id, label: `${c.name}序列` }))}
            data-testid="pay-plan-class"
          />
        </Form.Item>
        <Space align="start" size={16}>
          <Form.Item name="base_pay" label="底薪（元/月）" rules={[yuanRule]}>
            <Input style={{ width: 140 }} data-testid="pay-plan-base" />
          </Form.Item>
          <Form.Item name="monthly_threshold" label="月度门槛（元）" rules={[yuanRule]}>
            <Input style={{ width: 140 }} data-testid="pay-plan-threshold" />
          </Form.Item>
          <Form.Item name="new_asset_bonus" label="新增资产奖励（%）" rules={[percentRule]}>
            <Input style={{ width: 140 }} data-testid="pay-plan-bonus" />
          </Form.Item>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>
          分成档位（门槛以上的净佣金，自第一档 0 元起由低到高）
        </Typography.Paragraph>
        <Form.List name="bands">
          {(fields, { add, remove }) => (
            <div>
              {fields.map((field, i) => (
                <Space key={field.key} align="start" style={{ display: "flex" }}>
                  <Form.Item name={[field.name, "from"]} rules={[yuanRule]}>
                    <Input prefix="超过" suffix="元" style={{ width: 220 }} disabled={i === 0} data-testid={`pay-band-from-${i}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, "rate"]} rules={[percentRule]}>
                    <Input prefix="提成" suffix="%" style={{ width: 180 }} data-testid={`pay-band-rate-${i}`} />
                  </Form.Item>
                  {i > 0 && <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除此档" />}
                </Space>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ from: "", rate: "" })} disabled={fields.length >= 10} data-testid="pay-band-add">
                增加一档
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="reason" label="原因（记入操作日志）" style={{ marginTop: 16 }} rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="pay-plan-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface SplitValues {
  effective_from: Dayjs;
  share: string;
  reason: string;
}

/** 开发关系分成 from a day on: today or later, as head office allows. */
export function SplitDialog({
  session,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  onClose: () => void;
  onDone: (now: PayPlanOverview) => void;
}) {
  const [form] = Form.useForm<SplitValues>();
  const firstOfNextMonth = dayjs(todayInShanghai()).add(1, "month").startOf("month");
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<PayPlanOverview>(PATHS.developmentSplit, {
        split: { effective_from: v.effective_from.format("YYYY-MM-DD"), developer_share: percentToRate(v.share) ?? 0 },
        reason: v.reason,
      }),
    ),
  );
  return (
    <Modal open title="调整开发关系分成" okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        客户由他人开发、由本人服务时，开发经纪人从该客户的净佣金中所得的比例。自生效日起适用，之前的日子不变。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<SplitValues> form={form} layout="vertical" initialValues={{ effective_from: firstOfNextMonth }}>
        <Form.Item name="effective_from" label="生效日期" rules={[{ required: true, message: "请选择生效日期" }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="share" label="开发经纪人分成（%）" rules={[percentRule]}>
          <Input style={{ width: 160 }} suffix="%" />
        </Form.Item>
        <Form.Item name="reason" label="原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
