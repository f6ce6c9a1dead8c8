import { describe, expect, it } from "vitest";
import { wan } from "./ReportsPage";

describe("report charts", () => {
  it("draw money in 万元 with two decimals", () => {
    expect(wan(191_900_000)).toBe(191.9); // ¥1,919,000.00
    expect(wan(1_176_410)).toBe(1.18); // ¥11,764.10
    expect(wan(0)).toBe(0);
  });
});
