import { useCallback, useEffect, useState } from "react";
import { ConsoleError } from "./http";

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Codes after which this page's tokens are no good: the user must sign in again. */
export function endsSession(error: unknown): boolean {
  return (
    error instanceof ConsoleError &&
    (error.code === "session_ended" ||
      error.code === "unauthorized" ||
      error.code === "account_disabled" ||
      error.code === "protocol_mismatch")
  );
}

/**
 * Loads what `load` returns whenever it changes (callers memoise it on its inputs); a refusal
 * that ends the session goes to `onSessionEnded` with the server's own words.
 */
export function useLoad<T>(load: () => Promise<T>, onSessionEnded: (why: string) => void): Loaded<T> {
  const [round, setRound] = useState(0);
  // What was last settled, and for which load and round: loading is "not settled for these yet",
  // so the effect sets state only when an answer arrives.
  const [settled, setSettled] = useState<{
    load: () => Promise<T>;
    round: number;
    data: T | null;
    error: string | null;
  } | null>(null);

  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (current) setSettled({ load, round, data: value, error: null });
      },
      (reason: unknown) => {
        if (!current) return;
        const message = reason instanceof Error ? reason.message : String(reason);
        if (endsSession(reason)) onSessionEnded(message);
        setSettled((last) => ({ load, round, data: last?.data ?? null, error: message }));
      },
    );
    return () => {
      current = false;
    };
  }, [load, round, onSessionEnded]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const loading = settled === null || settled.load !== load || settled.round !== round;
  return { data: settled?.data ?? null, error: settled?.error ?? null, loading, reload };
}
