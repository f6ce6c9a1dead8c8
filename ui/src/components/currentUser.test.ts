import { describe, expect, it } from "vitest";
import type { UserProfile } from "../bindings/UserProfile";
import { brokerLabel } from "./currentUser";

const me: UserProfile = {
  user_id: "B001",
  username: "broker01",
  display_name: "马婷",
  role: "Broker",
  org_path: "华信证券总部 / 上海浦东营业部 / 财富管理一组",
};

describe("brokerLabel", () => {
  it("names the signed-in broker and marks them as me", () => {
    expect(brokerLabel("B001", me, "（本人）")).toBe("马婷（本人）");
  });
  it("keeps another broker's id", () => {
    expect(brokerLabel("B007", me, "（本人）")).toBe("B007");
    expect(brokerLabel("B001", null, "（本人）")).toBe("B001");
  });
  it("prefers another broker's name when it is known", () => {
    expect(brokerLabel("B007", me, "（本人）", "李强")).toBe("李强");
    expect(brokerLabel("B007", me, "（本人）", "")).toBe("B007");
    expect(brokerLabel("B001", me, "（本人）", "马婷")).toBe("马婷（本人）");
  });
});
