import { useEffect, useEffectEvent, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { deskKeyOf, isSubmitChord, type DeskKey } from "./keys";

/**
 * A dialog, menu or popover is up: plain keys belong to it, not to the desk behind it. The
 * 客户360 drawer is not one of these: N and R work while it shows.
 */
function overlayOpen(): boolean {
  return (
    document.querySelector(
      ".ant-modal-wrap:not([style*='display: none']) .ant-modal, .ant-dropdown:not(.ant-dropdown-hidden), .ant-popover:not(.ant-popover-hidden), .ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)",
    ) !== null
  );
}

/** Keys that work even over a dialog: they open or leave things, they type nothing. */
const OVER_DIALOGS: ReadonlySet<DeskKey> = new Set(["palette", "sync", "lock"]);

/**
 * Calls `onKey` for every desk shortcut pressed while mounted and `enabled`; `onKey` returns
 * true when it acted, and the key's default (e.g. the webview reloading on Ctrl+R) is stopped.
 */
export function useDeskKeys(onKey: (key: DeskKey, e: KeyboardEvent) => boolean, enabled = true): void {
  const handle = useEffectEvent(onKey);
  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const key = deskKeyOf(e);
      if (key === null) return;
      if (!OVER_DIALOGS.has(key) && overlayOpen()) return;
      if (handle(key, e)) e.preventDefault();
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, [enabled]);
}

/**
 * Ctrl+Enter (⌘+Enter) submits the form the focus is in, whichever form it is: antd's Form is
 * a real <form>, so its onFinish runs as if the primary button were pressed.
 */
export function useSubmitChord(): void {
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !isSubmitChord(e) || !(e.target instanceof Element)) return;
      const form = e.target.closest("form");
      if (form === null) return;
      e.preventDefault();
      form.requestSubmit();
    };
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
}

/**
 * Esc in a form shown inline (in the 360°, not in a dialog of its own) cancels that form and
 * goes no further: the 360° around it stays open.
 */
export function cancelOnEscape(onCancel: () => void, busy = false) {
  return (e: ReactKeyboardEvent) => {
    if (e.key !== "Escape" || busy) return;
    e.stopPropagation();
    onCancel();
  };
}
