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

export interface SyncStatusFeed {
  /** Null until `sync_status` answers or the first event arrives. */
  status: SyncStatus | null;
  /** Takes a status returned by a command (e.g. `sync_now`) as the latest one. */
  update: (status: SyncStatus) => void;
}

/** The sync status: loaded with `sync_status` at mount, then kept current by events. */
export function useSyncStatus(): SyncStatusFeed {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useSyncStatusEvents(setStatus);
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
