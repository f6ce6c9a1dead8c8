// A console dialog's submit: the form checked first (antd shows what to fix beside each field),
// then head office's call; its refusal, in Chinese, stays on the dialog with everything typed.

import type { FormInstance } from "antd";
import { useState } from "react";

export function useSubmit<V>(
  form: FormInstance<V>,
  send: (values: V) => Promise<void>,
): { saving: boolean; error: string | null; submit: () => Promise<void> } {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await send(values);
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
      setSaving(false);
    }
  };
  return { saving, error, submit };
}
