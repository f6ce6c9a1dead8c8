import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api";
import type { RefusalNotice } from "../bindings/RefusalNotice";
import { useSyncStatusEvents } from "./useSyncStatus";

export interface RefusalsFeed {
  /** Changes head office refused, newest first; empty until `refusals` answers. */
  refusals: RefusalNotice[];
  /** Calls `dismiss_refusal`; resolves to the remaining ones, rejects with the IpcError. */
  dismiss: (mutationId: string) => Promise<RefusalNotice[]>;
}

/** Refusals: loaded at mount and again whenever a sync has just finished. */
export function useRefusals(): RefusalsFeed {
  const [refusals, setRefusals] = useState<RefusalNotice[]>([]);
  const [reloads, setReloads] = useState(0);
  const wasSyncing = useRef(false);
  // Requests are numbered; an answer older than one already taken is dropped.
  const asked = useRef(0);
  const taken = useRef(0);

  const take = useCallback((request: number, list: RefusalNotice[]) => {
    if (request < taken.current) return;
    taken.current = request;
    setRefusals(list);
  }, []);

  useEffect(() => {
    let active = true;
    const request = ++asked.current;
    api.refusals().then(
      (list) => {
        if (active) take(request, list);
      },
      // A lost session is handled by onSessionLost; anything else keeps the last list.
      (reason: unknown) => console.error("cannot load refusals", reason),
    );
    return () => {
      active = false;
    };
  }, [reloads, take]);

  useSyncStatusEvents((status) => {
    if (wasSyncing.current && !status.syncing) setReloads((n) => n + 1);
    wasSyncing.current = status.syncing;
  });

  const dismiss = useCallback(
    async (mutationId: string) => {
      const request = ++asked.current;
      const remaining = await api.dismissRefusal(mutationId);
      take(request, remaining);
      return remaining;
    },
    [take],
  );

  return { refusals, dismiss };
}
