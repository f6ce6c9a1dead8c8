import { describe, expect, it } from "vitest";
import { ConsoleError, ConsoleSession, deviceId, PATHS } from "./http";

const user = {
  user_id: "C01",
  username: "compliance01",
  display_name: "何静",
  role: "Compliance",
  org_path: "华信证券总部",
};

function tokens(n: number) {
  return { access_token: `a${n}`, access_expires_in_secs: 900, refresh_token: `r${n}`, user };
}

function pathOf(input: RequestInfo | URL): string {
  if (typeof input === "string") return input;
  return input instanceof URL ? input.href : input.url;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/** A head office whose first access token has expired: calls with `a1` get 401 unauthorized. */
function headOffice() {
  const calls: { path: string; auth: string | null; body: string | null }[] = [];
  let refreshes = 0;
  const fetcher = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = pathOf(input);
    const headers = new Headers(init?.headers);
    calls.push({ path, auth: headers.get("authorization"), body: (init?.body as string | undefined) ?? null });
    if (path === PATHS.health) return Promise.resolve(json(200, { status: "ok", protocol: 4 }));
    if (path === PATHS.signIn) return Promise.resolve(json(200, tokens(1)));
    if (path === PATHS.refresh) {
      refreshes += 1;
      return Promise.resolve(json(200, tokens(2)));
    }
    if (headers.get("authorization") === "Bearer a1") {
      return Promise.resolve(json(401, { code: "unauthorized", message: "登录已过期，请重新验证" }));
    }
    return Promise.resolve(json(200, { path, protocol: headers.get("x-brokerdesk-protocol") }));
  };
  return { fetcher, calls, refreshes: () => refreshes };
}

describe("ConsoleSession", () => {
  it("renews an expired access token once for calls made together, then retries each", async () => {
    const office = headOffice();
    const session = await ConsoleSession.signIn("compliance01", "pw", "console-1", office.fetcher);
    const [a, b] = await Promise.all([
      session.get<{ path: string; protocol: string }>(PATHS.staff),
      session.get<{ path: string }>(PATHS.accessLog, { from: "2026-12-01", until: "2026-12-06" }),
    ]);
    expect(office.refreshes()).toBe(1);
    expect(a).toEqual({ path: PATHS.staff, protocol: "4" });
    expect(b.path).toBe(`${PATHS.accessLog}?from=2026-12-01&until=2026-12-06`);
    const refresh = office.calls.find((c) => c.path === PATHS.refresh);
    expect(JSON.parse(refresh?.body ?? "{}")).toEqual({ refresh_token: "r1", device_id: "console-1" });
  });

  it("passes head office's refusal on with its code and Chinese message", async () => {
    const fetcher = (input: RequestInfo | URL): Promise<Response> =>
      Promise.resolve(
        pathOf(input) === PATHS.health
          ? json(200, { status: "ok", protocol: 4 })
          : json(401, { code: "bad_credentials", message: "用户名或密码不正确" }),
      );
    const refused = await ConsoleSession.signIn("finance01", "wrong", "d", fetcher).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConsoleError);
    expect((refused as ConsoleError).code).toBe("bad_credentials");
    expect((refused as ConsoleError).message).toBe("用户名或密码不正确");
  });

  it("says in Chinese when head office cannot be reached", async () => {
    const fetcher = (): Promise<Response> => Promise.reject(new TypeError("Failed to fetch"));
    const refused = await ConsoleSession.signIn("hq01", "pw", "d", fetcher).catch((e: unknown) => e);
    expect((refused as ConsoleError).code).toBe("network");
    expect((refused as ConsoleError).message).toContain("无法连接总部服务器");
  });
});

describe("downloads", () => {
  it("keep the Chinese name head office gives the file", async () => {
    const fetcher = (input: RequestInfo | URL): Promise<Response> => {
      const path = pathOf(input);
      if (path === PATHS.health) return Promise.resolve(json(200, { status: "ok", protocol: 4 }));
      if (path === PATHS.signIn) return Promise.resolve(json(200, tokens(2)));
      return Promise.resolve(
        new Response("PK", {
          status: 200,
          headers: {
            "content-disposition": `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent("汇总报表-华信证券总部-2026-12.xlsx")}`,
          },
        }),
      );
    };
    const session = await ConsoleSession.signIn("hq01", "pw", "d", fetcher);
    const file = await session.download(PATHS.reportXlsx, { month: "2026-12-01" });
    expect(file.name).toBe("汇总报表-华信证券总部-2026-12.xlsx");
    expect(await file.blob.text()).toBe("PK");
  });
});

describe("deviceId", () => {
  it("is made once per browser and kept", () => {
    const kept = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kept.get(k) ?? null,
      setItem: (k: string, v: string) => void kept.set(k, v),
    } as Storage;
    const first = deviceId(storage, (b) => b.fill(171));
    expect(first).toBe("console-" + "ab".repeat(16));
    expect(deviceId(storage, (b) => b.fill(1))).toBe(first);
  });
});
