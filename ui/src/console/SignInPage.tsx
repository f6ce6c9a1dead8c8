import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";

interface Values {
  username: string;
  password: string;
}

interface Props {
  /** Why the user is here again (signed out, the session ended), shown above the form. */
  notice: string | null;
  onSubmit: (username: string, password: string) => Promise<void>;
}

export function SignInPage({ notice, onSubmit }: Props) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (values: Values) => {
    setSubmitting(true);
    setError(null);
    form.setFieldValue("password", "");
    onSubmit(values.username.trim(), values.password).then(
      () => setSubmitting(false),
      (reason: unknown) => {
        setSubmitting(false);
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
  };

  return (
    <div className="console-signin">
      <Card className="console-signin-card" variant="borderless">
        <div className="console-brand">
          <div className="console-logo" aria-hidden>
            总
          </div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              总部管理控制台
            </Typography.Title>
            <Typography.Text type="secondary">经纪人工作台 · BrokerDesk Head Office</Typography.Text>
          </div>
        </div>
        <Typography.Paragraph type="secondary">
          经纪业务管理部、合规、财务、客服与信息技术部使用总部账号登录。
        </Typography.Paragraph>
        {notice && !error && (
          <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="console-notice" />
        )}
        {error && (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="console-signin-error" />
        )}
        <Form<Values> form={form} layout="vertical" requiredMark={false} disabled={submitting} onFinish={submit}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: "请输入总部账号的用户名" }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="console-username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="console-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} data-testid="console-signin-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
