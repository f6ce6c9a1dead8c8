import { SearchOutlined, UserOutlined } from "@ant-design/icons";
import { Input, Modal, Tag, Typography, type InputRef } from "antd";
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent } from "react";
import { api, toIpcError } from "../api";
import type { PaletteClient } from "../bindings/PaletteClient";
import type { ClientRef } from "../components/ClientDrawer";
import { TierTag } from "../components/tags";
import { useT } from "../i18n/context";
import { chordOf } from "./keys";
import { clientsOnly, rankPalette, type PaletteAction, type PaletteEntry } from "./palette";

const LISTBOX_ID = "command-palette-listbox";
const optionId = (i: number) => `command-palette-option-${i}`;

interface Props {
  open: boolean;
  /** An action that was asked for without a client: the palette opens choosing its client. */
  pending: PaletteAction | null;
  actions: readonly PaletteAction[];
  /** The client actions are about, if one is open or selected. */
  subject: ClientRef | null;
  onClose: () => void;
  onOpenClient: (client: ClientRef) => void;
  onRun: (action: PaletteAction, client: ClientRef | null) => void;
}

/**
 * Ctrl+K: one field that finds a client (name, pinyin, initials, account, phone tail) or a
 * command, and Enter does it. A combobox with its listbox, so that screen readers and the
 * end-to-end tests drive it by role. Mounted afresh at each opening.
 */
export function CommandPalette({ open, pending: initialPending, actions, subject, onClose, onOpenClient, onRun }: Props) {
  const t = useT();
  const [text, setText] = useState("");
  const [pending, setPending] = useState<PaletteAction | null>(initialPending);
  const [found, setFound] = useState<{ text: string; clients: PaletteClient[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const asked = useRef(0);
  // Enter pressed before the store answered the last keystroke: done when it answers.
  const enterWaiting = useRef(false);
  // The store's last answer as soon as it comes, before React shows it: an Enter that arrives
  // in between would otherwise wait for an answer already given, and be lost.
  const lastAnswer = useRef<{ text: string; clients: PaletteClient[] } | null>(null);

  // Clients found for older text are not offered for the new: the store has not answered yet
  // (after a failed search the commands still run).
  const searching = error === null && (found === null || found.text !== text);
  const entriesFor = (typed: string, clients: readonly PaletteClient[]) => {
    const ranked = rankPalette(typed, pending ? [] : actions, clients);
    return pending ? clientsOnly(ranked) : ranked;
  };
  const entries = entriesFor(text, found !== null && found.text === text ? found.clients : []);
  const current = Math.min(active, Math.max(entries.length - 1, 0));

  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    if (entry.kind === "client") {
      const client = { id: entry.client.id, name: entry.client.name };
      if (pending) onRun(pending, client);
      else onOpenClient(client);
      return;
    }
    if (entry.action.subject === "required" && subject === null) {
      // 记录联系 with nobody open: choose the client first, in the same field.
      setPending(entry.action);
      setText("");
      setActive(0);
      return;
    }
    onRun(entry.action, entry.action.subject === "none" ? null : subject);
  };

  const answered = useEffectEvent((typed: string, clients: PaletteClient[]) => {
    if (!enterWaiting.current) return;
    enterWaiting.current = false;
    // The cursor is on the first entry after every keystroke.
    choose(entriesFor(typed, clients)[0]);
  });

  // Every keystroke asks the store; an older answer never replaces a newer one.
  useEffect(() => {
    const seq = ++asked.current;
    api.paletteClients(text).then(
      (clients) => {
        if (asked.current !== seq) return;
        lastAnswer.current = { text, clients };
        setFound({ text, clients });
        setError(null);
        answered(text, clients);
      },
      (reason: unknown) => {
        if (asked.current !== seq) return;
        enterWaiting.current = false;
        lastAnswer.current = { text, clients: [] };
        setError(toIpcError(reason).message);
      },
    );
  }, [text]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((entries.length + current + step) % Math.max(entries.length, 1));
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      if (lastAnswer.current?.text !== text) enterWaiting.current = true;
      // Answered but not shown yet: the cursor will be on the first entry.
      else if (searching) choose(entriesFor(text, lastAnswer.current.clients)[0]);
      else choose(entries[current]);
    } else if (e.key === "Backspace" && text === "" && pending) {
      setPending(null);
    }
  };

  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView?.({ block: "nearest" });
  }, [current]);

  const label = (action: PaletteAction) =>
    action.panel ? t(action.label, { panel: t(action.panel) }) : t(action.label);
  const placeholder = pending ? t("palette.pickClient", { action: label(pending) }) : t("palette.placeholder");

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      closable={false}
      width={680}
      style={{ top: 72 }}
      destroyOnHidden
      className="command-palette"
      title={null}
      afterOpenChange={(visible) => visible && input.current?.focus()}
      data-testid="command-palette"
    >
      <div className="palette-head">
        {pending && (
          <Tag color="blue" className="palette-pending" data-testid="palette-pending">
            {label(pending)}
          </Tag>
        )}
        <Input
          ref={input}
          autoFocus
          variant="borderless"
          size="large"
          prefix={<SearchOutlined />}
          placeholder={placeholder}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
            setError(null);
          }}
          onKeyDown={onKeyDown}
          role="combobox"
          aria-label={t("palette.title")}
          aria-expanded
          aria-controls={LISTBOX_ID}
          aria-autocomplete="list"
          aria-activedescendant={entries.length > 0 ? optionId(current) : undefined}
          data-testid="palette-input"
        />
      </div>
      {subject && !pending && (
        <div className="palette-subject" data-testid="palette-subject">
          <UserOutlined /> {t("palette.for", { name: subject.name })}
        </div>
      )}
      <ul id={LISTBOX_ID} role="listbox" aria-label={t("palette.results")} className="palette-list">
        {entries.map((entry, i) => (
          <li
            key={entry.kind === "client" ? `c-${entry.client.id}` : `a-${entry.action.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === current}
            className={`palette-option${i === current ? " palette-option-active" : ""}`}
            onMouseMove={() => i !== current && setActive(i)}
            onClick={() => choose(entry)}
            data-testid={entry.kind === "client" ? `palette-client-${entry.client.id}` : `palette-action-${entry.action.id}`}
          >
            {entry.kind === "client" ? (
              <ClientOption client={entry.client} />
            ) : (
              <ActionOption action={entry.action} label={label(entry.action)} subject={subject} />
            )}
          </li>
        ))}
      </ul>
      {entries.length === 0 && !searching && (
        <div className="palette-empty" data-testid="palette-empty">
          {t("palette.empty")}
        </div>
      )}
      {error && (
        <Typography.Text type="danger" className="palette-error" data-testid="palette-error">
          {t("palette.failed", { message: error })}
        </Typography.Text>
      )}
      <div className="palette-hint">{t("palette.hint")}</div>
    </Modal>
  );
}

function ClientOption({ client }: { client: PaletteClient }) {
  const t = useT();
  return (
    <>
      <UserOutlined className="palette-icon" />
      <span className="palette-name">{client.name}</span>
      <span className="palette-meta tabular">{client.mobile_masked}</span>
      <TierTag tier={client.tier} />
      <span className="palette-spacer" />
      {client.opened_at !== null && client.matched !== "recent" && (
        <Tag variant="outlined">{t("palette.match.recent")}</Tag>
      )}
      <Tag variant="filled" color={client.matched === "recent" ? "blue" : undefined}>
        {t(`palette.match.${client.matched}`)}
      </Tag>
    </>
  );
}

function ActionOption({ action, label, subject }: { action: PaletteAction; label: string; subject: ClientRef | null }) {
  const t = useT();
  const chord = action.key ? chordOf(action.key) : null;
  return (
    <>
      <span className="palette-icon palette-action-icon">›</span>
      <span className="palette-name">{label}</span>
      {action.subject !== "none" && subject && (
        <span className="palette-meta">{t("palette.for", { name: subject.name })}</span>
      )}
      {action.subject === "required" && !subject && <span className="palette-meta">{t("palette.needsClient")}</span>}
      <span className="palette-spacer" />
      <Tag variant="outlined">{t(action.panel ? "palette.panel" : "palette.action")}</Tag>
      {chord && (
        <span className="palette-keys">
          {chord.map((k) => (
            <kbd key={k} className="kbd">
              {k}
            </kbd>
          ))}
        </span>
      )}
    </>
  );
}
