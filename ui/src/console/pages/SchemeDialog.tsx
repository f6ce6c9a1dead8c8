import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import type { Appraised } from "../../bindings/Appraised";
import type { BrokerCategory } from "../../bindings/BrokerCategory";
import type { Measure } from "../../bindings/Measure";
import type { OrgChanged } from "../../bindings/OrgChanged";
import type { Weight } from "../../bindings/Weight";
import { PATHS, type ConsoleSession } from "../http";
import { ReasonDialog } from "../ReasonDialog";
import { useSubmit } from "../useSubmit";
import { MEASURE_NAMES } from "./appraisalLabels";

const MEASURES = Object.keys(MEASURE_NAMES) as Measure[];

type Values = Record<Measure, number | null> & { reason: string; classId?: string };

/** What a scheme dialog changes: a cohort's scheme, or a new one for a class chosen in it. */
export type SchemeTarget =
  | { kind: "cohort"; appliesTo: Appraised; name: string; weights: Weight[] }
  | { kind: "new_class"; classes: BrokerCategory[]; weights: Weight[] };

/** A level's or class's 考核 scheme: a weight for each measure, adding up to 100 (head office checks it). */
export function SchemeDialog({
  session,
  target,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  target: SchemeTarget;
  onClose: () => void;
  onDone: (done: OrgChanged) => void;
}) {
  const [form] = Form.useForm<Values>();
  const initial = Object.fromEntries(MEASURES.map((m) => [m, target.weights.find((w) => w.measure === m)?.percent ?? 0]));
  const weights = Form.useWatch([], form) as Partial<Values> | undefined;
  const total = MEASURES.reduce((sum, m) => sum + (weights?.[m] ?? 0), 0);
  const { saving, error, submit } = useSubmit(form, async (v) => {
    const chosen = MEASURES.filter((m) => (v[m] ?? 0) > 0).map((m) => ({ measure: m, percent: v[m] ?? 0 }));
    const appliesTo: Appraised = target.kind === "cohort" ? target.appliesTo : { class: v.classId ?? "" };
    onDone(
      await session.post<OrgChanged>(PATHS.appraisalScheme, {
        scheme: { applies_to: appliesTo, weights: chosen },
        reason: v.reason,
      }),
    );
  });
  const title = target.kind === "cohort" ? `调整考核方案：${target.name}` : "为类别设置考核方案";
  return (
    <Modal open title={title} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        各项权重合计须为 100%。本月的考核立即按新方案计算；已发布月份的考核结果不变。
        {target.kind === "new_class" && "设了方案的类别，其经纪人不再按级别、而在本类别内排名。"}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="scheme-error" />}
      <Form<Values> form={form} layout="horizontal" labelCol={{ span: 8 }} initialValues={initial}>
        {target.kind === "new_class" && (
          <Form.Item name="classId" label="类别" rules={[{ required: true, message: "请选择类别" }]}>
            <Select
              placeholder="选择还没有考核方案的类别"
              options={target.classes.map((c) => ({ value: c.id, label: c.name }))}
              data-testid="scheme-class"
            />
          </Form.Item>
        )}
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

/** Drops a class's or level's own scheme, with the reason for the operation log. */
export function SchemeRemovalDialog({
  session,
  appliesTo,
  name,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  appliesTo: Appraised;
  name: string;
  onClose: () => void;
  onDone: (done: OrgChanged) => void;
}) {
  const byClass = "class" in appliesTo;
  return (
    <ReasonDialog
      title={byClass ? `取消类别考核方案：${name}` : `恢复默认考核方案：${name}`}
      okText={byClass ? "取消方案" : "恢复默认"}
      reasonLabel="原因（记入操作日志）"
      reasonMissing="请写明原因"
      testId="scheme-remove"
      send={(reason) => session.post<OrgChanged>(PATHS.appraisalSchemeRemove, { applies_to: appliesTo, reason })}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph>
        {byClass ? `取消后，${name}的经纪人改回按各自级别考核、在同级别中排名。` : `取消后，${name}按公司默认方案考核。`}
        已发布月份的考核结果不变。
      </Typography.Paragraph>
    </ReasonDialog>
  );
}
