import {
  AccountBookOutlined,
  BellOutlined,
  HomeOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ComponentType, ReactNode } from "react";
import type { Role } from "../bindings/Role";
import type { MessageKey } from "../i18n/messages";
import { AuditPanel } from "./AuditPanel";
import { BookPanel } from "./BookPanel";
import { ClientsPanel } from "./ClientsPanel";
import { CommissionPanel } from "./CommissionPanel";
import { RecommendPanel } from "./RecommendPanel";
import { RemindersPanel } from "./RemindersPanel";
import { TodayPanel } from "./TodayPanel";

/**
 * The workstation's panels, in menu order. Planned: "team" 团队, "settings" 设置.
 * Adding one means a key here, a "nav.*" message and an entry in PANELS.
 */
export type PanelKey = "today" | "clients" | "recommend" | "commission" | "reminders" | "book" | "audit";

/** The panel shown after sign-in and unlock: the client list (工作台 is first in the menu). */
export const DEFAULT_PANEL: PanelKey = "clients";

export interface PanelDef {
  key: PanelKey;
  label: MessageKey;
  icon: ReactNode;
  Component: ComponentType;
  /** Roles that see the panel; every role when absent (e.g. 团队 only for team leads). */
  roles?: readonly Role[];
}

export const PANELS: readonly PanelDef[] = [
  { key: "today", label: "nav.today", icon: <HomeOutlined />, Component: TodayPanel },
  { key: "clients", label: "nav.clients", icon: <TeamOutlined />, Component: ClientsPanel },
  { key: "recommend", label: "nav.recommend", icon: <SendOutlined />, Component: RecommendPanel },
  { key: "commission", label: "nav.commission", icon: <AccountBookOutlined />, Component: CommissionPanel },
  { key: "reminders", label: "nav.reminders", icon: <BellOutlined />, Component: RemindersPanel },
  { key: "book", label: "nav.book", icon: <PieChartOutlined />, Component: BookPanel },
  { key: "audit", label: "nav.audit", icon: <SafetyCertificateOutlined />, Component: AuditPanel },
];

export function panelsFor(role: Role | null): readonly PanelDef[] {
  return PANELS.filter((p) => !p.roles || (role !== null && p.roles.includes(role)));
}
