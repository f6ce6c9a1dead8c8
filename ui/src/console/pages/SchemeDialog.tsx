import { Alert, Form, Input, InputNumber, Modal, Typography } from "antd";
import type { AppraisalCohort } from "../../bindings/AppraisalCohort";
import type { Measure } from "../../bindings/Measure";
import type { OrgChanged } from "../../bindings/OrgChanged";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { MEASURE_NAMES } from "./appraisalLabels";

const MEASURES = Object.keys(MEASURE_NAMES) as Measure[];

type Values = Record<Measure, number | null> & { reason: string };

/** A level's 考核 scheme: a weight for each measure, adding up to 100 (head office checks it). */
export function SchemeDialog({
  session,
  cohort,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  cohort: AppraisalCohort;
  onClose: () => void;
  onDone: (done: OrgChanged) => void;
}) {
  const [form] = Form.useForm<Values>();
  const initial = Object.fromEntries(
    MEASURES.map((m) => [m, cohort.scheme.weights.find((w) => w.measure === m)?.percent ?? 0]),
  );
  const weights = Form.useWatch([], form) as Partial<Values> | undefined;
  const total = MEASURES.reduce((sum, m) => sum + (weights?.[m] ?? 0), 0);
  const { saving, error, submit } = useSubmit(form, async (v) => {
    const chosen = MEASURES.filter((m) => (v[m] ?? 0) > 0).map((m) => ({ measure: m, percent: v[m] ?? 0 }));
    onDone(
      await session.post<OrgChanged>(PATHS.appraisalScheme, {
        scheme: { plan_id: cohort.plan_id, weights: chosen },
        reason: v.reason,
      }),
    );
  });
  return (
    <Modal open title={`调整考核方案：${cohort.name}`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        各项权重合计须为 100%。本月的考核立即按新方案计算；已发布月份的考核结果不变。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="scheme-error" />}
      <Form<Values> form={form} layout="horizontal" labelCol={{ span: 8 }} initialValues={initial}>
        {MEASURES.map((m) => (
          <Form.Item key={m} name={m} label={MEASURE_NAMES[m]}>
            <InputNumber min={0} max={100} precision={0} addonAfter="%" data-testid={`scheme-${m}`} />
          </Form.Item>
        ))}
        <Form.Item label="合计">
          <Typography.Text type={total === 100 ? "success" : "danger"} data-testid="scheme-total">
            {total}%
          </Typography.Text>
        </Form.Item>
        <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="scheme-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
