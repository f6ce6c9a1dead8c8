import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { LocalData } from "../bindings/LocalData";
import { signedOut } from "../test/fixtures";
import { mockDesk } from "../test/mockDesk";
import { renderWithProviders } from "../test/render";
import { SignOutDialog } from "./SignOutDialog";

const local = (overrides: Partial<LocalData> = {}): LocalData => ({
  pending: 0,
  own_reminders: 3,
  saved_filters: 2,
  conflicts: 0,
  refusals: 1,
  pushes: 0,
  ...overrides,
});

describe("SignOutDialog", () => {
  it("keeps the cache by default and names what a wipe would delete", async () => {
    const asked: unknown[] = [];
    mockDesk((cmd, args) => {
      if (cmd === "local_data") return local();
      if (cmd === "sign_out") {
        asked.push(args.wipe);
        return signedOut;
      }
      return undefined;
    });
    const onSession = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<SignOutDialog open onClose={vi.fn()} onSession={onSession} />);

    const listed = await screen.findByTestId("sign-out-local");
    expect(listed).toHaveTextContent("3 条未完成的个人提醒");
    expect(listed).toHaveTextContent("2 个保存的筛选");
    expect(listed).toHaveTextContent("1 条被总部退回的记录及其内容");
    expect(listed).not.toHaveTextContent("冲突");
    await user.click(screen.getByTestId("sign-out-confirm"));
    await waitFor(() => expect(onSession).toHaveBeenCalledWith(signedOut));
    expect(asked).toEqual([false]);
  });

  it("wipes only when nothing waits to be synced", async () => {
    const asked: unknown[] = [];
    let waiting = 2;
    mockDesk((cmd, args) => {
      if (cmd === "local_data") return local({ pending: waiting });
      if (cmd === "sign_out") {
        asked.push(args.wipe);
        return signedOut;
      }
      return undefined;
    });
    const user = userEvent.setup();
    const { unmount } = renderWithProviders(<SignOutDialog open onClose={vi.fn()} onSession={vi.fn()} />);
    expect(await screen.findByTestId("sign-out-pending")).toHaveTextContent("还有 2 条变更尚未同步到总部");
    expect(screen.getByTestId("sign-out-wipe")).toBeDisabled();
    unmount();

    waiting = 0;
    renderWithProviders(<SignOutDialog open onClose={vi.fn()} onSession={vi.fn()} />);
    await screen.findByTestId("sign-out-local");
    await user.click(screen.getByTestId("sign-out-wipe"));
    await waitFor(() => expect(asked).toEqual([true]));
  });
});
