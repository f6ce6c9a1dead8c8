// The 团队 panel's arithmetic: contact coverage across tiers and the brokers of the lead's tree.

import type { TeamNode } from "../bindings/TeamNode";
import type { TierCoverage } from "../bindings/TierCoverage";

export interface Coverage {
  clients: number;
  contacted: number;
}

/** Clients and contacted clients added up over every tier. */
export function coverageTotal(tiers: readonly TierCoverage[]): Coverage {
  let clients = 0;
  let contacted = 0;
  for (const tier of tiers) {
    clients += tier.clients;
    contacted += tier.contacted;
  }
  return { clients, contacted };
}

/**
 * Contacted over clients as a percentage with one decimal, rounded half up in integers:
 * 2 of 3 → "66.7%"; "—" when there are no clients.
 */
export function coverageText({ clients, contacted }: Coverage): string {
  if (clients <= 0) return "—";
  const tenths = Math.floor((contacted * 2000 + clients) / (2 * clients));
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** Contacted over clients as a fraction, for sorting; -1 when there are no clients. */
export function coverageRatio({ clients, contacted }: Coverage): number {
  return clients > 0 ? contacted / clients : -1;
}

/** A broker of the tree with the unit they are placed in. */
export interface BrokerChoice {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
}

/** Every broker of the tree, at any depth, in tree order (a unit's own brokers before its children's). */
export function brokersOf(tree: TeamNode): BrokerChoice[] {
  const out: BrokerChoice[] = [];
  const seen = new Set<string>();
  const walk = (node: TeamNode) => {
    for (const b of node.brokers) {
      if (seen.has(b.id)) continue;
      seen.add(b.id);
      out.push({ id: b.id, name: b.name, unitId: node.unit_id, unitName: node.name });
    }
    for (const child of node.children) walk(child);
  };
  walk(tree);
  return out;
}
