// The desk's commands as the palette offers them. What each does is the workstation's
// business (`DeskKeyboard`); here are only their names, the words they answer to, and whether
// they act on a client.

import { en, zhCN, type MessageKey } from "../i18n/messages";
import type { PanelKey } from "../panels/registry";
import type { DeskKey } from "./keys";
import type { PaletteAction, Subject } from "./palette";

export type DeskActionId =
  | "contact"
  | "reminder"
  | "push"
  | "export"
  | "sync"
  | "lock"
  | "language"
  | "idleLock"
  | "help"
  | "signOut"
  | `panel:${PanelKey}`;

interface ActionDef {
  id: DeskActionId;
  label: MessageKey;
  keywords: readonly string[];
  subject: Subject;
  key?: DeskKey;
}

/** Pinyin, initials and English words of each command, so that "jllx" or "call" finds 记录联系. */
const COMMANDS: readonly ActionDef[] = [
  { id: "contact", label: "action.contact", keywords: ["jilulianxi", "jllx", "lianxi", "call", "note"], subject: "required", key: "contact" },
  { id: "reminder", label: "action.reminder", keywords: ["xinjiantixing", "xjtx", "tixing", "remind"], subject: "optional", key: "reminder" },
  { id: "push", label: "action.push", keywords: ["tuisong", "ts", "tuisongyanjiu", "research"], subject: "none" },
  { id: "export", label: "action.export", keywords: ["daochu", "dc", "export", "excel"], subject: "none" },
  { id: "sync", label: "action.sync", keywords: ["tongbu", "tb", "lijitongbu", "sync"], subject: "none", key: "sync" },
  { id: "lock", label: "action.lock", keywords: ["suoding", "sd", "lock"], subject: "none", key: "lock" },
  { id: "language", label: "action.language", keywords: ["yuyan", "qhyy", "english", "中文"], subject: "none" },
  { id: "idleLock", label: "action.idleLock", keywords: ["shezhi", "sz", "settings", "zidongsuoding"], subject: "none" },
  { id: "help", label: "action.help", keywords: ["kuaijiejian", "kjj", "shortcuts", "help", "bangzhu"], subject: "none", key: "help" },
  { id: "signOut", label: "action.signOut", keywords: ["tuichu", "tcdl", "logout"], subject: "none" },
];

/** The words each panel answers to besides its name. */
const PANEL_WORDS: Readonly<Record<PanelKey, readonly string[]>> = {
  today: ["gongzuotai", "gzt", "home"],
  team: ["tuandui", "td"],
  clients: ["kehu", "kh", "list"],
  recommend: ["tuijian", "tj", "products", "yanjiu"],
  events: ["kehuhuodong", "khhd", "huodong", "celuehui", "events"],
  commission: ["yongjin", "yj", "pay"],
  reminders: ["tixing", "tx", "agenda", "richeng"],
  book: ["kehugongxian", "khgx", "gongxian", "8020"],
  audit: ["fangwenshenji", "fwsj", "shenji", "access"],
};

function labelsOf(key: MessageKey): string[] {
  return [zhCN[key], en[key]];
}

/** The palette's actions for the panels this role sees, panels last (they are also in the menu). */
export function deskActions(panels: readonly { key: PanelKey; label: MessageKey }[]): PaletteAction[] {
  const visible = new Set(panels.map((p) => p.key));
  const commands = COMMANDS.filter((c) => {
    // A lead has no book of their own: no export of it, no contact log, no pushing.
    if (c.id === "export" || c.id === "contact" || c.id === "push") return visible.has("clients");
    return true;
  }).map(({ id, label, keywords, subject, key }) => ({ id, label, labels: labelsOf(label), keywords, subject, key }));
  const panelActions = panels.map((p) => ({
    id: `panel:${p.key}` satisfies DeskActionId,
    label: "action.openPanel" as const,
    panel: p.label,
    labels: labelsOf(p.label),
    keywords: PANEL_WORDS[p.key],
    subject: "none" as const,
  }));
  return [...commands, ...panelActions];
}

/** The panel a "panel:…" action opens, or null for the other commands. */
export function panelOf(id: string): PanelKey | null {
  if (!id.startsWith("panel:")) return null;
  const key = id.slice("panel:".length);
  return key in PANEL_WORDS ? (key as PanelKey) : null;
}
