import { Alert, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import type { Appraised } from "../../bindings/Appraised";
import type { BrokerCategory } from "../../bindings/BrokerCategory";
import type { Measure } from "../../bindings/Measure";
import type { OrgChanged } from "../../bindings/OrgChanged";
import type { Weight } from "../../bindings/Weight";
import { PATHS, type ConsoleSession } from "../http";
import { ReasonDialog } from "../ReasonDialog";
import { useSubmit } from "../useSubmit";
import { appraisedAs, COHORT_WORDS, MEASURE_NAMES } from "./appraisalLabels";

const MEASURES = Object.keys(MEASURE_NAMES) as Measure[];

type Values = Record<Measure, number | null> & { reason: string; categoryId?: string };

/** What a scheme dialog changes: a cohort's scheme, or a new one for a class or group chosen in it. */
export type SchemeTarget =
  | { kind: "cohort"; appliesTo: Appraised; name: string; weights: Weight[] }
  | { kind: "new_category"; categories: BrokerCategory[]; weights: Weight[] };

/** The category `id` of `categories`, as whom a scheme appraises. */
function categoryAppraised(categories: BrokerCategory[], id: string): Appraised {
  return categories.find((c) => c.id === id)?.kind === "group" ? { group: id } : { class: id };
}

/** A level's, class's or group's 考核 scheme: a weight for each measure, adding up to 100 (head office checks it). */
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
    const appliesTo: Appraised =
      target.kind === "cohort" ? target.appliesTo : categoryAppraised(target.categories, v.categoryId ?? "");
    onDone(
      await session.post<OrgChanged>(PATHS.appraisalScheme, {
        scheme: { applies_to: appliesTo, weights: chosen },
        reason: v.reason,
      }),
    );
  });
  const title = target.kind === "cohort" ? `调整考核方案：${target.name}` : "为类别或组别设置考核方案";
  const options = (["class", "group"] as const).map((kind) => ({
    label: COHORT_WORDS[kind],
    options: target.kind === "cohort" ? [] : target.categories.filter((c) => c.kind === kind).map((c) => ({ value: c.id, label: c.name })),
  }));
  return (
    <Modal open title={title} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        各项权重合计须为 100%。本月的考核立即按新方案计算；已发布月份的考核结果不变。
        {target.kind === "new_category" &&
          "设了方案的类别或组别，其经纪人不再按级别、而在本类别或组别内排名；类别和组别都有方案的经纪人按类别的方案。"}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="scheme-error" />}
      <Form<Values> form={form} layout="horizontal" labelCol={{ span: 8 }} initialValues={initial}>
        {target.kind === "new_category" && (
          <Form.Item name="categoryId" label="类别或组别" rules={[{ required: true, message: "请选择类别或组别" }]}>
            <Select
              placeholder="选择还没有考核方案的类别或组别"
              options={options.filter((o) => o.options.length > 0)}
              data-testid="scheme-category"
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

/** Drops a level's, class's or group's own scheme, with the reason for the operation log. */
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
  const { kind } = appraisedAs(appliesTo);
  const word = COHORT_WORDS[kind];
  const after: Record<typeof kind, string> = {
    level: `取消后，${name}按公司默认方案考核。`,
    class: `取消后，${name}的经纪人改回按各自组别（组别有方案的）或级别考核、在同组别或同级别中排名。`,
    group: `取消后，${name}的经纪人改回按各自级别考核、在同级别中排名。`,
  };
  return (
    <ReasonDialog
      title={kind === "level" ? `恢复默认考核方案：${name}` : `取消${word}考核方案：${name}`}
      okText={kind === "level" ? "恢复默认" : "取消方案"}
      reasonLabel="原因（记入操作日志）"
      reasonMissing="请写明原因"
      testId="scheme-remove"
      send={(reason) => session.post<OrgChanged>(PATHS.appraisalSchemeRemove, { applies_to: appliesTo, reason })}
      onClose={onClose}
      onDone={onDone}
    >
      <Typography.Paragraph>
        {after[kind]}
        已发布月份的考核结果不变。
      </Typography.Paragraph>
    </ReasonDialog>
  );
}
