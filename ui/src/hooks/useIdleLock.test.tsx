import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { act, fireEvent, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signedIn } from "../test/fixtures";
import { ACTIVITY_REPORT_MS, useActivityReport, useIdleTimer } from "./useIdleLock";

/** Moves the fake clock on, inside act. */
function advance(ms: number): void {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe("useIdleTimer", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("fires after the idle minutes, and activity starts the wait again", () => {
    const onIdle = vi.fn();
    renderHook(() => useIdleTimer(10, onIdle));

    advance(9 * 60_000);
    for (const fire of [
      () => fireEvent.mouseMove(window),
      () => fireEvent.keyDown(window, { key: "a" }),
    ]) {
      fire();
      advance(9 * 60_000);
      expect(onIdle).not.toHaveBeenCalled();
    }
    fireEvent.wheel(window);
    advance(10 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("does nothing without a time, and stops when unmounted", () => {
    const onIdle = vi.fn();
    const { rerender, unmount } = renderHook(({ minutes }) => useIdleTimer(minutes, onIdle), {
      initialProps: { minutes: null as number | null },
    });
    advance(60 * 60_000);
    expect(onIdle).not.toHaveBeenCalled();

    rerender({ minutes: 1 });
    advance(60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    unmount();
    advance(10 * 60_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});

describe("useActivityReport", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    clearMocks();
  });

  it("reports activity to the desk, asks otherwise, and hands over a lock the desk made", async () => {
    const calls: string[] = [];
    let lockedByDesk = false;
    mockIPC((cmd) => {
      calls.push(cmd);
      return { ...signedIn, locked: lockedByDesk };
    });
    const onLocked = vi.fn();
    renderHook(() => useActivityReport(onLocked));

    fireEvent.keyDown(window, { key: "a" });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ACTIVITY_REPORT_MS);
    });
    expect(calls).toEqual(["note_activity"]);
    expect(onLocked).not.toHaveBeenCalled();

    // Nobody at the desk: it asks, and the desk (whose clock counted a suspend) says locked.
    lockedByDesk = true;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ACTIVITY_REPORT_MS);
    });
    expect(calls).toEqual(["note_activity", "session_state"]);
    expect(onLocked).toHaveBeenCalledWith(expect.objectContaining({ locked: true }));
  });
});
