import { Alert, Form, Input, Modal, Select, Typography } from "antd";
import type { AccountIssued } from "../../bindings/AccountIssued";
import type { NewAccount } from "../../bindings/NewAccount";
import type { Role } from "../../bindings/Role";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import { ROLE_NAMES } from "../access";
import { PATHS, type ConsoleSession } from "../http";
import { useSubmit } from "../useSubmit";
import { unitChoices } from "./orgTree";

const ROLES = Object.keys(ROLE_NAMES) as Role[];

interface NewAccountProps {
  session: ConsoleSession;
  directory: StaffDirectory;
  onClose: () => void;
  onIssued: (issued: AccountIssued) => void;
}

/** IT opens an account of any role in any unit. */
export function NewAccountDialog({ session, directory, onClose, onIssued }: NewAccountProps) {
  const [form] = Form.useForm<NewAccount>();
  const { saving, error, submit: save } = useSubmit(form, async (values) =>
    onIssued(await session.post<AccountIssued>(PATHS.accounts, values)),
  );
  return (
    <Modal open title="开立账号" okText="开立" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="account-error" />}
      <Form<NewAccount> form={form} layout="vertical" initialValues={{ role: "Broker" }}>
        <Form.Item name="username" label="用户名（登录用）" rules={[{ required: true, whitespace: true, message: "请填写用户名" }]}>
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item name="display_name" label="姓名" rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}>
          <Input data-testid="account-name" />
        </Form.Item>
        <Form.Item name="role" label="角色">
          <Select options={ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }))} data-testid="account-role" />
        </Form.Item>
        <Form.Item name="unit_id" label="所在单位" rules={[{ required: true, message: "请选择所在单位" }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={unitChoices(directory)}
            data-testid="account-unit"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The temporary password, shown once, to be handed over in person. */
export function IssuedPassword({ issued, onClose }: { issued: AccountIssued; onClose: () => void }) {
  return (
    <Modal open title="临时密码" okText="已记下" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: "none" } }}>
      <Typography.Paragraph>{issued.message}</Typography.Paragraph>
      <Typography.Paragraph>
        用户名 <Typography.Text strong>{issued.username}</Typography.Text>，临时密码{" "}
        <Typography.Text strong copyable data-testid="account-password">
          {issued.temporary_password}
        </Typography.Text>
      </Typography.Paragraph>
      <Alert type="warning" showIcon title="关闭后不再显示，总部不保存明文密码。" />
    </Modal>
  );
}
