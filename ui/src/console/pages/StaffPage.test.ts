import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import { peopleUnder, unitChoices, unitPath, unitTree } from "./orgTree";

const firm: StaffDirectory = {
  units: [
    { id: "HQ", parent_id: null, name: "总部", closed_on: null },
    { id: "BR01", parent_id: "HQ", name: "浦东营业部", closed_on: null },
    { id: "TM01", parent_id: "BR01", name: "一组", closed_on: null },
    { id: "BR02", parent_id: "HQ", name: "朝阳营业部", closed_on: null },
    { id: "TM09", parent_id: "BR02", name: "旧组", closed_on: "2026-11-30" },
  ],
  people: [
    { user_id: "A01", username: "a01", display_name: "管理员", role: "Admin", unit_id: "HQ", disabled: false },
    { user_id: "M01", username: "m01", display_name: "经理", role: "BranchManager", unit_id: "BR01", disabled: false },
    { user_id: "B001", username: "b001", display_name: "马婷", role: "Broker", unit_id: "TM01", disabled: false },
    { user_id: "B002", username: "b002", display_name: "刘颖", role: "Broker", unit_id: "TM01", disabled: true },
  ],
};

describe("the staff directory", () => {
  it("counts everyone placed in a unit's subtree and marks closed units", () => {
    const [root] = unitTree(firm);
    expect(root?.title).toBe("总部（4 人）");
    expect(root?.children?.map((c) => c.title)).toEqual(["浦东营业部（3 人）", "朝阳营业部（0 人）"]);
    expect(root?.children?.[1]?.children?.[0]?.title).toBe("旧组（0 人，2026-11-30 已撤销）");
  });

  it("lists the people of a unit and of the units under it", () => {
    expect(peopleUnder(firm, "BR01").map((p) => p.user_id)).toEqual(["M01", "B001", "B002"]);
    expect(peopleUnder(firm, "BR02")).toEqual([]);
  });

  it("names units by their path and offers only open ones outside what moves", () => {
    expect(unitPath(firm, "TM01")).toBe("浦东营业部 / 一组");
    expect(unitPath(firm, "HQ")).toBe("总部");
    const choices = unitChoices(firm, new Set(["BR01", "TM01"])).map((c) => c.value);
    expect(choices.sort()).toEqual(["BR02", "HQ"]);
  });
});
