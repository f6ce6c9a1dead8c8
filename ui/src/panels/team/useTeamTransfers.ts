import { useCallback, useRef, useState } from "react";
import { api, toIpcError } from "../../api";
import type { IpcError } from "../../bindings/IpcError";
import type { TransferDecision } from "../../bindings/TransferDecision";
import type { TransferRequestRecord } from "../../bindings/TransferRequestRecord";

export interface TeamTransfers {
  /** The requests as head office last sent them, pending first; kept when a reload fails. */
  items: TransferRequestRecord[];
  /** A load has answered at least once (successfully or not). */
  loaded: boolean;
  loading: boolean;
  /** Why the last load failed (offline: head office's Chinese message); null after a success. */
  error: IpcError | null;
  /** Asks head office for the requests again. */
  load: () => void;
  /** Decides one request and shows it decided; rejects with the command's IpcError. */
  decide: (decision: TransferDecision) => Promise<TransferRequestRecord>;
}

/** Pending first, otherwise as head office ordered them. */
function pendingFirst(items: TransferRequestRecord[]): TransferRequestRecord[] {
  return [...items].sort((a, b) => Number(a.status !== "pending") - Number(b.status !== "pending"));
}

/** 移交审批's data: read from head office only (online), loaded when asked. */
export function useTeamTransfers(): TeamTransfers {
  const [items, setItems] = useState<TransferRequestRecord[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  // Loads are numbered: an answer overtaken by a later load is dropped.
  const loads = useRef(0);

  const load = useCallback(() => {
    const asked = ++loads.current;
    setLoading(true);
    api.teamTransfers().then(
      (list) => {
        if (asked !== loads.current) return;
        setItems(list);
        setError(null);
        setLoading(false);
        setLoaded(true);
      },
      (reason: unknown) => {
        if (asked !== loads.current) return;
        setError(toIpcError(reason));
        setLoading(false);
        setLoaded(true);
      },
    );
  }, []);

  const decide = useCallback(async (decision: TransferDecision) => {
    const record = await api.decideTransfer(decision);
    setItems((list) => pendingFirst(list.map((r) => (r.id === record.id ? record : r))));
    return record;
  }, []);

  return { items, loaded, loading, error, load, decide };
}
