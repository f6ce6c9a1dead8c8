import { Alert, Form, Input, Modal, Radio, Select, Typography } from "antd";
import type { BrokerCategory } from "../../bindings/BrokerCategory";
import type { BrokerLevel } from "../../bindings/BrokerLevel";
import type { CategoryKind } from "../../bindings/CategoryKind";
import type { LevelChoice } from "../../bindings/LevelChoice";
import type { OrgChanged } from "../../bindings/OrgChanged";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { classFixedBy } from "./classLadder";

function options(categories: BrokerCategory[], kind: CategoryKind) {
  return categories.filter((c) => c.kind === kind).map((c) => ({ value: c.id, label: c.name }));
}

interface PlaceValues {
  class_id: string | null;
  group_id: string | null;
  reason: string;
}

/** 调整分类: a broker's class (the kind of work) and group (the channel); either may be none. A level on a class's ladder fixes the class. */
export function CategorizeDialog({
  session,
  categories,
  levels,
  broker,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  categories: BrokerCategory[];
  levels: LevelChoice[];
  broker: BrokerLevel;
  onClose: () => void;
  onDone: (done: OrgChanged) => void;
}) {
  const [form] = Form.useForm<PlaceValues>();
  const fixedBy = classFixedBy(broker, levels);
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<OrgChanged>(PATHS.brokerCategorize, {
        broker_id: broker.broker_id,
        class_id: v.class_id ?? null,
        group_id: v.group_id ?? null,
        reason: v.reason,
      }),
    ),
  );
  return (
    <Modal open title={`调整分类：${broker.display_name}（${broker.broker_id}）`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden okButtonProps={{ "data-testid": "categorize-ok" }}>
      <Typography.Paragraph type="secondary">类别说明岗位（如理财顾问），组别说明服务渠道（如银行渠道）。级别属于某一类别的职级序列时，类别随级别而定。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<PlaceValues> form={form} layout="vertical" initialValues={{ class_id: broker.class_id, group_id: broker.group_id }}>
        <Form.Item name="class_id" label="类别" extra={fixedBy ? `随现任级别“${fixedBy.name}”而定；要换类别，请用“调级”调到新类别的级别。` : undefined}>
          <Select allowClear placeholder="未分类别" disabled={!!fixedBy} options={options(categories, "class")} data-testid="categorize-class" />
        </Form.Item>
        <Form.Item name="group_id" label="组别" extra="新的类别、组别自今天起计：组别津贴按在组天数计发，已过去的月份仍按原类别、组别计薪和考核。">
          <Select allowClear placeholder="未分组别" options={options(categories, "group")} data-testid="categorize-group" />
        </Form.Item>
        <Form.Item name="reason" label="原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount data-testid="categorize-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface NewValues {
  kind: CategoryKind;
  id: string;
  name: string;
  reason: string;
}

/** 新增类别或组别 to the firm's lists (head office checks the id and name are new). */
export function NewCategoryDialog({
  session,
  onClose,
  onDone,
}: {
  session: ConsoleSession;
  onClose: () => void;
  onDone: (done: OrgChanged) => void;
}) {
  const [form] = Form.useForm<NewValues>();
  const { saving, error, submit } = useSubmit(form, async (v) =>
    onDone(
      await session.post<OrgChanged>(PATHS.brokerCategory, {
        category: { id: v.id.trim(), kind: v.kind, name: v.name.trim() },
        reason: v.reason,
      }),
    ),
  );
  return (
    <Modal open title="新增类别或组别" okText="新增" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<NewValues> form={form} layout="vertical" initialValues={{ kind: "class" }}>
        <Form.Item name="kind" label="种类">
          <Radio.Group
            options={[
              { value: "class", label: "类别（岗位）" },
              { value: "group", label: "组别（渠道）" },
            ]}
          />
        </Form.Item>
        <Form.Item name="id" label="编号" rules={[{ required: true, message: "请填写编号，如 CL-PB" }]}>
          <Input style={{ width: 200 }} placeholder="如 CL-PB" />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: "请填写名称" }]}>
          <Input style={{ width: 240 }} maxLength={12} placeholder="如 私人银行顾问" />
        </Form.Item>
        <Form.Item name="reason" label="原因（记入操作日志）" rules={[{ required: true, whitespace: true, message: "请写明原因" }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
