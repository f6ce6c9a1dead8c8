import { describe, expect, it } from "vitest";
import { teamTree, tierCoverage } from "../test/teamFixtures";
import { brokersOf, coverageRatio, coverageText, coverageTotal } from "./team";

describe("coverage", () => {
  it("adds up every tier and shows one decimal, rounded half up", () => {
    const total = coverageTotal(tierCoverage([[90, 40], [40, 25], [30, 20], [8, 6], [2, 2]]));
    expect(total).toEqual({ clients: 170, contacted: 93 });
    expect(coverageText(total)).toBe("54.7%");
    expect(coverageText({ clients: 3, contacted: 2 })).toBe("66.7%");
    expect(coverageText({ clients: 8, contacted: 1 })).toBe("12.5%");
    expect(coverageText({ clients: 2000, contacted: 1 })).toBe("0.1%");
    expect(coverageText({ clients: 5, contacted: 5 })).toBe("100.0%");
  });

  it("shows a dash and sorts last without clients", () => {
    expect(coverageText(coverageTotal(tierCoverage([])))).toBe("—");
    expect(coverageRatio({ clients: 0, contacted: 0 })).toBeLessThan(0);
  });
});

describe("brokersOf", () => {
  it("lists every broker at any depth with the unit that places them", () => {
    expect(brokersOf(teamTree).map((b) => `${b.name}（${b.unitName}）`)).toEqual([
      "赵六（上海浦东营业部）",
      "王丽（财富管理一组）",
      "李雷（财富管理一组）",
      "周八（机构服务小组）",
    ]);
  });
});
