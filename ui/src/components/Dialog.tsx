import { Modal, type ModalProps } from "antd";
import { type ReactNode, useRef } from "react";

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

interface FormDialogProps {
  open: boolean;
  title: ReactNode;
  width: number;
  onCancel: () => void;
  /** The form, with its own buttons; rendered only while the dialog is open. */
  children: ReactNode;
}

/**
 * A dialog that holds one form: no footer (the form has its buttons), the form made anew each
 * time it opens, and a click beside it never throws away what the broker typed.
 */
export function FormDialog({ open, title, width, onCancel, children }: FormDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onCancel={onCancel}
      footer={null}
      destroyOnHidden
      width={width}
      mask={{ closable: false }}
    >
      {open && children}
    </Dialog>
  );
}
