import { useEffect, useRef, useState } from "react";
import { api } from "../api";
import type { SessionState } from "../bindings/SessionState";
import type { UserProfile } from "../bindings/UserProfile";
import { useSyncStatus } from "../hooks/useSyncStatus";
import { allClientsQuery } from "../lib/clientQuery";
import { FirstSyncPanel } from "./FirstSyncPanel";
import { Workstation } from "./Workstation";

interface Props {
  user: UserProfile | null;
  /** A new session state: signed out, or locked. */
  onSession: (session: SessionState) => void;
}

/**
 * What a signed-in user sees: starts a sync at once, shows the first-sync progress
 * while the local book is still empty, then the workstation.
 */
export function Desk({ user, onSession }: Props) {
  const { status, update } = useSyncStatus();
  const [bookEmpty, setBookEmpty] = useState<boolean | null>(null);
  const [syncSettled, setSyncSettled] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    // Once per sign-in, also under StrictMode's double effects.
    if (started.current) return;
    started.current = true;
    api.listClients(allClientsQuery(1)).then(
      (page) => setBookEmpty(page.total === 0),
      () => setBookEmpty(false),
    );
    // Not awaited before rendering: progress arrives as sync-status events.
    api.syncNow().then(
      (next) => {
        update(next);
        setSyncSettled(true);
      },
      // A failed sync is reported by the status bar (connection, last_error);
      // a lost session takes the window back to sign-in through onSessionLost.
      () => setSyncSettled(true),
    );
  }, [update]);

  const firstSyncDone = syncSettled && !(status?.syncing ?? false);
  // Until the count of local clients is known, a book that was synced before is not empty.
  const knownNonEmpty =
    bookEmpty === false || (bookEmpty === null && status !== null && status.last_sync_at !== null);
  const ready = firstSyncDone || knownNonEmpty;

  // Once the workstation is shown it stays: a later background sync must never unmount it and
  // throw away what the broker is typing or has open.
  const [workstationShown, setWorkstationShown] = useState(false);
  if (ready && !workstationShown) setWorkstationShown(true);

  if (!ready && !workstationShown) return <FirstSyncPanel status={status} />;
  return <Workstation user={user} onSession={onSession} />;
}
