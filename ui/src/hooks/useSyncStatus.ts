import { useEffect, useEffectEvent, useState } from "react";
import { api, onSyncStatus } from "../api";
import type { SyncStatus } from "../bindings/SyncStatus";

/** Calls `handler` with every `sync-status` event while the component is mounted. */
export function useSyncStatusEvents(handler: (status: SyncStatus) => void): void {
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    let active = true;
    let unlisten: (() => void) | null = null;
    onSyncStatus((status) => {
      if (active) onEvent(status);
    }).then(
      (fn) => {
        if (active) unlisten = fn;
        else fn();
      },
      (reason: unknown) => console.error("cannot listen to sync-status", reason),
    );
    return () => {
      active = false;
      unlisten?.();
    };
  }, []);
}

type StatusListener = (status: SyncStatus) => void;
/** Every mounted useSyncStatus, for statuses the backend does not announce with an event. */
const refreshListeners = new Set<StatusListener>();

/**
 * Asks `sync_status` and hands the answer to every mounted useSyncStatus. For use after a
 * local write (e.g. `add_contact_note`): the backend emits no event for those, yet the
 * pending count has changed.
 */
export async function refreshSyncStatus(): Promise<void> {
  const status = await api.syncStatus();
  for (const listener of refreshListeners) listener(status);
}

/**
 * After a write to the cache: no event announces one, so ask for the new pending count for the
 * status bar ourselves. A failure only leaves the count stale until the next event.
 */
export function announceLocalWrite(): void {
  refreshSyncStatus().catch((reason: unknown) => console.error("cannot refresh sync status", reason));
}

export interface SyncStatusFeed {
  /** Null until `sync_status` answers or the first event arrives. */
  status: SyncStatus | null;
  /** Takes a status returned by a command (e.g. `sync_now`) as the latest one. */
  update: (status: SyncStatus) => void;
}

/**
 * The sync status: loaded with `sync_status` at mount, then kept current by events and by
 * refreshSyncStatus().
 */
export function useSyncStatus(): SyncStatusFeed {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useSyncStatusEvents(setStatus);
  useEffect(() => {
    // A local write changes only the pending count. The rest of a status fetched for it may be
    // older than the last event (a sync that ended while the answer travelled), so only the
    // count is taken: a stale "syncing" must not stay on the bar until the next sync.
    const onRefresh: StatusListener = (fresh) =>
      setStatus((current) => (current ? { ...current, pending: fresh.pending } : fresh));
    refreshListeners.add(onRefresh);
    return () => {
      refreshListeners.delete(onRefresh);
    };
  }, []);
  useEffect(() => {
    let active = true;
    api.syncStatus().then(
      // An event that arrived meanwhile is newer than this answer.
      (loaded) => {
        if (active) setStatus((current) => current ?? loaded);
      },
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  return { status, update: setStatus };
}

type SyncRunner = () => void;
/** The status bar's 立即同步, so that Ctrl+R shows the same progress and errors as the button. */
const syncRunners = new Set<SyncRunner>();

/** Registers the desk's way of syncing now while mounted. */
export function useSyncNowRunner(run: SyncRunner): void {
  const onRequest = useEffectEvent(run);
  useEffect(() => {
    const runner = () => onRequest();
    syncRunners.add(runner);
    return () => {
      syncRunners.delete(runner);
    };
  }, []);
}

/** Sync now, as if 立即同步 were clicked (Ctrl+R, the palette). */
export function requestSyncNow(): void {
  for (const run of syncRunners) run();
}
