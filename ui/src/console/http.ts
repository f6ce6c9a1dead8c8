// The console's one way to head office: bearer tokens kept in this page's memory only (a reload
// means signing in again; nothing a script on another page could read is left behind), renewed
// once when the access token has expired, with every concurrent call waiting on that one renewal
// because a refresh token is single-use.

import type { ApiError } from "../bindings/ApiError";
import type { ApiErrorCode } from "../bindings/ApiErrorCode";
import type { Health } from "../bindings/Health";
import type { SessionTokens } from "../bindings/SessionTokens";
import type { UserProfile } from "../bindings/UserProfile";

export const PATHS = {
  health: "/api/v1/health",
  openapi: "/api/v1/openapi.json",
  signIn: "/api/v1/auth/sign-in",
  refresh: "/api/v1/auth/refresh",
  signOut: "/api/v1/auth/sign-out",
  staff: "/api/v1/console/staff",
  accessLog: "/api/v1/console/access-log",
  payPlans: "/api/v1/console/pay-plans",
  payPlanSave: "/api/v1/console/pay-plans/plan",
  developmentSplit: "/api/v1/console/pay-plans/split",
  feeSchedule: "/api/v1/console/pay-plans/fees",
  groupAllowance: "/api/v1/console/pay-plans/group-allowance",
  payAdjustments: "/api/v1/console/pay-adjustments",
  payAdjustmentAdd: "/api/v1/console/pay-adjustments/add",
  payAdjustmentRemove: "/api/v1/console/pay-adjustments/remove",
  monthlyTargets: "/api/v1/console/monthly-targets",
  monthlyTargetSet: "/api/v1/console/monthly-targets/set",
  tradeCharge: "/api/v1/console/trades/charge",
  tradeCorrection: "/api/v1/console/trades/charge/correct",
  teamDashboard: "/api/v1/team/dashboard",
  reportXlsx: "/api/v1/console/report.xlsx",
  complaints: "/api/v1/service/complaints",
  complaintUpdate: "/api/v1/service/complaints/update",
  accounts: "/api/v1/console/accounts",
  accountStatus: "/api/v1/console/accounts/status",
  accountPassword: "/api/v1/console/accounts/password",
  units: "/api/v1/console/units",
  unitMove: "/api/v1/console/units/move",
  unitClose: "/api/v1/console/units/close",
  placement: "/api/v1/console/staff/place",
  levels: "/api/v1/console/levels",
  levelMove: "/api/v1/console/levels/move",
  brokerCategory: "/api/v1/console/levels/categories",
  brokerCategorize: "/api/v1/console/levels/categorize",
  appraisal: "/api/v1/console/appraisal",
  appraisalPublish: "/api/v1/console/appraisal/publish",
  appraisalScheme: "/api/v1/console/appraisal/scheme",
  appraisalSchemeRemove: "/api/v1/console/appraisal/scheme/remove",
  clients: "/api/v1/console/clients",
  clientTransfer: "/api/v1/console/clients/transfer",
  scheduledTransfers: "/api/v1/console/clients/transfers/scheduled",
  scheduledTransferCancel: "/api/v1/console/clients/transfers/scheduled/cancel",
  clientShare: "/api/v1/console/clients/share",
  clientShareEnd: "/api/v1/console/clients/share/end",
  handoverPreview: "/api/v1/console/clients/handover/preview",
  handover: "/api/v1/console/clients/handover",
  backups: "/api/v1/console/backups",
  backupTake: "/api/v1/console/backups/take",
  actions: "/api/v1/console/actions",
  actionsXlsx: "/api/v1/console/actions.xlsx",
  disputes: "/api/v1/console/disputes",
  disputeAnswer: "/api/v1/console/disputes/answer",
  statementsPublish: "/api/v1/console/statements/publish",
  library: "/api/v1/console/library",
  libraryDraft: "/api/v1/console/library/draft",
  librarySubmit: "/api/v1/console/library/submit",
  libraryReview: "/api/v1/console/library/review",
} as const;

const VERSION_HEADER = "x-brokerdesk-protocol";

/** A refusal from head office, or the network's failure, with a message for the user. */
export class ConsoleError extends Error {
  readonly code: ApiErrorCode | "network";
  readonly status: number;
  constructor(code: ApiErrorCode | "network", message: string, status: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

type Fetch = typeof fetch;

async function refusal(response: Response): Promise<ConsoleError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as ApiError;
    return new ConsoleError(body.code, body.message, response.status);
  } catch {
    return new ConsoleError("internal", `总部返回了无法识别的答复（HTTP ${response.status}）`, response.status);
  }
}

async function send(fetcher: Fetch, input: string, init: RequestInit): Promise<Response> {
  try {
    return await fetcher(input, init);
  } catch {
    throw new ConsoleError("network", "无法连接总部服务器，请检查网络后重试", 0);
  }
}

/** A random id for this browser, so the sign-in throttle knows it as a usual device. */
export function deviceId(storage: Storage, random: (bytes: Uint8Array<ArrayBuffer>) => void): string {
  const key = "brokerdesk-console-device";
  const known = storage.getItem(key);
  if (known) return known;
  const bytes = new Uint8Array(16);
  random(bytes);
  const made = "console-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  storage.setItem(key, made);
  return made;
}

export class ConsoleSession {
  readonly user: UserProfile;
  private tokens: SessionTokens;
  private renewal: Promise<void> | null = null;
  private readonly protocol: string;
  private readonly device: string;
  private readonly fetcher: Fetch;

  private constructor(tokens: SessionTokens, protocol: string, device: string, fetcher: Fetch) {
    this.tokens = tokens;
    this.user = tokens.user;
    this.protocol = protocol;
    this.device = device;
    this.fetcher = fetcher;
  }

  static async signIn(
    username: string,
    password: string,
    device: string,
    fetcher: Fetch = fetch.bind(window),
  ): Promise<ConsoleSession> {
    const health = await send(fetcher, PATHS.health, { method: "GET" });
    if (!health.ok) throw await refusal(health);
    const protocol = String(((await health.json()) as Health).protocol);
    const response = await send(fetcher, PATHS.signIn, {
      method: "POST",
      headers: { "content-type": "application/json", [VERSION_HEADER]: protocol },
      body: JSON.stringify({ username, password, device_id: device }),
    });
    if (!response.ok) throw await refusal(response);
    const tokens = (await response.json()) as SessionTokens;
    return new ConsoleSession(tokens, protocol, device, fetcher);
  }

  /** GET `path` with `query`, as JSON. */
  async get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    const search = new URLSearchParams(query).toString();
    const response = await this.call(search ? `${path}?${search}` : path, { method: "GET" });
    return (await response.json()) as T;
  }

  /** GET `path` with `query` as a file: its bytes and the name head office gives it. */
  async download(path: string, query: Record<string, string> = {}): Promise<{ blob: Blob; name: string }> {
    const search = new URLSearchParams(query).toString();
    const response = await this.call(search ? `${path}?${search}` : path, { method: "GET" });
    const disposition = response.headers.get("content-disposition") ?? "";
    const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    return { blob: await response.blob(), name: encoded ? decodeURIComponent(encoded) : "download" };
  }

  /** POST `body` as JSON to `path`. */
  async post<T>(path: string, body: unknown): Promise<T> {
    const response = await this.call(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  /** Ends this sign-in at head office; the tokens are forgotten whatever it answers. */
  async signOut(): Promise<void> {
    try {
      await this.call(PATHS.signOut, { method: "POST" });
    } catch {
      // Signed out here either way: the tokens go with this object.
    }
  }

  private async call(path: string, init: RequestInit): Promise<Response> {
    let response = await this.attempt(path, init);
    if (response.status === 401) {
      const first = await refusal(response);
      if (first.code !== "unauthorized") throw first;
      await this.renew();
      response = await this.attempt(path, init);
    }
    if (!response.ok) throw await refusal(response);
    return response;
  }

  private attempt(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${this.tokens.access_token}`);
    headers.set(VERSION_HEADER, this.protocol);
    return send(this.fetcher, path, { ...init, headers });
  }

  private renew(): Promise<void> {
    this.renewal ??= this.refresh().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  private async refresh(): Promise<void> {
    const response = await send(this.fetcher, PATHS.refresh, {
      method: "POST",
      headers: { "content-type": "application/json", [VERSION_HEADER]: this.protocol },
      body: JSON.stringify({ refresh_token: this.tokens.refresh_token, device_id: this.device }),
    });
    if (!response.ok) throw await refusal(response);
    this.tokens = (await response.json()) as SessionTokens;
  }
}

/** Hands a downloaded file to the browser to save under head office's name for it. */
export function saveAs({ blob, name }: { blob: Blob; name: string }): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}
