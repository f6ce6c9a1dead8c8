// The 团队 panel's desk for tests: Friday 2024-03-15, 12:00 in Shanghai, with the branch and its
// first group cached (see teamDashboard and groupOneDashboard in fixtures), 王丽's broker view, and
// a mock that records what the window asked for.

import { vi } from "vitest";
import type { AssignTasks } from "../bindings/AssignTasks";
import { brokerDashboard, groupOneDashboard, teamDashboard } from "./teamFixtures";
import { mockDesk, type Handler } from "./mockDesk";

/** 2024-03-15 12:00 in Shanghai. */
export const TEAM_NOW = new Date("2024-03-15T04:00:00Z");

/** Freezes the clock (only Date: timers stay real for the UI and user-event). */
export function freezeTeamClock() {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(TEAM_NOW);
}

export interface TeamDesk {
  /** The `unit` of every `team_dashboard` call, in order. */
  units: Array<string | null>;
  /** The `brokerId` of every `team_broker` call. */
  brokers: string[];
  assigned: AssignTasks[];
  calls: (cmd: string) => number;
}

/** A desk whose cache holds the branch (U0) and 财富管理一组 (U1); `extra` answers first. */
export function mockTeam(extra: Handler = () => undefined): TeamDesk {
  const desk: TeamDesk = { units: [], brokers: [], assigned: [], calls: () => 0 };
  const calls = mockDesk((cmd, args) => {
    if (cmd === "team_dashboard") desk.units.push((args as { unit: string | null }).unit);
    if (cmd === "team_broker") desk.brokers.push((args as { brokerId: string }).brokerId);
    if (cmd === "assign_tasks") desk.assigned.push((args as { request: AssignTasks }).request);
    const answer = extra(cmd, args);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case "team_dashboard": {
        const { unit } = args as { unit: string | null };
        if (unit === null || unit === "U0") return teamDashboard();
        return unit === "U1" ? groupOneDashboard : null;
      }
      case "team_broker":
        return (args as { brokerId: string }).brokerId === "B1" ? brokerDashboard() : null;
      case "refresh_team":
        return teamDashboard({ taken_at: "2024-03-15T03:55:00Z" });
      case "assign_tasks": {
        const { request } = args as { request: AssignTasks };
        return { task_ids: request.assignees.map((_, i) => `TK-${i + 1}`) };
      }
      default:
        return undefined;
    }
  });
  desk.calls = (command) => calls.filter(([cmd]) => cmd === command).length;
  return desk;
}
