import {
  AccountBookOutlined,
  ApartmentOutlined,
  BellOutlined,
  CalendarOutlined,
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
import { EventsPanel } from "./EventsPanel";
import { RecommendPanel } from "./RecommendPanel";
import { RemindersPanel } from "./RemindersPanel";
import { TeamPanel } from "./TeamPanel";
import { TodayPanel } from "./TodayPanel";

/**
 * The workstation's panels, in menu order. Planned: "settings" 设置.
 * Adding one means a key here, a "nav.*" message and an entry in PANELS.
 */
export type PanelKey =
  | "today"
  | "team"
  | "clients"
  | "recommend"
  | "events"
  | "commission"
  | "reminders"
  | "book"
  | "audit";

/**
 * The panel shown to a broker after sign-in and unlock: 工作台, where the day starts (what is due,
 * what the book raises, the month so far). Those who lead brokers open on 团队 instead.
 */
export const DEFAULT_PANEL: PanelKey = "today";

/** Roles that lead brokers: they see 团队 and open on it, and have no client book of their own. */
export const LEAD_ROLES: readonly Role[] = ["TeamLead", "BranchManager", "Admin"];

export function leadsTeam(role: Role | null): boolean {
  return role !== null && LEAD_ROLES.includes(role);
}

/** The panel shown after sign-in and unlock: 团队 for those who lead brokers, else DEFAULT_PANEL. */
export function defaultPanelFor(role: Role | null): PanelKey {
  return leadsTeam(role) ? "team" : DEFAULT_PANEL;
}

export interface PanelDef {
  key: PanelKey;
  label: MessageKey;
  icon: ReactNode;
  Component: ComponentType;
  /** Roles that see the panel; every role when absent (e.g. 团队 only for team leads). */
  roles?: readonly Role[];
  /** Works on the signed-in broker's own client book: hidden from those who lead brokers. */
  ownBook?: true;
}

export const PANELS: readonly PanelDef[] = [
  { key: "today", label: "nav.today", icon: <HomeOutlined />, Component: TodayPanel },
  { key: "team", label: "nav.team", icon: <ApartmentOutlined />, Component: TeamPanel, roles: LEAD_ROLES },
  { key: "clients", label: "nav.clients", icon: <TeamOutlined />, Component: ClientsPanel, ownBook: true },
  { key: "recommend", label: "nav.recommend", icon: <SendOutlined />, Component: RecommendPanel, ownBook: true },
  { key: "events", label: "nav.events", icon: <CalendarOutlined />, Component: EventsPanel },
  {
    key: "commission",
    label: "nav.commission",
    icon: <AccountBookOutlined />,
    Component: CommissionPanel,
    ownBook: true,
  },
  { key: "reminders", label: "nav.reminders", icon: <BellOutlined />, Component: RemindersPanel },
  { key: "book", label: "nav.book", icon: <PieChartOutlined />, Component: BookPanel, ownBook: true },
  { key: "audit", label: "nav.audit", icon: <SafetyCertificateOutlined />, Component: AuditPanel },
];

/**
 * The panels a role sees. While the role is unknown (null) every panel without `roles` shows,
 * as for a broker.
 */
export function panelsFor(role: Role | null): readonly PanelDef[] {
  return PANELS.filter(
    (p) => (!p.roles || (role !== null && p.roles.includes(role))) && !(p.ownBook && leadsTeam(role)),
  );
}
