import { LockOutlined, UserOutlined, CloudServerOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { api, toIpcError } from "../api";
import type { SessionState } from "../bindings/SessionState";
import { useT } from "../i18n/context";
import { LanguageSwitch } from "./LanguageSwitch";

export const DEFAULT_SERVER_URL = "http://127.0.0.1:8787";

interface Values {
  server_url: string;
  username: string;
  password: string;
}

interface Props {
  session: SessionState | null;
  /** Why the user is here again (e.g. the session ended), shown above the form. */
  notice?: string | null;
  onSignedIn: (session: SessionState) => void;
}

export function SignIn({ session, notice, onSignedIn }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lastUsername = session?.last_username ?? "";
  // Why the session ended (from the window), else what the desk found at start (a cache kept aside).
  const shownNotice = notice ?? session?.notice ?? null;

  const submit = (values: Values) => {
    setSubmitting(true);
    setError(null);
    const attempt = {
      server_url: values.server_url.trim(),
      username: values.username.trim(),
      password: values.password,
    };
    // The password lives only in the form field and this one request.
    form.setFieldValue("password", "");
    api.signIn(attempt).then(
      (next) => {
        setSubmitting(false);
        onSignedIn(next);
      },
      (reason: unknown) => {
        setSubmitting(false);
        setError(toIpcError(reason).message);
      },
    );
  };

  return (
    <div className="signin-page">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <Card className="signin-card" variant="borderless">
        <div className="signin-brand">
          <div className="signin-logo" aria-hidden>
            经
          </div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t("app.name")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("app.nameEn")}</Typography.Text>
          </div>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
          {t("signin.subtitle")}
        </Typography.Paragraph>
        {shownNotice && !error && (
          <Alert
            type="warning"
            showIcon
            title={shownNotice}
            style={{ marginBottom: 16 }}
            data-testid="signin-notice"
          />
        )}
        {error && (
          <Alert
            data-testid="signin-error"
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          disabled={submitting}
          initialValues={{
            server_url: session?.server_url || DEFAULT_SERVER_URL,
            username: lastUsername,
            password: "",
          }}
          onFinish={submit}
        >
          <Form.Item
            name="server_url"
            label={t("signin.server")}
            extra={session?.server_fixed ? t("signin.serverFixed") : undefined}
            rules={[
              { required: true, whitespace: true, message: t("signin.serverRequired") },
              { pattern: /^\s*https?:\/\/\S+\s*$/i, message: t("signin.serverInvalid") },
            ]}
          >
            <Input
              prefix={<CloudServerOutlined />}
              autoComplete="url"
              spellCheck={false}
              readOnly={session?.server_fixed}
              variant={session?.server_fixed ? "filled" : "outlined"}
              data-testid="signin-server"
            />
          </Form.Item>
          <Form.Item
            name="username"
            label={t("signin.username")}
            rules={[{ required: true, whitespace: true, message: t("signin.usernameRequired") }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus={!lastUsername}
              spellCheck={false}
              data-testid="signin-username"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("signin.password")}
            rules={[{ required: true, message: t("signin.passwordRequired") }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              autoFocus={!!lastUsername}
              data-testid="signin-password"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0, marginTop: 8 }}>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={submitting}
              data-testid="signin-submit"
            >
              {t("signin.submit")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
