import { useCallback, useEffect, useRef, useState } from "react";
import { toIpcError } from "../api";
import type { IpcError } from "../bindings/IpcError";

export interface LoadedView<T> {
  /** The latest answer; kept while a reload runs or after it failed; null at first. */
  data: T | null;
  /** Why the latest load failed; null once one succeeds. */
  error: IpcError | null;
  /** The load for the current `load` and `key` has not answered yet. */
  loading: boolean;
  /** Shows an answer a command gave (e.g. the agenda after completing a reminder). */
  set: (data: T) => void;
}

interface Answer<T> {
  load: () => Promise<T>;
  key: unknown;
  data: T | null;
  error: IpcError | null;
}

/**
 * Calls `load` at mount and again whenever it or `key` changes. Answers are numbered: one older
 * than what is shown (a load overtaken by `set`) is dropped.
 */
export function useLoaded<T>(load: () => Promise<T>, key: unknown): LoadedView<T> {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const asked = useRef(0);
  const taken = useRef(0);
  const asking = useRef<Pick<Answer<T>, "load" | "key"> | null>(null);

  useEffect(() => {
    let active = true;
    asking.current = { load, key };
    const request = ++asked.current;
    load().then(
      (data) => {
        if (!active) return;
        if (request < taken.current) {
          setAnswer((prev) => (prev ? { ...prev, load, key } : prev));
          return;
        }
        taken.current = request;
        setAnswer({ load, key, data, error: null });
      },
      (reason: unknown) => {
        if (!active) return;
        const error = toIpcError(reason);
        setAnswer((prev) => ({ load, key, data: prev?.data ?? null, error }));
      },
    );
    return () => {
      active = false;
    };
  }, [load, key]);

  const set = useCallback((data: T) => {
    taken.current = ++asked.current;
    const { load: current, key: currentKey } = asking.current ?? { load: null, key: null };
    setAnswer((prev) =>
      prev ? { ...prev, data, error: null } : current ? { load: current, key: currentKey, data, error: null } : null,
    );
  }, []);

  return {
    data: answer?.data ?? null,
    error: answer?.error ?? null,
    loading: answer === null || answer.load !== load || answer.key !== key,
    set,
  };
}
