import { describe, expect, it } from "vitest";
import { agendaZh } from "./agendaMessages";
import { clientListZh } from "./clientListMessages";
import { commissionZh } from "./commissionMessages";
import { deskZh } from "./deskMessages";
import { en, interpolate, zhCN } from "./messages";
import { profileZh } from "./profileMessages";
import { recommendZh } from "./recommendMessages";
import { teamZh } from "./teamMessages";
import { threadZh } from "./threadMessages";

describe("messages", () => {
  it("has an English text for every Chinese key and no extra ones", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const value of Object.values(en)) expect(value.trim()).not.toBe("");
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(interpolate(zhCN["sync.progress"], { applied: "12,345", total: "106,000" })).toBe(
      "已同步 12,345 / 106,000 条",
    );
    expect(interpolate("{a} {b}", { a: 1 })).toBe("1 {b}");
  });

  it("has no key in two modules, where the later would silently replace the earlier", () => {
    const modules = [clientListZh, profileZh, deskZh, recommendZh, commissionZh, agendaZh, teamZh, threadZh];
    const seen = new Set<string>();
    for (const module of modules) {
      for (const key of Object.keys(module)) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
  });
});
