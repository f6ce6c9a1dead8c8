import { describe, expect, it } from "vitest";
import { bookAlert, wholeBookAlert } from "../test/fixtures";
import { alertKeys } from "./alerts";

describe("alertKeys", () => {
  it("keys an alert by kind, client or the whole book, and day, numbering alerts that share them", () => {
    const complaint = bookAlert();
    const star = wholeBookAlert();
    const chiNext = wholeBookAlert({ reason: "2024-03-15 新股申购：创业板新股（301999）" });
    const keyOf = alertKeys([complaint, star, chiNext]);
    expect(keyOf(complaint)).toBe("complaint_deadline-C8-2024-03-17");
    expect(keyOf(star)).toBe("new_share_subscription-book-2024-03-15");
    expect(keyOf(chiNext)).toBe("new_share_subscription-book-2024-03-15-2");
  });
});
