import { LogoutOutlined } from "@ant-design/icons";
import { Button, Layout, Menu, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { ROLE_NAMES, type RouteRoles } from "./access";
import type { ConsoleSession } from "./http";
import { pagesFor } from "./pages";

interface Props {
  session: ConsoleSession;
  roles: RouteRoles;
  onSignOut: (why: string | null) => void;
}

function pageInAddress(): string {
  return window.location.hash.replace(/^#\/?/, "");
}

/** The console's frame: the role's pages on the left, who is signed in at the top. */
export function Shell({ session, roles, onSignOut }: Props) {
  const pages = pagesFor(roles, session.user.role);
  const [key, setKey] = useState(() => pageInAddress());
  const page = pages.find((p) => p.key === key) ?? pages[0];

  useEffect(() => {
    const follow = () => setKey(pageInAddress());
    window.addEventListener("hashchange", follow);
    return () => window.removeEventListener("hashchange", follow);
  }, []);

  const sessionEnded = useCallback((why: string) => onSignOut(why), [onSignOut]);

  return (
    <Layout className="console-shell">
      <Layout.Sider className="console-sider" width={208}>
        <div className="console-sider-title">总部管理控制台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={page ? [page.key] : []}
          items={pages.map((p) => ({ key: p.key, icon: p.icon, label: p.label }))}
          onClick={({ key: next }) => {
            window.location.hash = `/${next}`;
            setKey(next);
          }}
          data-testid="console-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Typography.Text strong>{page?.label}</Typography.Text>
          <Space>
            <span data-testid="console-user">{session.user.display_name}</span>
            <Tag color="blue" data-testid="console-role">
              {ROLE_NAMES[session.user.role]}
            </Tag>
            <Typography.Text type="secondary">{session.user.org_path}</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => onSignOut(null)} data-testid="console-sign-out">
              退出
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">
          {page?.render({ session, roles, onSessionEnded: sessionEnded })}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
