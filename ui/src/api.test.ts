import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it, vi } from "vitest";
import { api, isIpcError, onLocked, onSessionLost, toIpcError } from "./api";
import type { ProductQuery } from "./bindings/ProductQuery";
import { allClientsQuery } from "./lib/clientQuery";
import { ipcReject } from "./test/fixtures";

describe("toIpcError", () => {
  it("keeps a well-formed IpcError", () => {
    expect(toIpcError({ code: "offline", message: "无法连接总部", extra: 1 })).toEqual({
      code: "offline",
      message: "无法连接总部",
    });
  });

  it("wraps anything else as internal with a Chinese message", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const reason of ["text", new Error("x"), null, { code: "weird", message: "m" }, { code: "offline" }]) {
      const e = toIpcError(reason);
      expect(e.code).toBe("internal");
      expect(e.message).toMatch(/内部错误/);
      expect(isIpcError(reason)).toBe(false);
    }
    spy.mockRestore();
  });
});

describe("api", () => {
  it("sends camelCase argument keys", async () => {
    const seen: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      seen.push([cmd, args]);
      return null;
    });
    await api.clientProfile("C1");
    const query = { ...allClientsQuery(50), search: "张", offset: 50 };
    await api.listClients(query);
    await api.revealField("C1", "id_number", "客户来电核实身份");
    await api.unlockDesk("pw");
    await api.setIdleLockMinutes(5);
    await api.saveFilter("钻石", query);
    await api.signIn({ server_url: "http://h", username: "u", password: "p" });
    const note = { client_id: "C1", channel: "phone", summary: "回访", follow_up_on: "2099-01-02" };
    await api.addContactNote(note);
    await api.refusals();
    await api.dismissRefusal("m-1");
    const productQuery: ProductQuery = { search: "茅台", kinds: ["stock_pick"], risks: ["R3"], pushable_only: true };
    await api.products(productQuery);
    const selection = { client_ids: ["C1"], query: { ...query, holds_security: "600519" } };
    await api.checkRecipients("P1", selection);
    const draft = { product_id: "P1", cover_message: "供参考", client_ids: ["C1"], elderly_confirmed: [] };
    await api.sendRecommendation(draft);
    await api.pushHistory(100);
    await api.pushDetail("push-1");
    await api.clientPushes("C1");
    const filter = { client_id: "C1", board: null, day: null };
    await api.commissionMonth("2024-03-01");
    await api.commissionHistory(24);
    await api.commissionTrades("2024-03-01", filter);
    await api.reconcile("2024-03-01");
    const dispute = { month: "2024-03-01", trade_id: "T-7", comment: "应全额计入" };
    await api.disputeStatement(dispute);
    await api.exportStatement("2024-03-01");
    const reminder = {
      client_id: "C1",
      title: "回访",
      due_on: "2024-03-15",
      due_time: "10:31:00",
      repeat: "weekly",
      note: null,
    } as const;
    await api.todayView();
    await api.agenda();
    await api.remindersBetween("2024-02-23", "2024-04-14");
    await api.addReminder(reminder);
    await api.updateReminder("RM-1", reminder);
    await api.completeReminder("RM-1");
    await api.snoozeReminder("RM-1", 15);
    await api.reminderLog(200);
    await api.bookAlerts();
    expect(seen).toEqual([
      ["client_profile", { clientId: "C1" }],
      ["list_clients", { query }],
      ["reveal_field", { clientId: "C1", field: "id_number", reason: "客户来电核实身份" }],
      ["unlock_desk", { password: "pw" }],
      ["set_idle_lock_minutes", { minutes: 5 }],
      ["save_filter", { name: "钻石", query }],
      ["sign_in", { form: { server_url: "http://h", username: "u", password: "p" } }],
      ["add_contact_note", { note }],
      ["refusals", {}],
      ["dismiss_refusal", { mutationId: "m-1" }],
      ["products", { query: productQuery }],
      ["check_recipients", { productId: "P1", selection }],
      ["send_recommendation", { draft }],
      ["push_history", { limit: 100 }],
      ["push_detail", { pushId: "push-1" }],
      ["client_pushes", { clientId: "C1" }],
      ["commission_month", { month: "2024-03-01" }],
      ["commission_history", { months: 24 }],
      ["commission_trades", { month: "2024-03-01", filter }],
      ["reconcile", { month: "2024-03-01" }],
      ["dispute_statement", { dispute }],
      ["export_statement", { month: "2024-03-01" }],
      ["today_view", {}],
      ["agenda", {}],
      ["reminders_between", { from: "2024-02-23", until: "2024-04-14" }],
      ["add_reminder", { reminder }],
      ["update_reminder", { id: "RM-1", reminder }],
      ["complete_reminder", { id: "RM-1" }],
      ["snooze_reminder", { id: "RM-1", minutes: 15 }],
      ["reminder_log", { limit: 200 }],
      ["book_alerts", {}],
    ]);
  });

  it("rejects with the IpcError and reports a lost session", async () => {
    mockIPC(() => ipcReject({ code: "session_ended", message: "会话已结束，请重新登录" }));
    const lost = vi.fn();
    const off = onSessionLost(lost);
    await expect(api.syncNow()).rejects.toEqual({
      code: "session_ended",
      message: "会话已结束，请重新登录",
    });
    off();
    await expect(api.syncStatus()).rejects.toMatchObject({ code: "session_ended" });
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it("reports a locked desk", async () => {
    mockIPC(() => ipcReject({ code: "locked", message: "工作台已锁定" }));
    const locked = vi.fn();
    const lost = vi.fn();
    const offLocked = onLocked(locked);
    const offLost = onSessionLost(lost);
    await expect(api.accessLog()).rejects.toEqual({ code: "locked", message: "工作台已锁定" });
    offLocked();
    offLost();
    expect(locked).toHaveBeenCalledTimes(1);
    expect(lost).not.toHaveBeenCalled();
  });
});
