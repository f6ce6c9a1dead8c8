import { afterEach, describe, expect, it } from "vitest";
import { markStartup } from "./startupMarks";

afterEach(() => performance.clearMarks());

describe("markStartup", () => {
  it("marks a screen the first time it shows, not again", () => {
    markStartup("brokerdesk:lock-screen");
    const first = performance.getEntriesByName("brokerdesk:lock-screen", "mark")[0]?.startTime;
    markStartup("brokerdesk:lock-screen");
    const marks = performance.getEntriesByName("brokerdesk:lock-screen", "mark");
    expect(marks).toHaveLength(1);
    expect(marks[0]?.startTime).toBe(first);
  });
});
