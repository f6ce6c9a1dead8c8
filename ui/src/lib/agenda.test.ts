import { describe, expect, it } from "vitest";
import {
  addDays,
  calendarRange,
  defaultWhen,
  dueTimeOf,
  minutesUntilTomorrowMorning,
  nextAlarm,
  parseDateText,
  parseTimeText,
  shownTime,
  weekdayOf,
} from "./agenda";

describe("agenda dates", () => {
  it("reads typed dates and refuses days a calendar does not have", () => {
    expect(parseDateText("2026-11-30")).toBe("2026-11-30");
    expect(parseDateText(" 2026/1/5 ")).toBe("2026-01-05");
    expect(parseDateText("2024-02-29")).toBe("2024-02-29");
    expect(parseDateText("2026-02-29")).toBeNull();
    expect(parseDateText("2026-13-01")).toBeNull();
    expect(parseDateText("2026-11-00")).toBeNull();
    expect(parseDateText("30/11/2026")).toBeNull();
    expect(parseDateText("")).toBeNull();
  });

  it("reads typed times as HH:mm on a 24-hour clock", () => {
    expect(parseTimeText("10:31")).toBe("10:31");
    expect(parseTimeText("9:05")).toBe("09:05");
    expect(parseTimeText("1031")).toBe("10:31");
    expect(parseTimeText("10:31:00")).toBe("10:31");
    expect(parseTimeText("10：31")).toBe("10:31");
    expect(parseTimeText("24:00")).toBeNull();
    expect(parseTimeText("10:60")).toBeNull();
    expect(parseTimeText("10点")).toBeNull();
    expect(dueTimeOf("10:31")).toBe("10:31:00");
  });

  it("counts days and weekdays across months and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(weekdayOf("2024-03-15")).toBe(5);
    expect(weekdayOf("2024-03-17")).toBe(0);
  });

  it("proposes a minute from now rounded up, in Shanghai", () => {
    // 10:30:20 in Shanghai.
    expect(defaultWhen(new Date("2024-03-15T02:30:20Z"))).toEqual({ date: "2024-03-15", time: "10:32" });
    expect(defaultWhen(new Date("2024-03-15T02:30:00Z"))).toEqual({ date: "2024-03-15", time: "10:31" });
    // 23:59:30 in Shanghai: tomorrow just after midnight.
    expect(defaultWhen(new Date("2024-03-15T15:59:30Z"))).toEqual({ date: "2024-03-16", time: "00:01" });
  });

  it("snoozes until nine tomorrow morning in Shanghai", () => {
    // 10:30 in Shanghai: 22 h 30 min to 09:00 tomorrow.
    expect(minutesUntilTomorrowMorning(new Date("2024-03-15T02:30:00Z"))).toBe(22 * 60 + 30);
    // 01:00 in Shanghai (17:00 UTC the day before): still tomorrow's morning, 32 hours on.
    expect(minutesUntilTomorrowMorning(new Date("2024-03-14T17:00:00Z"))).toBe(32 * 60);
  });

  it("knows when a reminder comes up", () => {
    const item = { due_on: "2024-03-15", due_time: null, snoozed_until: null };
    expect(shownTime(item)).toBe("09:00");
    expect(nextAlarm(item)).toBe(Date.parse("2024-03-15T01:00:00Z"));
    expect(nextAlarm({ ...item, due_time: "14:45:00" })).toBe(Date.parse("2024-03-15T06:45:00Z"));
    expect(nextAlarm({ ...item, snoozed_until: "2024-03-15T03:00:00Z" })).toBe(Date.parse("2024-03-15T03:00:00Z"));
  });

  it("covers the calendar's six rows around a month", () => {
    expect(calendarRange("2024-03")).toEqual({ from: "2024-02-23", until: "2024-04-14" });
    expect(calendarRange("2024-12")).toEqual({ from: "2024-11-24", until: "2025-01-14" });
  });
});
