import { Alert, Form, Input, Modal, Select, Typography } from "antd";
import type { OrgChanged } from "../../bindings/OrgChanged";
import type { OrgUnitEntry } from "../../bindings/OrgUnitEntry";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import type { StaffEntry } from "../../bindings/StaffEntry";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { subtreeIds, unitChoices, unitPath } from "./orgTree";

/** What a member of 经纪业务管理部 or IT is about to change in the tree. */
export type OrgChange =
  | { kind: "create"; parent: OrgUnitEntry }
  | { kind: "move"; unit: OrgUnitEntry }
  | { kind: "close"; unit: OrgUnitEntry }
  | { kind: "place"; person: StaffEntry };

interface Values {
  id?: string;
  name?: string;
  target?: string;
  reason?: string;
}

interface Props {
  session: ConsoleSession;
  directory: StaffDirectory;
  change: OrgChange;
  onClose: () => void;
  onDone: (done: OrgChanged) => void;
}

const TITLES = { create: "新建下级单位", move: "调整上级单位", close: "撤销单位", place: "人员调动" } as const;
const OK_TEXT = { create: "新建", move: "调整", close: "撤销", place: "调动" } as const;

/** Where the change goes and what it sends: head office checks it and says what to fix. */
function request(change: OrgChange, v: Values): [string, unknown] {
  switch (change.kind) {
    case "create":
      return [PATHS.units, { id: v.id, parent_id: change.parent.id, name: v.name }];
    case "move":
      return [PATHS.unitMove, { unit_id: change.unit.id, parent_id: v.target, reason: v.reason }];
    case "close":
      return [PATHS.unitClose, { unit_id: change.unit.id, reason: v.reason }];
    case "place":
      return [PATHS.placement, { username: change.person.username, unit_id: v.target, reason: v.reason }];
  }
}

function subject(directory: StaffDirectory, change: OrgChange): string {
  switch (change.kind) {
    case "create":
      return `上级单位：${unitPath(directory, change.parent.id)}`;
    case "move":
      return `调整 ${unitPath(directory, change.unit.id)} 及其下属单位`;
    case "close":
      return `撤销 ${unitPath(directory, change.unit.id)}：须已无在用人员、下属单位均已撤销。撤销后仍保留在组织架构中供历史报表使用，但不能再安排人员。`;
    case "place":
      return `${change.person.display_name}（${change.person.username}），现在 ${unitPath(directory, change.person.unit_id)}。经纪人的客户不随调动变化。`;
  }
}

/** One dialog for the four changes to the tree, each with the reason the operation log keeps. */
export function OrgChangeDialog({ session, directory, change, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const except =
    change.kind === "move"
      ? subtreeIds(directory, change.unit.id).add(change.unit.parent_id ?? "")
      : change.kind === "place"
        ? new Set([change.person.unit_id])
        : new Set<string>();
  const { saving, error, submit: save } = useSubmit(form, async (values) => {
    const [path, body] = request(change, values);
    onDone(await session.post<OrgChanged>(path, body));
  });
  return (
    <Modal
      open
      title={TITLES[change.kind]}
      okText={OK_TEXT[change.kind]}
      okButtonProps={{ danger: change.kind === "close", "data-testid": "org-change-ok" }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{subject(directory, change)}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="org-change-error" />}
      <Form<Values> form={form} layout="vertical">
        {change.kind === "create" && (
          <>
            <Form.Item
              name="id"
              label="单位编号"
              extra="1 到 16 位字母或数字，全公司唯一，建立后不能修改"
              rules={[{ required: true, whitespace: true, message: "请填写单位编号" }]}
            >
              <Input autoComplete="off" data-testid="unit-id" />
            </Form.Item>
            <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: "请填写单位名称" }]}>
              <Input data-testid="unit-name" />
            </Form.Item>
          </>
        )}
        {(change.kind === "move" || change.kind === "place") && (
          <Form.Item
            name="target"
            label={change.kind === "move" ? "新的上级单位" : "调入单位"}
            rules={[{ required: true, message: "请选择单位" }]}
          >
            <Select showSearch={{ optionFilterProp: "label" }} options={unitChoices(directory, except)} data-testid="unit-target" />
          </Form.Item>
        )}
        {change.kind !== "create" && (
          <Form.Item
            name="reason"
            label="原因（记入操作日志）"
            rules={[{ required: true, whitespace: true, message: "请写明原因" }]}
          >
            <Input.TextArea rows={2} maxLength={200} showCount data-testid="org-change-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
