import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { api } from "../api";
import type { LockSettings } from "../bindings/LockSettings";
import type { SessionState } from "../bindings/SessionState";
import { nowMillis } from "../lib/clock";

/** What counts as the broker being at the desk. */
export const ACTIVITY_EVENTS = ["mousemove", "keydown", "mousedown", "wheel", "touchstart"] as const;

/**
 * Calls `onIdle` once nobody has moved the mouse, typed, clicked, scrolled or touched for
 * `minutes`; then waits as long again before the next call (should locking fail). Does nothing
 * while `minutes` is null.
 */
export function useIdleTimer(minutes: number | null, onIdle: () => void): void {
  const fire = useEffectEvent(onIdle);
  useEffect(() => {
    if (minutes === null || minutes <= 0) return;
    const idleMs = minutes * 60_000;
    let last = nowMillis();
    let timer = 0;
    const check = () => {
      const idle = nowMillis() - last;
      if (idle >= idleMs) {
        fire();
        last = nowMillis();
        timer = window.setTimeout(check, idleMs);
      } else {
        timer = window.setTimeout(check, idleMs - idle);
      }
    };
    // Only a timestamp per event: mousemove fires often.
    const active = () => {
      last = nowMillis();
    };
    const options: AddEventListenerOptions = { capture: true, passive: true };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, active, options);
    timer = window.setTimeout(check, idleMs);
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, active, options);
    };
  }, [minutes]);
}

/** How often the window tells the desk the broker was active, and asks whether it locked itself. */
export const ACTIVITY_REPORT_MS = 20_000;

/**
 * The desk enforces the idle time itself (by a clock that counts a suspend, which this window's
 * timers do not): tells it every little while whether the broker was active, and hands over the
 * session when the desk answers that it is locked.
 */
export function useActivityReport(onLocked: (session: SessionState) => void): void {
  const locked = useEffectEvent(onLocked);
  useEffect(() => {
    let active = false;
    const mark = () => {
      active = true;
    };
    const report = () => {
      const asked = active ? api.noteActivity() : api.sessionState();
      active = false;
      asked.then(
        (session) => {
          if (session?.signed_in && session.locked) locked(session);
        },
        (reason: unknown) => console.error("cannot report activity to the desk", reason),
      );
    };
    const options: AddEventListenerOptions = { capture: true, passive: true };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, mark, options);
    const timer = window.setInterval(report, ACTIVITY_REPORT_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, mark, options);
    };
  }, []);
}

export interface DeskLock {
  /** Null until `lock_settings` answers. */
  settings: LockSettings | null;
  /** Saves a new idle time; rejects with the IpcError (e.g. above the firm's limit). */
  setMinutes: (minutes: number) => Promise<LockSettings>;
  /** Locks now; rejects with the IpcError. */
  lockNow: () => Promise<void>;
}

/**
 * The idle lock while the workstation shows: loads the broker's idle time, locks the desk after
 * it, and hands the locked session to `onLocked` (which shows the lock screen).
 */
export function useDeskLock(onLocked: (session: SessionState) => void): DeskLock {
  const [settings, setSettings] = useState<LockSettings | null>(null);

  useEffect(() => {
    let active = true;
    api.lockSettings().then(
      (loaded) => {
        if (active) setSettings(loaded);
      },
      (reason: unknown) => console.error("cannot load lock settings", reason),
    );
    return () => {
      active = false;
    };
  }, []);

  const lockNow = useCallback(async () => {
    const session = await api.lockDesk();
    onLocked(session);
  }, [onLocked]);

  const setMinutes = useCallback(async (minutes: number) => {
    const next = await api.setIdleLockMinutes(minutes);
    setSettings(next);
    return next;
  }, []);

  useIdleTimer(settings?.idle_lock_minutes ?? null, () => {
    lockNow().catch((reason: unknown) => console.error("cannot lock the desk", reason));
  });
  useActivityReport(onLocked);

  return { settings, setMinutes, lockNow };
}
