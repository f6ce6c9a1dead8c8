// Dates and times of the agenda. A reminder is due on a Shanghai calendar date ("YYYY-MM-DD") at a
// Shanghai wall-clock time ("HH:MM:SS", the morning when absent). China keeps UTC+8 all year, so a
// wall-clock time converts to an instant with a fixed offset.

import type { AgendaItem } from "../bindings/AgendaItem";
import { shanghaiWallClock } from "./format";

/** When a reminder without a time is due. */
export const MORNING = "09:00";

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function utcDay(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function dateOfUtc(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * A date as typed ("2026-11-30", "2026/11/30", "2026.1.5") as "YYYY-MM-DD"; null unless it is a
 * real calendar date.
 */
export function parseDateText(text: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const date = `${m[1]}-${pad(month)}-${pad(day)}`;
  const ms = utcDay(date);
  // 2026-02-30 would roll over into March.
  return ms !== null && dateOfUtc(ms) === date && year > 0 ? date : null;
}

/** A time as typed ("10:31", "9:05", "1031", "10:31:00", "10：31") as "HH:mm"; null if it is none. */
export function parseTimeText(text: string): string | null {
  const trimmed = text.trim().replace("：", ":");
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(trimmed) ?? /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (!m) return null;
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

/** "HH:mm" as the backend's "HH:MM:SS". */
export function dueTimeOf(time: string): string {
  return `${time}:00`;
}

/** The date `days` after (or before, if negative) a "YYYY-MM-DD" date. */
export function addDays(date: string, days: number): string {
  const ms = utcDay(date);
  return ms === null ? date : dateOfUtc(ms + days * DAY_MS);
}

/** 0 for Sunday to 6 for Saturday. */
export function weekdayOf(date: string): number {
  const ms = utcDay(date);
  return ms === null ? 0 : new Date(ms).getUTCDay();
}

/** "YYYY-MM" of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * A new reminder's date and time: a minute from now, rounded up to the whole minute (10:30:20
 * gives 10:32), in Shanghai; just before midnight that is tomorrow.
 */
export function defaultWhen(now: Date): { date: string; time: string } {
  const at = Math.ceil((now.getTime() + MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
  return shanghaiWallClock(new Date(at));
}

/** The instant (ms since the epoch) of a Shanghai date and "HH:mm" wall-clock time. */
export function shanghaiInstant(date: string, time: string): number {
  const day = utcDay(date) ?? 0;
  const [hour, minute] = time.split(":").map(Number);
  return day + ((hour ?? 0) * 60 + (minute ?? 0)) * MINUTE_MS - SHANGHAI_OFFSET_MS;
}

/** Whole minutes from `now` to 09:00 tomorrow in Shanghai, for 稍后提醒 → 明天. */
export function minutesUntilTomorrowMorning(now: Date): number {
  const tomorrow = addDays(shanghaiWallClock(now).date, 1);
  return Math.ceil((shanghaiInstant(tomorrow, MORNING) - now.getTime()) / MINUTE_MS);
}

/** The time a reminder is due, "HH:mm" (the morning when it has none). */
export function shownTime(item: Pick<AgendaItem, "due_time">): string {
  return item.due_time ? item.due_time.slice(0, 5) : MORNING;
}

/** When an open reminder next comes up: its snooze if it has one, else its date and time. */
export function nextAlarm(item: Pick<AgendaItem, "due_on" | "due_time" | "snoozed_until">): number {
  if (item.snoozed_until) {
    const snoozed = new Date(item.snoozed_until).getTime();
    if (!Number.isNaN(snoozed)) return snoozed;
  }
  return shanghaiInstant(item.due_on, shownTime(item));
}

/**
 * The dates the month view may show for "YYYY-MM": a week either side of the month covers the
 * six rows of the calendar whichever day the week starts on.
 */
export function calendarRange(month: string): { from: string; until: string } {
  const first = `${month}-01`;
  const [year, mon] = month.split("-").map(Number);
  const nextFirst = mon === 12 ? `${(year ?? 0) + 1}-01-01` : `${year}-${pad((mon ?? 0) + 1)}-01`;
  return { from: addDays(first, -7), until: addDays(nextFirst, 13) };
}

/**
 * A task a lead set (source `task`): done is reported to head office; it cannot be snoozed or
 * edited on the desk.
 */
export function isTask(item: Pick<AgendaItem, "source">): boolean {
  return item.source === "task";
}
