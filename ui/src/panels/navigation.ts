import { createContext, useContext } from "react";
import type { PanelKey } from "./registry";

/** A request to show a panel, at one of its tabs when `tab` is set. */
export interface PanelRequest {
  panel: PanelKey;
  tab: string | null;
  /** Counts the requests, so that asking for the same panel and tab again is seen. */
  seq: number;
}

export interface PanelNav {
  /** Shows a panel (e.g. 提醒 from a notification), at a tab of it when given. */
  open: (panel: PanelKey, tab?: string) => void;
  /** The latest request; a panel takes its tab at mount and follows later ones while open. */
  request: PanelRequest | null;
}

/** How a panel opens another one; the workstation provides it. */
export const PanelNavContext = createContext<PanelNav>({ open: () => undefined, request: null });

export function usePanelNav(): PanelNav {
  return useContext(PanelNavContext);
}

/**
 * The tab a panel shows: `fallback` at first unless a request for `panel` named one; later
 * requests for `panel` switch it. `isTab` keeps out names the panel does not have.
 */
export function requestedTab<T extends string>(
  request: PanelRequest | null,
  panel: PanelKey,
  isTab: (tab: string) => tab is T,
): T | null {
  if (request === null || request.panel !== panel || request.tab === null) return null;
  return isTab(request.tab) ? request.tab : null;
}
