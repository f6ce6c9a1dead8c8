import { describe, expect, it } from "vitest";
import { mayRead, routeRoles } from "./access";
import { PATHS } from "./http";
import { pagesFor } from "./pages";

const document = {
  paths: {
    [PATHS.staff]: { get: { "x-roles": ["Admin" as const, "ManagerHq" as const] } },
    [PATHS.payPlans]: { get: { "x-roles": ["Finance" as const] } },
    [PATHS.accessLog]: { get: { "x-roles": ["Compliance" as const, "Admin" as const] } },
    [PATHS.complaints]: { get: { "x-roles": ["Service" as const, "Admin" as const] } },
    "/api/v1/me": { get: {} },
  },
};

describe("pages by head office's document", () => {
  const roles = routeRoles(document);

  it("shows a role the pages whose routes list it, and a route without a list to everyone", () => {
    expect(pagesFor(roles, "Finance").map((p) => p.key)).toEqual(["pay-plans"]);
    expect(pagesFor(roles, "Admin").map((p) => p.key)).toEqual(["staff", "access-log", "complaints"]);
    expect(pagesFor(roles, "Broker")).toEqual([]);
    expect(mayRead(roles, "Broker", "/api/v1/me")).toBe(true);
  });

  it("offers nothing the document does not describe", () => {
    expect(mayRead(roles, "Admin", "/api/v1/console/unknown")).toBe(false);
    expect(mayRead(roles, "Admin", PATHS.staff)).toBe(true);
  });
});
