import { describe, expect, it } from "vitest";
import { NO_NEEDS, withNeeds } from "../../lib/needsQuery";
import { recipientCheck } from "../../test/recommendFixtures";
import {
  buildDraft,
  EMPTY_RECIPIENT_FILTER,
  filterIsSet,
  recipientSelection,
  selectionKey,
  selectionQuery,
} from "./selection";

describe("recipient selection", () => {
  it("sends no query while no condition is set, so the filter never means the whole book", () => {
    expect(filterIsSet(EMPTY_RECIPIENT_FILTER)).toBe(false);
    expect(selectionQuery(EMPTY_RECIPIENT_FILTER)).toBeNull();
    expect(selectionQuery({ ...EMPTY_RECIPIENT_FILTER, holds_security: "   " })).toBeNull();
    expect(recipientSelection([{ id: "C1", name: "张三" }], EMPTY_RECIPIENT_FILTER)).toEqual({
      client_ids: ["C1"],
      query: null,
    });
  });

  it("trims the security code and keeps a saved filter's other conditions", () => {
    const query = selectionQuery({ ...EMPTY_RECIPIENT_FILTER, holds_security: " 600519.SH ", offset: 200 });
    expect(query).toEqual({ ...EMPTY_RECIPIENT_FILTER, holds_security: "600519.SH", offset: 0 });
    const saved = { ...EMPTY_RECIPIENT_FILTER, dormant_only: true };
    expect(filterIsSet(saved)).toBe(true);
    expect(selectionQuery(saved)).toEqual(saved);
    expect(selectionQuery({ ...EMPTY_RECIPIENT_FILTER, tiers: ["Gold"] })).not.toHaveProperty("holds_security");
  });

  it("counts the needs conditions as a filter: 稳健增值, three years or more", () => {
    const wanted = withNeeds(EMPTY_RECIPIENT_FILTER, {
      goals: ["steady_growth"],
      horizonAtLeast: "3y_to_5y",
      interestedIn: null,
    });
    expect(filterIsSet(wanted)).toBe(true);
    expect(selectionQuery(wanted)).toEqual({
      ...EMPTY_RECIPIENT_FILTER,
      goals: ["steady_growth"],
      horizon_at_least: "3y_to_5y",
    });
    expect(filterIsSet(withNeeds(wanted, NO_NEEDS))).toBe(false);
  });

  it("tells selections apart", () => {
    const a = recipientSelection([], { ...EMPTY_RECIPIENT_FILTER, tiers: ["Gold"] });
    const b = recipientSelection([], { ...EMPTY_RECIPIENT_FILTER, tiers: ["Gold", "Diamond"] });
    expect(selectionKey(a)).not.toBe(selectionKey(b));
    expect(selectionKey(a)).toBe(selectionKey(recipientSelection([], { ...EMPTY_RECIPIENT_FILTER, tiers: ["Gold"] })));
  });

  it("drafts only allowed clients and confirmed elderly ones, never blocked ones", () => {
    const checks = [
      recipientCheck({ client_id: "A" }),
      recipientCheck({ client_id: "E1", verdict: { verdict: "needs_confirmation" } }),
      recipientCheck({ client_id: "E2", verdict: { verdict: "needs_confirmation" } }),
      recipientCheck({ client_id: "B", verdict: { verdict: "blocked", reasons: ["above_risk_level"] } }),
    ];
    // Even a blocked id that somehow got into the confirmed set stays out.
    const draft = buildDraft("P1", "供参考", checks, new Set(["E2", "B"]));
    expect(draft).toEqual({
      product_id: "P1",
      cover_message: "供参考",
      client_ids: ["A", "E2"],
      elderly_confirmed: ["E2"],
    });
  });
});
