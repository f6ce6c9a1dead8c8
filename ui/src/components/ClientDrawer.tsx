import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { ClientProfileDrawer } from "../panels/ClientProfileDrawer";

/** What to do on arrival besides showing the 360°: 记录联系 opens the contact form. */
export type ClientIntent = "contact";

export interface ClientRef {
  id: string;
  name: string;
}

/** A request to show a client; `seq` tells a repeated request (N pressed again) from the last. */
export interface ClientRequest {
  clientId: string;
  intent: ClientIntent | null;
  seq: number;
}

export interface ClientDrawer {
  /** The client shown, with its name once the profile has loaded. */
  shown: ClientRef | null;
  shownId: string | null;
  request: ClientRequest | null;
  open: (clientId: string, intent?: ClientIntent) => void;
  close: () => void;
  /** The row the client list has selected by keyboard: the subject when no 360° is open. */
  selected: ClientRef | null;
  select: (client: ClientRef | null) => void;
}

const NONE: ClientDrawer = {
  shown: null,
  shownId: null,
  request: null,
  open: () => undefined,
  close: () => undefined,
  selected: null,
  select: () => undefined,
};

const ClientDrawerContext = createContext<ClientDrawer>(NONE);

export function useClientDrawer(): ClientDrawer {
  return useContext(ClientDrawerContext);
}

/** The client that actions (记录联系, 新建提醒 …) are about: the one open, else the one selected. */
export function currentClient(drawer: ClientDrawer): ClientRef | null {
  if (drawer.shownId !== null) return drawer.shown ?? null;
  return drawer.selected;
}

/**
 * One 客户360 drawer for the whole workstation, so that every panel, the palette and the
 * shortcuts open the same one and know which client is current.
 */
export function ClientDrawerProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<ClientRequest | null>(null);
  const [open, setOpen] = useState(false);
  const [loadedName, setLoadedName] = useState<ClientRef | null>(null);
  const [selected, select] = useState<ClientRef | null>(null);

  const openClient = useCallback((clientId: string, intent?: ClientIntent) => {
    setOpen(true);
    setRequest((prev) => ({ clientId, intent: intent ?? null, seq: (prev?.seq ?? 0) + 1 }));
  }, []);
  const close = useCallback(() => setOpen(false), []);
  const shownId = open && request ? request.clientId : null;
  const shown = shownId !== null && loadedName?.id === shownId ? loadedName : null;

  const value = useMemo<ClientDrawer>(
    () => ({ shown, shownId, request: open ? request : null, open: openClient, close, selected, select }),
    [shown, shownId, open, request, openClient, close, selected],
  );

  return (
    <ClientDrawerContext.Provider value={value}>
      {children}
      <ClientProfileDrawer clientId={shownId} onClose={close} onOpenClient={openClient} onLoaded={setLoadedName} />
    </ClientDrawerContext.Provider>
  );
}
