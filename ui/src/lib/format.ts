// Pure formatting helpers. Amounts arrive as integer fen, rates as integer
// ten-millionths, calendar dates as "YYYY-MM-DD" and instants as RFC 3339 UTC.
// Everything a broker sees is in China Standard Time, whatever the machine's zone.

import type { Fen } from "../bindings/Fen";
import type { Rate } from "../bindings/Rate";
import { now } from "./clock";

export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

/** "1234567" → "1,234,567" for a non-negative integer. */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A whole count with thousands separators: 106000 → "106,000". */
export function formatCount(n: number): string {
  const whole = Math.trunc(n);
  const sign = whole < 0 ? "-" : "";
  return sign + groupDigits(String(Math.abs(whole)));
}

/** Integer fen as yuan: 123456789 → "¥1,234,567.89", -150 → "-¥1.50". */
export function formatFen(fen: Fen): string {
  const value = Math.trunc(fen);
  const abs = Math.abs(value);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const sign = value < 0 ? "-" : "";
  return `${sign}¥${groupDigits(String(yuan))}.${String(cents).padStart(2, "0")}`;
}

/** Like formatFen, with an explicit "+" for gains: 100 → "+¥1.00", 0 → "¥0.00". */
export function formatSignedFen(fen: Fen): string {
  return fen > 0 ? `+${formatFen(fen)}` : formatFen(fen);
}

/** -1, 0 or 1: whether an amount is a loss, flat or a profit. */
export function fenSign(fen: Fen): -1 | 0 | 1 {
  return fen > 0 ? 1 : fen < 0 ? -1 : 0;
}

/**
 * The rate in units of 1/10,000 (万分之一, one basis point), trailing zeros dropped:
 * 2500 → "2.5", 1000 → "1", 2345 → "2.345".
 */
export function rateInWan(rate: Rate): string {
  const value = Math.trunc(rate);
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 1000);
  const frac = String(abs % 1000).padStart(3, "0").replace(/0+$/, "");
  const sign = value < 0 ? "-" : "";
  return frac ? `${sign}${whole}.${frac}` : `${sign}${whole}`;
}

/** `n` / 10^decimals written exactly, without trailing zeros ("4500", "0.07"). */
export function unscaled(n: number, decimals: number): string {
  const digits = String(Math.abs(n)).padStart(decimals + 1, "0");
  const whole = digits.slice(0, -decimals);
  const fraction = digits.slice(-decimals).replace(/0+$/, "");
  return `${n < 0 ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** A rate (ten-millionths) as a percentage without the sign: 2 500 000 → "25". */
export const rateToPercent = (rate: Rate): string => unscaled(rate, 5);

/** A commission rate as a Chinese broker writes it ("万2.5") or in basis points ("2.5 bp"). */
export function formatRate(rate: Rate, locale: "zh-CN" | "en" = "zh-CN"): string {
  return locale === "en" ? `${rateInWan(rate)} bp` : `万${rateInWan(rate)}`;
}

interface ShanghaiParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

const shanghaiFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function shanghaiParts(instant: Date): ShanghaiParts {
  const parts: Record<string, string> = {};
  for (const p of shanghaiFormat.formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: parts.year ?? "",
    month: parts.month ?? "",
    day: parts.day ?? "",
    hour: parts.hour === "24" ? "00" : (parts.hour ?? ""),
    minute: parts.minute ?? "",
  };
}

function parseInstant(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as "YYYY-MM-DD HH:mm" in Asia/Shanghai; the input as-is if unparsable. */
export function formatDateTime(iso: string): string {
  const d = parseInstant(iso);
  if (!d) return iso;
  const p = shanghaiParts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The Shanghai calendar date of an instant, "YYYY-MM-DD"; the input as-is if unparsable. */
export function formatInstantDate(iso: string): string {
  const d = parseInstant(iso);
  if (!d) return iso;
  const p = shanghaiParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today's date in Shanghai, "YYYY-MM-DD". */
export function todayInShanghai(at: Date = now()): string {
  const p = shanghaiParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The wall clock in Shanghai at an instant: its date ("YYYY-MM-DD") and time ("HH:mm"). */
export function shanghaiWallClock(at: Date = now()): { date: string; time: string } {
  const p = shanghaiParts(at);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days from one calendar date to another ("YYYY-MM-DD"); null if either is malformed. */
export function daysBetween(from: string, to: string): number | null {
  const a = DATE_RE.exec(from);
  const b = DATE_RE.exec(to);
  if (!a || !b) return null;
  const ua = Date.UTC(Number(a[1]), Number(a[2]) - 1, Number(a[3]));
  const ub = Date.UTC(Number(b[1]), Number(b[2]) - 1, Number(b[3]));
  return Math.round((ub - ua) / 86_400_000);
}

export type AssessmentState = "missing" | "expired" | "expiring" | "valid";

/** Days before expiry from which an assessment is shown as about to expire. */
export const EXPIRY_WARNING_DAYS = 30;

/** Whether a risk assessment expiring on `expiresOn` is still usable on `today`. */
export function assessmentState(expiresOn: string | null, today: string): AssessmentState {
  if (expiresOn === null) return "missing";
  const left = daysBetween(today, expiresOn);
  if (left === null) return "valid";
  if (left < 0) return "expired";
  if (left <= EXPIRY_WARNING_DAYS) return "expiring";
  return "valid";
}

/** A price in 厘 (0.001 yuan) as yuan with three decimals: 12345 → "12.345". */
export function formatPriceLi(li: number): string {
  const value = Math.trunc(li);
  const abs = Math.abs(value);
  const yuan = Math.floor(abs / 1000);
  const frac = String(abs % 1000).padStart(3, "0");
  const sign = value < 0 ? "-" : "";
  return `${sign}${groupDigits(String(yuan))}.${frac}`;
}

/** Integer fen added up exactly (every amount is far below 2^53 fen). */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const a of amounts) total += Math.trunc(a);
  return total;
}
