import { Modal, type ModalProps } from "antd";
import { useRef } from "react";

const FIELD = "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), select:not([disabled])";

/** The first field of `root`, unless the broker has already put the cursor in one of its fields. */
function focusFirstField(root: Element | null): void {
  if (root === null) return;
  const active = document.activeElement;
  if (active !== null && root.contains(active) && active.matches(FIELD)) return;
  root.querySelector<HTMLElement>(FIELD)?.focus();
}

/**
 * antd's Modal, with the cursor in its first field once it has opened: antd focuses the dialog
 * itself, which would leave the broker one Tab away from typing. Every dialog of the desk is one.
 */
export function Dialog({ afterOpenChange, children, ...props }: ModalProps) {
  const body = useRef<HTMLDivElement>(null);
  return (
    <Modal
      {...props}
      afterOpenChange={(open) => {
        if (open) focusFirstField(body.current);
        afterOpenChange?.(open);
      }}
    >
      <div ref={body}>{children}</div>
    </Modal>
  );
}
