import type { BrokerCategory } from "../../bindings/BrokerCategory";
import type { BrokerLevel } from "../../bindings/BrokerLevel";
import type { LevelChoice } from "../../bindings/LevelChoice";

/** The levels to choose from, under the class whose ladder each is on (职级序列), then those of no class. */
export function levelOptions(levels: LevelChoice[], categories: BrokerCategory[]) {
  const option = (l: LevelChoice) => ({ value: l.plan_id, label: l.name });
  const groups = categories
    .filter((c) => c.kind === "class")
    .map((c) => ({ label: `${c.name}序列`, options: levels.filter((l) => l.class_id === c.id).map(option) }))
    .filter((g) => g.options.length > 0);
  const free = levels.filter((l) => !l.class_id || !categories.some((c) => c.id === l.class_id)).map(option);
  return free.length > 0 ? [...groups, { label: "不属任何类别", options: free }] : groups;
}

/** The level that decides the broker's class today, when it is on a class's ladder. */
export function classFixedBy(broker: BrokerLevel, levels: LevelChoice[]): LevelChoice | null {
  const level = levels.find((l) => l.plan_id === broker.current?.plan_id);
  return level?.class_id ? level : null;
}

/** What moving `broker` to `planId` does to their class, in words; null when it stays. */
export function classChangeOf(broker: BrokerLevel, planId: string | undefined, levels: LevelChoice[], categories: BrokerCategory[]): string | null {
  const to = levels.find((l) => l.plan_id === planId)?.class_id;
  if (!to || to === broker.class_id) return null;
  const name = categories.find((c) => c.id === to)?.name ?? to;
  return `自生效日起，${broker.display_name}的类别随之改为“${name}”，按该类别的级别计酬和考核。`;
}
