import { Typography } from "antd";
import { Dialog } from "../components/Dialog";
import { useT } from "../i18n/context";
import { printedKeys, SHORTCUTS, type ShortcutScope } from "./keys";

const SCOPES: readonly ShortcutScope[] = ["anywhere", "clients", "agenda", "forms"];

/** `?`: every shortcut of the desk, grouped by where it works, from the same table the keys use. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog
      open={open}
      onCancel={onClose}
      footer={null}
      width={720}
      title={t("keys.title")}
      destroyOnHidden
      data-testid="shortcut-help"
    >
      <div className="shortcut-help" data-testid="shortcut-help-body">
        {SCOPES.map((scope) => (
          <section key={scope} className="shortcut-group">
            <Typography.Title level={5}>{t(`keys.scope.${scope}`)}</Typography.Title>
            <dl>
              {SHORTCUTS.filter((s) => s.scope === scope).map((s) => (
                <div key={s.key} className="shortcut-row">
                  <dt>
                    {s.keys.map((chord, i) => (
                      <span key={chord.join("+")} className="shortcut-chord">
                        {i > 0 && <span className="shortcut-or">/</span>}
                        {printedKeys(chord).map((k) => (
                          <kbd key={k} className="kbd">
                            {k}
                          </kbd>
                        ))}
                      </span>
                    ))}
                  </dt>
                  <dd>{t(s.label)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <Typography.Paragraph type="secondary" className="shortcut-note">
        {t("keys.typingNote")}
      </Typography.Paragraph>
    </Dialog>
  );
}
