// Axis arithmetic shared by the charts.

/** A step of 1, 2, 2.5 or 5 × 10^k that splits `span` into about `count` intervals. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const residual = raw / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return factor * magnitude;
}

/**
 * Round tick values covering [min, max], 4–6 of them for `count` = 4, stretched to include
 * 0 unless `includeZero` is false. Integer inputs (fen) give integer ticks whenever the
 * step is ≥ 1. An empty or flat range is widened so the axis still has a scale.
 */
export function niceTicks(min: number, max: number, count = 4, includeZero = true): number[] {
  let lo = includeZero ? Math.min(0, min) : min;
  let hi = includeZero ? Math.max(0, max) : max;
  if (hi === lo) {
    const pad = Math.abs(hi) / 10 || 1;
    lo = includeZero && lo === 0 ? 0 : lo - pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step / 2; i += 1) {
    const tick = lo + i * step;
    ticks.push(step >= 1 ? Math.round(tick) : tick);
  }
  return ticks;
}

/** A linear map from [d0, d1] onto [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** A pixel coordinate snapped to the middle of a device pixel, for crisp 1px lines. */
export function crisp(v: number): number {
  return Math.round(v) + 0.5;
}

/** Every `step`-th index counted back from the last, so the latest item is always labelled. */
export function labelEvery(count: number, room: number, labelWidth: number): number {
  if (count <= 1 || room <= 0) return 1;
  return Math.max(1, Math.ceil((count * labelWidth) / room));
}

/** Rough rendered width of an axis label: CJK characters are about twice as wide as digits. */
export function textWidth(text: string, fontSize = 11): number {
  let units = 0;
  for (const ch of text) units += (ch.codePointAt(0) ?? 0) <= 0xff ? 0.6 : 1;
  return Math.ceil(units * fontSize);
}
