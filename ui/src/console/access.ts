// Which console pages a role sees, read from head office's own OpenAPI document: a page is shown
// when its API route lists the role in `x-roles` (or lists none). The server checks every call
// again; the console keeps no rule of its own about who may do what.

import type { Role } from "../bindings/Role";

type Operation = { "x-roles"?: Role[] };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

/** Roles allowed per `METHOD path`; `null` when any signed-in user may call it. */
export type RouteRoles = Map<string, Role[] | null>;

export function routeRoles(document: OpenApiDocument): RouteRoles {
  const roles: RouteRoles = new Map();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item)) {
      roles.set(`${method.toUpperCase()} ${path}`, op["x-roles"] ?? null);
    }
  }
  return roles;
}

/** Whether `role` may call `method path`: unknown routes are not offered. */
export function mayCall(roles: RouteRoles, role: Role, method: "GET" | "POST", path: string): boolean {
  const listed = roles.get(`${method} ${path}`);
  if (listed === undefined) return false;
  return listed === null || listed.includes(role);
}

/** Whether `role` may GET `path`. */
export function mayRead(roles: RouteRoles, role: Role, path: string): boolean {
  return mayCall(roles, role, "GET", path);
}

export const ROLE_NAMES: Record<Role, string> = {
  Broker: "经纪人",
  TeamLead: "团队长",
  BranchManager: "营业部负责人",
  Admin: "信息技术部（管理员）",
  Service: "客服",
  ManagerHq: "经纪业务管理部",
  Compliance: "合规部",
  Finance: "财务部",
};
