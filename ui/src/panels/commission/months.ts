// Calendar months as the commission commands take them: the first day, "YYYY-MM-01", in
// Shanghai's calendar whatever the machine's zone.

import type { Translate } from "../../i18n/context";
import { todayInShanghai } from "../../lib/format";
import { now } from "../../lib/clock";

/** Months the selector and the history chart offer, this one included. */
export const HISTORY_MONTHS = 24;

const MONTH_RE = /^(\d{4})-(\d{2})/;

function parts(date: string): { year: number; month: number } | null {
  const m = MONTH_RE.exec(date);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

function firstDay(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-01`;
}

/** The first day of the month of a "YYYY-MM-DD" date; the input as-is if malformed. */
export function monthOf(date: string): string {
  const p = parts(date);
  return p ? firstDay(p.year, p.month) : date;
}

/** This month in Shanghai, "YYYY-MM-01". */
export function currentMonth(at: Date = now()): string {
  return monthOf(todayInShanghai(at));
}

/** The `count` months up to and including `latest`'s, newest first. */
export function recentMonths(latest: string, count: number = HISTORY_MONTHS): string[] {
  const p = parts(latest);
  if (!p) return [latest];
  const out: string[] = [];
  for (let back = 0; back < count; back += 1) {
    const index = p.year * 12 + (p.month - 1) - back;
    out.push(firstDay(Math.floor(index / 12), (index % 12) + 1));
  }
  return out;
}

/** Days in the month of a "YYYY-MM-DD" date (28–31); 31 if malformed. */
export function daysInMonth(date: string): number {
  const p = parts(date);
  if (!p) return 31;
  return new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
}

/** "2024年3月" / "3/2024". */
export function monthLabel(t: Translate, month: string): string {
  const p = parts(month);
  return p ? t("commission.monthLabel", { year: p.year, month: p.month }) : month;
}

/** A share in basis points as a percentage with two decimals, in integers: 3750 → "37.50%". */
export function basisPoints(bp: number): string {
  const value = Math.trunc(bp);
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}%`;
}
