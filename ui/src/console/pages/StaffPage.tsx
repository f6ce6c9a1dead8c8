import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Space, Table, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useCallback, useMemo, useState } from "react";
import type { AccountChanged } from "../../bindings/AccountChanged";
import type { AccountIssued } from "../../bindings/AccountIssued";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import type { StaffEntry } from "../../bindings/StaffEntry";
import { mayCall, ROLE_NAMES } from "../access";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";
import { IssuedPassword, NewAccountDialog } from "./AccountDialogs";

/** The firm's units as a tree, each with how many people are placed in its subtree. */
export function unitTree(directory: StaffDirectory): DataNode[] {
  const children = new Map<string | null, StaffDirectory["units"]>();
  for (const unit of directory.units) {
    const list = children.get(unit.parent_id) ?? [];
    list.push(unit);
    children.set(unit.parent_id, list);
  }
  const placed = new Map<string, number>();
  for (const person of directory.people) placed.set(person.unit_id, (placed.get(person.unit_id) ?? 0) + 1);
  const build = (parent: string | null): { nodes: DataNode[]; people: number } => {
    let people = 0;
    const nodes = (children.get(parent) ?? []).map((unit) => {
      const below = build(unit.id);
      const here = (placed.get(unit.id) ?? 0) + below.people;
      people += here;
      return { key: unit.id, title: `${unit.name}（${here} 人）`, children: below.nodes };
    });
    return { nodes, people };
  };
  return build(null).nodes;
}

/** Everyone in `unit` and the units under it. */
export function peopleUnder(directory: StaffDirectory, unit: string): StaffEntry[] {
  const inside = new Set([unit]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of directory.units) {
      if (u.parent_id && inside.has(u.parent_id) && !inside.has(u.id)) {
        inside.add(u.id);
        grew = true;
      }
    }
  }
  return directory.people.filter((p) => inside.has(p.unit_id));
}

export function StaffPage({ session, roles, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const manages = mayCall(roles, session.user.role, "POST", PATHS.accounts);
  const load = useCallback(() => session.get<StaffDirectory>(PATHS.staff), [session]);
  const { data, error, loading, reload } = useLoad(load, onSessionEnded);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<AccountIssued | null>(null);
  const fail = (reason: unknown) => void message.error(reason instanceof Error ? reason.message : String(reason));
  const setDisabled = (username: string, disabled: boolean) =>
    session.post<AccountChanged>(PATHS.accountStatus, { username, disabled }).then((done) => {
      void message.success(done.message);
      reload();
    }, fail);
  const resetPassword = (username: string) =>
    session.post<AccountIssued>(PATHS.accountPassword, { username }).then(setIssued, fail);
  const [unit, setUnit] = useState<string | null>(null);
  const tree = useMemo(() => (data ? unitTree(data) : []), [data]);
  const root = data?.units.find((u) => u.parent_id === null)?.id ?? null;
  const chosen = unit ?? root;
  const people = data && chosen ? peopleUnder(data, chosen) : [];
  const unitName = (id: string) => data?.units.find((u) => u.id === id)?.name ?? id;

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Card title="组织架构" loading={loading} size="small">
          {tree.length === 0 ? (
            <Empty description="组织架构为空" />
          ) : (
            <Tree
              treeData={tree}
              defaultExpandedKeys={root ? [root] : []}
              selectedKeys={chosen ? [chosen] : []}
              onSelect={(keys) => setUnit(keys.length ? String(keys[0]) : null)}
              data-testid="console-org-tree"
            />
          )}
        </Card>
      </Col>
      <Col span={16}>
        <Card
          size="small"
          title={chosen ? `${unitName(chosen)} 及下属单位的人员` : "人员"}
          extra={
            <Space>
              <Typography.Text type="secondary">{people.length} 人</Typography.Text>
              {manages && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="account-add">
                  开立账号
                </Button>
              )}
            </Space>
          }
        >
          <Table<StaffEntry>
            rowKey="user_id"
            size="small"
            loading={loading}
            dataSource={people}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            data-testid="console-staff-table"
            columns={[
              { title: "工号", dataIndex: "user_id", width: 90 },
              { title: "用户名", dataIndex: "username", width: 120 },
              { title: "姓名", dataIndex: "display_name" },
              { title: "角色", dataIndex: "role", render: (r: StaffEntry["role"]) => ROLE_NAMES[r] },
              { title: "所在单位", dataIndex: "unit_id", render: (u: string) => unitName(u) },
              {
                title: "状态",
                dataIndex: "disabled",
                width: 80,
                render: (d: boolean) => (d ? <Tag color="default">已停用</Tag> : <Tag color="green">在用</Tag>),
              },
              ...(manages
                ? [
                    {
                      title: "操作",
                      width: 150,
                      render: (_: unknown, p: StaffEntry) => (
                        <Space size={0}>
                          <Popconfirm
                            title={p.disabled ? `启用 ${p.display_name} 的账号？` : `停用 ${p.display_name} 的账号？其所有会话将立即终止`}
                            okText="确定"
                            cancelText="取消"
                            onConfirm={() => void setDisabled(p.username, !p.disabled)}
                          >
                            <Button size="small" type="link" danger={!p.disabled}>
                              {p.disabled ? "启用" : "停用"}
                            </Button>
                          </Popconfirm>
                          <Popconfirm
                            title={`为 ${p.display_name} 重置密码？原密码和会话立即失效`}
                            okText="重置"
                            cancelText="取消"
                            onConfirm={() => void resetPassword(p.username)}
                          >
                            <Button size="small" type="link">
                              重置密码
                            </Button>
                          </Popconfirm>
                        </Space>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      {adding && data && (
        <NewAccountDialog
          session={session}
          directory={data}
          onClose={() => setAdding(false)}
          onIssued={(done) => {
            setAdding(false);
            setIssued(done);
            reload();
          }}
        />
      )}
      {issued && <IssuedPassword issued={issued} onClose={() => setIssued(null)} />}
    </Row>
  );
}
