// Number formatting for chart axes, legends and tooltips. Amounts arrive as integer fen.

/** Fen in one 万 (ten thousand) yuan and in one 亿 (hundred million) yuan. */
const FEN_PER_WAN = 1_000_000;
const FEN_PER_YI = 10_000_000_000;

/** "1234567" → "1,234,567". */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * A non-negative integer `abs` divided by `unit` (both in fen) and rounded half-up to
 * `decimals` places, as a string with trailing zeros dropped. Pure integer arithmetic:
 * `unit / 10^decimals` is a whole number of fen for every unit used here.
 */
function scaled(abs: number, unit: number, decimals: number): { whole: number; text: string } {
  const pow = 10 ** decimals;
  const step = unit / pow;
  let q = Math.floor(abs / step);
  if ((abs - q * step) * 2 >= step) q += 1;
  const whole = Math.floor(q / pow);
  const frac = decimals > 0 ? String(q % pow).padStart(decimals, "0").replace(/0+$/, "") : "";
  return { whole, text: frac ? `${whole}.${frac}` : String(whole) };
}

/** Decimals that keep a 万/亿 figure to about four significant digits. */
function decimalsFor(abs: number, unit: number): number {
  if (abs < 100 * unit) return 2;
  if (abs < 1000 * unit) return 1;
  return 0;
}

/**
 * Integer fen as a compact yuan figure for axes and legends, without the ¥ sign.
 *
 * - below 1万 yuan: yuan with thousands separators and up to 2 decimals —
 *   0 → "0", 999_999 → "9,999.99", 150_000 → "1,500";
 * - below 1亿 yuan: 万 with 2 decimals under 100万, 1 under 1000万, none above,
 *   trailing zeros dropped, rounded half up — 1_234_500 → "1.23万",
 *   12_500_000 → "12.5万", 123_456_000 → "123.5万", 1_234_560_000 → "1235万";
 * - from 1亿 yuan: 亿 by the same rule — 12_000_000_000 → "1.2亿".
 *
 * A figure that rounds up to the next unit moves to it (999_999_999_999 fen → "1亿").
 * Negative amounts get a leading "-". Non-integers are rounded to whole fen first.
 */
export function compactYuan(fen: number): string {
  if (!Number.isFinite(fen)) return "—";
  const value = Math.round(fen);
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);

  if (abs < FEN_PER_WAN) {
    const [whole, frac] = scaled(abs, 100, 2).text.split(".");
    return sign + groupDigits(whole ?? "0") + (frac ? `.${frac}` : "");
  }
  if (abs < FEN_PER_YI) {
    const wan = scaled(abs, FEN_PER_WAN, decimalsFor(abs, FEN_PER_WAN));
    if (wan.whole < 10_000) return `${sign}${wan.text}万`;
  }
  const yi = scaled(abs, FEN_PER_YI, decimalsFor(abs, FEN_PER_YI));
  return `${sign}${yi.text}亿`;
}

/**
 * A fraction as a percentage figure without the "%" sign, rounded to at most `decimals`
 * places with trailing zeros dropped: 0.18 → "18", 0.8034 → "80.3", 1 → "100".
 */
export function percentText(fraction: number, decimals = 1): string {
  if (!Number.isFinite(fraction)) return "0";
  const pow = 10 ** decimals;
  const rounded = Math.round(fraction * 100 * pow) / pow;
  const text = rounded.toFixed(decimals);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** A share with exactly one decimal, for legends: 0.25 → "25.0%". */
export function percentFixed(fraction: number): string {
  const value = Number.isFinite(fraction) ? fraction : 0;
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
}

/** "2024-03-01" → { year: "2024", month: "03" }; the text split as-is if malformed. */
export function monthParts(month: string): { year: string; month: string } {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? { year: m[1] ?? "", month: m[2] ?? "" } : { year: month, month: "" };
}

/** Short axis label for a month: "2024-03-01" → "24/03". */
export function monthTick(month: string): string {
  const p = monthParts(month);
  return p.month ? `${p.year.slice(2)}/${p.month}` : month;
}
