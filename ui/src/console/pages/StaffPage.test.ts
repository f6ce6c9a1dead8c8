import { describe, expect, it } from "vitest";
import type { StaffDirectory } from "../../bindings/StaffDirectory";
import { peopleUnder, unitTree } from "./StaffPage";

const firm: StaffDirectory = {
  units: [
    { id: "HQ", parent_id: null, name: "总部" },
    { id: "BR01", parent_id: "HQ", name: "浦东营业部" },
    { id: "TM01", parent_id: "BR01", name: "一组" },
    { id: "BR02", parent_id: "HQ", name: "朝阳营业部" },
  ],
  people: [
    { user_id: "A01", username: "a01", display_name: "管理员", role: "Admin", unit_id: "HQ", disabled: false },
    { user_id: "M01", username: "m01", display_name: "经理", role: "BranchManager", unit_id: "BR01", disabled: false },
    { user_id: "B001", username: "b001", display_name: "马婷", role: "Broker", unit_id: "TM01", disabled: false },
    { user_id: "B002", username: "b002", display_name: "刘颖", role: "Broker", unit_id: "TM01", disabled: true },
  ],
};

describe("the staff directory", () => {
  it("counts everyone placed in a unit's subtree", () => {
    const [root] = unitTree(firm);
    expect(root?.title).toBe("总部（4 人）");
    expect(root?.children?.map((c) => c.title)).toEqual(["浦东营业部（3 人）", "朝阳营业部（0 人）"]);
  });

  it("lists the people of a unit and of the units under it", () => {
    expect(peopleUnder(firm, "BR01").map((p) => p.user_id)).toEqual(["M01", "B001", "B002"]);
    expect(peopleUnder(firm, "BR02")).toEqual([]);
  });
});
