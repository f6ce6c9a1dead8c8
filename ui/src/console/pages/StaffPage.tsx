import { Alert, Card, Col, Empty, Row, Table, Tag, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { useCallback, useMemo, useState } from "react";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import type { StaffEntry } from "../../bindings/StaffEntry";
import { ROLE_NAMES } from "../access";
import { PATHS } from "../http";
import type { PageProps } from "../pages";
import { useLoad } from "../useLoad";

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

export function StaffPage({ session, onSessionEnded }: PageProps) {
  const load = useCallback(() => session.get<StaffDirectory>(PATHS.staff), [session]);
  const { data, error, loading } = useLoad(load, onSessionEnded);
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
          extra={<Typography.Text type="secondary">{people.length} 人</Typography.Text>}
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
              { title: "姓名", dataIndex: "display_name" },
              { title: "角色", dataIndex: "role", render: (r: StaffEntry["role"]) => ROLE_NAMES[r] },
              { title: "所在单位", dataIndex: "unit_id", render: (u: string) => unitName(u) },
              {
                title: "状态",
                dataIndex: "disabled",
                width: 80,
                render: (d: boolean) => (d ? <Tag color="default">已停用</Tag> : <Tag color="green">在用</Tag>),
              },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
