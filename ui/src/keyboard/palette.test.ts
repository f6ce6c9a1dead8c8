import { describe, expect, it } from "vitest";
import type { PaletteClient } from "../bindings/PaletteClient";
import { deskActions } from "./actions";
import { actionStrength, rankPalette, RECENT_SHOWN, strengthOf, type PaletteEntry } from "./palette";
import { PANELS } from "../panels/registry";

function client(over: Partial<PaletteClient> & Pick<PaletteClient, "id" | "name">): PaletteClient {
  return {
    mobile_masked: "138****0000",
    tier: "Standard",
    matched: "initials",
    strength: "prefix",
    opened_at: null,
    ...over,
  };
}

const actions = deskActions(PANELS);
const names = (entries: PaletteEntry[]) =>
  entries.map((e) => (e.kind === "client" ? e.client.name : e.action.id));

describe("strengthOf", () => {
  it("tells the whole word from its start from somewhere inside, in any case", () => {
    expect(strengthOf("yj", "yj")).toBe("exact");
    expect(strengthOf("comm", "Commission")).toBe("prefix");
    expect(strengthOf("金", "佣金")).toBe("contains");
    expect(strengthOf("xyz", "佣金")).toBeNull();
  });
});

describe("actionStrength", () => {
  it("finds a command by its Chinese or English name, pinyin or initials", () => {
    const commission = actions.find((a) => a.id === "panel:commission");
    const contact = actions.find((a) => a.id === "contact");
    if (!commission || !contact) throw new Error("the desk lost a command");
    expect(actionStrength("佣金", commission)).toBe("exact");
    expect(actionStrength("yj", commission)).toBe("exact");
    expect(actionStrength("commission", commission)).toBe("exact");
    expect(actionStrength("记录", contact)).toBe("prefix");
    expect(actionStrength("jllx", contact)).toBe("exact");
    expect(actionStrength("联系", contact)).toBe("contains");
    expect(actionStrength("佣金", contact)).toBeNull();
  });
});

describe("rankPalette", () => {
  it("offers the clients opened lately, then every command, before anything is typed", () => {
    const recent = Array.from({ length: 7 }, (_, i) =>
      client({ id: `C${i}`, name: `客户${i}`, matched: "recent", opened_at: "2026-11-25T02:00:00Z" }),
    );
    const ranked = rankPalette("  ", actions, recent);
    expect(ranked.slice(0, RECENT_SHOWN).every((e) => e.kind === "client")).toBe(true);
    expect(ranked).toHaveLength(RECENT_SHOWN + actions.length);
    expect(ranked[RECENT_SHOWN]).toMatchObject({ kind: "action", action: { id: actions[0]?.id } });
  });

  it("puts a client opened lately first, then closer matches, commands before clients at a tie", () => {
    const clients = [
      // As the store answers: opened ones first, then by strength.
      client({ id: "C2", name: "张卫东", strength: "prefix", opened_at: "2026-11-25T02:00:00Z" }),
      client({ id: "C1", name: "张三", strength: "exact" }),
      client({ id: "C3", name: "周舜", strength: "exact" }),
      client({ id: "C4", name: "赵少华", strength: "prefix" }),
    ];
    const typed = rankPalette("zs", actions, clients);
    expect(names(typed)).toEqual(["张卫东", "张三", "周舜", "赵少华"]);

    // "tx" is exactly the initials of 提醒 (a panel) and of a client: the command first; 新建提醒
    // (xjtx) only contains it and comes after both.
    const tx = rankPalette("tx", actions, [client({ id: "C5", name: "唐霞", strength: "exact" })]);
    expect(names(tx)).toEqual(["panel:reminders", "唐霞", "reminder"]);
  });

  it("finds 佣金 as the panel, and nothing for text that matches nothing", () => {
    expect(names(rankPalette("佣金", actions, []))[0]).toBe("panel:commission");
    expect(rankPalette("没有这个", actions, [])).toEqual([]);
  });

  it("keeps commands a lead cannot use out of a lead's palette", () => {
    const leadPanels = PANELS.filter((p) => !p.ownBook);
    const ids = deskActions(leadPanels).map((a) => a.id);
    expect(ids).not.toContain("contact");
    expect(ids).not.toContain("export");
    expect(ids).not.toContain("panel:commission");
    expect(ids).toContain("reminder");
    expect(ids).toContain("panel:team");
  });
});
