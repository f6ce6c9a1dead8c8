import { TeamOutlined, UserOutlined } from "@ant-design/icons";
import { Tree, Typography, type TreeDataNode } from "antd";
import { useMemo } from "react";
import type { TeamNode } from "../../bindings/TeamNode";

/** What a node of the tree opens. */
export type TreeTarget = { kind: "unit"; id: string } | { kind: "broker"; id: string };

export const unitKey = (id: string) => `unit:${id}`;
export const brokerKey = (id: string) => `broker:${id}`;

/** The tree's nodes, and what each key opens. */
function build(tree: TeamNode): { data: TreeDataNode[]; targets: Map<string, TreeTarget> } {
  const targets = new Map<string, TreeTarget>();
  const unit = (node: TeamNode): TreeDataNode => {
    const key = unitKey(node.unit_id);
    targets.set(key, { kind: "unit", id: node.unit_id });
    const brokers: TreeDataNode[] = [];
    for (const b of node.brokers) {
      const bKey = brokerKey(b.id);
      // A broker is listed once, in the first unit that places them.
      if (targets.has(bKey)) continue;
      targets.set(bKey, { kind: "broker", id: b.id });
      brokers.push({
        key: bKey,
        isLeaf: true,
        icon: <UserOutlined />,
        title: (
          <span data-testid="team-tree-broker" data-id={b.id}>
            {b.name}
          </span>
        ),
      });
    }
    return {
      key,
      icon: <TeamOutlined />,
      title: (
        <span data-testid="team-tree-unit" data-id={node.unit_id}>
          {node.name}
          {node.leader && (
            <Typography.Text type="secondary" className="team-tree-leader">
              （{node.leader.name}）
            </Typography.Text>
          )}
        </span>
      ),
      children: [...node.children.map(unit), ...brokers],
    };
  };
  return { data: [unit(tree)], targets };
}

interface Props {
  tree: TeamNode;
  /** The key of what is shown (unitKey or brokerKey), highlighted. */
  selected: string | null;
  onOpen: (target: TreeTarget) => void;
}

/** The lead's whole subtree, as deep as it goes: units with their leader, brokers as leaves. */
export function TeamTree({ tree, selected, onOpen }: Props) {
  const { data, targets } = useMemo(() => build(tree), [tree]);
  return (
    <div className="team-tree" data-testid="team-tree">
      <Tree
        // A new tree (after a refresh) opens fully again.
        key={tree.unit_id}
        treeData={data}
        showIcon
        blockNode
        defaultExpandAll
        selectedKeys={selected ? [selected] : []}
        onSelect={(_, info) => {
          const target = targets.get(String(info.node.key));
          if (target) onOpen(target);
        }}
      />
    </div>
  );
}
