import { useCallback } from "react";
import { api } from "../api";
import type { RefusalNotice } from "../bindings/RefusalNotice";
import { useSyncedList } from "./useSyncedList";

export interface RefusalsFeed {
  /** Changes head office refused, newest first; empty until `refusals` answers. */
  refusals: RefusalNotice[];
  /** Calls `dismiss_refusal`; resolves to the remaining ones, rejects with the IpcError. */
  dismiss: (mutationId: string) => Promise<RefusalNotice[]>;
}

const loadRefusals = () => api.refusals();

/** Refusals: loaded at mount and again whenever a sync has just finished. */
export function useRefusals(): RefusalsFeed {
  const { items, act } = useSyncedList(loadRefusals, "refusals");
  const dismiss = useCallback(
    (mutationId: string) => act(() => api.dismissRefusal(mutationId)),
    [act],
  );
  return { refusals: items, dismiss };
}
