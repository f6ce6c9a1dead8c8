// The reason a broker gives for seeing personal data in full (reveal, export in clear). It goes to
// the desk's access log and on to head office, so the backend insists it says something.

/** Shortest and longest reason the backend accepts, in characters after trimming. */
export const REASON_MIN = 4;
export const REASON_MAX = 200;

/** Whether a typed reason is long enough, counting characters as the backend does. */
export function reasonLongEnough(text: string | null | undefined): boolean {
  return [...(text ?? "").trim()].length >= REASON_MIN;
}
