// The window's one reader of the machine's clock. Everything else asks here, so a test can set
// the time in one place (vi.setSystemTime) and the linter can forbid reading it anywhere else.
// Dates a broker sees are always Shanghai's: see todayInShanghai and shanghaiWallClock.

/** Now, as the machine's clock has it. */
export function now(): Date {
  return new Date();
}

/** Now in milliseconds since the epoch, for measuring idle time and the like. */
export function nowMillis(): number {
  return Date.now();
}
