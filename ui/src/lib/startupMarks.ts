/**
 * User Timing marks of the window's start, read by `make bench` through WebDriver: the process
 * start is known from the OS, the moment the first usable screen showed only from in here.
 */
export type StartupMark = "brokerdesk:lock-screen";

/** Records `name` the first time only: a screen shown again later is not the start. */
export function markStartup(name: StartupMark): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  if (performance.getEntriesByName(name, "mark").length > 0) return;
  performance.mark(name);
}
