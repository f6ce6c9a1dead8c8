import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Space, Table, Tag, Tree, Typography } from "antd";
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
import { peopleUnder, unitTree } from "./orgTree";
import { OrgChangeDialog, type OrgChange } from "./UnitDialogs";

export function StaffPage({ session, roles, onSessionEnded }: PageProps) {
  const { message } = App.useApp();
  const manages = mayCall(roles, session.user.role, "POST", PATHS.accounts);
  const shapes = mayCall(roles, session.user.role, "POST", PATHS.units);
  const [change, setChange] = useState<OrgChange | null>(null);
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
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const tree = useMemo(() => (data ? unitTree(data) : []), [data]);
  const root = data?.units.find((u) => u.parent_id === null)?.id ?? null;
  const chosen = unit ?? root;
  const people = data && chosen ? peopleUnder(data, chosen) : [];
  const unitName = (id: string) => data?.units.find((u) => u.id === id)?.name ?? id;
  const chosenUnit = data?.units.find((u) => u.id === chosen) ?? null;
  const open = chosenUnit !== null && chosenUnit.closed_on === null;

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Card
          title="组织架构"
          loading={loading}
          size="small"
          actions={
            shapes && chosenUnit
              ? [
                  <Button key="create" size="small" type="link" disabled={!open} onClick={() => setChange({ kind: "create", parent: chosenUnit })} data-testid="unit-create">
                    新建下级
                  </Button>,
                  <Button key="move" size="small" type="link" disabled={!open || chosenUnit.parent_id === null} onClick={() => setChange({ kind: "move", unit: chosenUnit })} data-testid="unit-move">
                    调整上级
                  </Button>,
                  <Button key="close" size="small" type="link" danger disabled={!open || chosenUnit.parent_id === null} onClick={() => setChange({ kind: "close", unit: chosenUnit })} data-testid="unit-close">
                    撤销
                  </Button>,
                ]
              : undefined
          }
        >
          {tree.length === 0 ? (
            <Empty description="组织架构为空" />
          ) : (
            <Tree
              treeData={tree}
              expandedKeys={expanded ?? (root ? [root] : [])}
              onExpand={(keys) => setExpanded(keys.map(String))}
              selectedKeys={chosen ? [chosen] : []}
              onSelect={(keys) => {
                const picked = keys.length ? String(keys[0]) : null;
                setUnit(picked);
                // A unit picked shows what is under it, as a new unit added there will be.
                if (picked) setExpanded((now) => [...new Set([...(now ?? (root ? [root] : [])), picked])]);
              }}
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
              ...(shapes && !manages
                ? [
                    {
                      title: "操作",
                      width: 90,
                      render: (_: unknown, p: StaffEntry) => (
                        <Button size="small" type="link" onClick={() => setChange({ kind: "place", person: p })} data-testid={`place-${p.username}`}>
                          调动
                        </Button>
                      ),
                    },
                  ]
                : []),
              ...(manages
                ? [
                    {
                      title: "操作",
                      width: 210,
                      render: (_: unknown, p: StaffEntry) => (
                        <Space size={0}>
                          {shapes && (
                            <Button size="small" type="link" onClick={() => setChange({ kind: "place", person: p })} data-testid={`place-${p.username}`}>
                              调动
                            </Button>
                          )}
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
      {change && data && (
        <OrgChangeDialog
          session={session}
          directory={data}
          change={change}
          onClose={() => setChange(null)}
          onDone={(done) => {
            setChange(null);
            void message.success(done.message);
            reload();
          }}
        />
      )}
      {issued && <IssuedPassword issued={issued} onClose={() => setIssued(null)} />}
    </Row>
  );
}
