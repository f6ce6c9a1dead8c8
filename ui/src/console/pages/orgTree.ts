// The firm's tree as the staff page draws it and its dialogs offer it. The rules about what may
// move where are head office's (domain::org_tree); these only keep the pickers from offering
// what it would refuse anyway.

import type { DataNode } from "antd/es/tree";
import type { OrgUnitEntry } from "../../bindings/OrgUnitEntry";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import type { StaffEntry } from "../../bindings/StaffEntry";

/** The firm's units as a tree, each with how many people are placed in its subtree. */
export function unitTree(directory: StaffDirectory): DataNode[] {
  const children = new Map<string | null, OrgUnitEntry[]>();
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
      const closed = unit.closed_on ? `，${unit.closed_on} 已撤销` : "";
      return { key: unit.id, title: `${unit.name}（${here} 人${closed}）`, children: below.nodes };
    });
    return { nodes, people };
  };
  return build(null).nodes;
}

/** `unit` and the ids of every unit under it. */
export function subtreeIds(directory: StaffDirectory, unit: string): Set<string> {
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
  return inside;
}

/** Everyone in `unit` and the units under it. */
export function peopleUnder(directory: StaffDirectory, unit: string): StaffEntry[] {
  const inside = subtreeIds(directory, unit);
  return directory.people.filter((p) => inside.has(p.unit_id));
}

/** A unit named with the units above it: "上海浦东营业部 / 财富管理一组". The root is left out. */
export function unitPath(directory: StaffDirectory, id: string): string {
  const names: string[] = [];
  let at = directory.units.find((u) => u.id === id);
  for (let i = 0; at && i <= directory.units.length; i++) {
    if (at.parent_id === null && names.length > 0) break;
    names.unshift(at.name);
    const parent = at.parent_id;
    at = directory.units.find((u) => u.id === parent);
  }
  return names.join(" / ");
}

/** The open units someone may be placed in, or a unit moved under, leaving out `except`. */
export function unitChoices(directory: StaffDirectory, except: Set<string> = new Set()) {
  return directory.units
    .filter((u) => u.closed_on === null && !except.has(u.id))
    .map((u) => ({ value: u.id, label: `${unitPath(directory, u.id)}（${u.id}）` }))
    .sort((a, b) => a.label.localeCompare(b.label, "zh-CN"));
}
