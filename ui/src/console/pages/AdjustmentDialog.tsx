import { Alert, Form, Input, Modal, Radio, Select } from "antd";
import type { BrokerTarget } from "../../bindings/BrokerTarget";
import type { MonthAdjustments } from "../../bindings/MonthAdjustments";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { yuanRule, yuanToFen } from "./payPlanForm";

interface Values {
  broker_id: string;
  direction: "pay" | "claw_back";
  amount: string;
  note: string;
}

/** 新增薪酬调整: a broker, paid more or clawed back, how much and why (the broker reads why). */
export function AdjustmentDialog({
  session,
  month,
  brokers,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  /** The month's first day, YYYY-MM-DD. */
  month: string;
  brokers: BrokerTarget[];
  onClose: () => void;
  onDone: (month: MonthAdjustments) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { saving, error, submit } = useSubmit(form, async (v) => {
    const fen = yuanToFen(v.amount) ?? 0;
    onDone(
      await session.post<MonthAdjustments>(PATHS.payAdjustmentAdd, {
        broker_id: v.broker_id,
        month,
        amount: v.direction === "claw_back" ? -fen : fen,
        note: v.note,
      }),
    );
  });
  return (
    <Modal
      open
      title={`新增薪酬调整：${month.slice(0, 4)}年${month.slice(5, 7)}月`}
      okText="记入"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ "data-testid": "adjustment-ok" }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="adjustment-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ direction: "pay" }}>
        <Form.Item name="broker_id" label="经纪人" rules={[{ required: true, message: "请选择经纪人" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            placeholder="输入姓名或工号查找"
            options={brokers.map((b) => ({
              value: b.broker_id,
              label: `${b.broker_name}（${b.broker_id}）· ${b.unit_name}`,
            }))}
            data-testid="adjustment-broker"
          />
        </Form.Item>
        <Form.Item name="direction" label="调整方向">
          <Radio.Group>
            <Radio value="pay">补发（增加应发）</Radio>
            <Radio value="claw_back">扣回（减少应发）</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="amount" label="金额（元）" required rules={[yuanRule]}>
          <Input placeholder="如 300 或 1200.50" data-testid="adjustment-amount" />
        </Form.Item>
        <Form.Item
          name="note"
          label="调整原因（经纪人会在结算单上看到）"
          rules={[{ required: true, whitespace: true, message: "请写明调整原因" }]}
        >
          <Input.TextArea rows={2} maxLength={100} showCount data-testid="adjustment-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
