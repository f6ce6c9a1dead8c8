import { describe, expect, it } from "vitest";
import type { BrokerCategory } from "../../bindings/BrokerCategory";
import type { BrokerLevel } from "../../bindings/BrokerLevel";
import type { LevelChoice } from "../../bindings/LevelChoice";
import { classChangeOf, classFixedBy, levelOptions } from "./classLadder";

const categories: BrokerCategory[] = [
  { id: "CL-AM", kind: "class", name: "客户经理" },
  { id: "CL-IA", kind: "class", name: "投资顾问" },
  { id: "CL-FA", kind: "class", name: "理财顾问" },
  { id: "GR-BANK", kind: "group", name: "银行渠道" },
];
const levels: LevelChoice[] = [
  { plan_id: "PP-AM2", name: "客户经理（二级）", class_id: "CL-AM" },
  { plan_id: "PP-IA1", name: "投资顾问（一级）", class_id: "CL-IA" },
  { plan_id: "TR", name: "见习经纪人", class_id: null },
];
const broker: BrokerLevel = {
  broker_id: "B001",
  username: "broker01",
  display_name: "张伟",
  unit_id: "U1",
  unit_name: "上海浦东营业部",
  current: { plan_id: "PP-AM2", effective_from: "2024-01-01" },
  scheduled: [],
  class_id: "CL-AM",
  group_id: "GR-BANK",
};

describe("class ladders", () => {
  it("lists levels under their class, classes without levels left out, then those of no class", () => {
    expect(levelOptions(levels, categories)).toEqual([
      { label: "客户经理序列", options: [{ value: "PP-AM2", label: "客户经理（二级）" }] },
      { label: "投资顾问序列", options: [{ value: "PP-IA1", label: "投资顾问（一级）" }] },
      { label: "不属任何类别", options: [{ value: "TR", label: "见习经纪人" }] },
    ]);
    expect(levelOptions(levels.slice(0, 1), categories)).toHaveLength(1);
  });

  it("says when a level move changes the class, and which level fixes it today", () => {
    expect(classChangeOf(broker, "PP-IA1", levels, categories)).toContain("类别随之改为“投资顾问”");
    expect(classChangeOf(broker, "PP-AM2", levels, categories)).toBeNull();
    expect(classChangeOf(broker, "TR", levels, categories)).toBeNull();
    expect(classChangeOf(broker, undefined, levels, categories)).toBeNull();
    expect(classFixedBy(broker, levels)?.name).toBe("客户经理（二级）");
    expect(classFixedBy({ ...broker, current: { plan_id: "TR", effective_from: "2026-11-25" } }, levels)).toBeNull();
    expect(classFixedBy({ ...broker, current: null }, levels)).toBeNull();
  });
});
