import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ipcReject } from "../../test/fixtures";
import { clientPush, product } from "../../test/recommendFixtures";
import { mockDesk } from "../../test/mockDesk";
import { renderWithProviders } from "../../test/render";
import { ClientProfileDrawer } from "../ClientProfileDrawer";

describe("客户360 推荐记录", () => {
  it("lists what was pushed to the client, with status, reply and reason", async () => {
    const asked: unknown[] = [];
    mockDesk((cmd, args) => {
      if (cmd !== "client_pushes") return undefined;
      asked.push(args);
      return [
        clientPush({ push_id: "push-3", state: "pending", status: null, reply: null, sent_at: "2024-03-02T01:00:00Z" }),
        clientPush({
          push_id: "push-2",
          product: product({ title: "成长精选混合基金", risk: "R5" }),
          state: "refused",
          status: null,
          reply: null,
          reason: "产品已撤回，推送未发出",
        }),
        clientPush(),
      ];
    });
    const user = userEvent.setup();
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);

    await user.click(await screen.findByTestId("profile-tab-pushes"));
    expect(screen.getByTestId("profile-tab-pushes")).toHaveTextContent("推荐记录");
    const pending = await screen.findByTestId("client-push-push-3");
    expect(asked).toEqual([{ clientId: "C000123" }]);
    expect(pending).toHaveTextContent("2024-03-02 09:00");
    expect(pending).toHaveTextContent("待同步");
    expect(pending).toHaveTextContent("R3 中风险");

    const refused = screen.getByTestId("client-push-push-2");
    expect(refused).toHaveTextContent("成长精选混合基金");
    expect(refused).toHaveTextContent("R5 高风险");
    expect(refused).toHaveTextContent("总部拒绝");
    expect(refused).toHaveTextContent("产品已撤回，推送未发出");

    const replied = screen.getByTestId("client-push-push-1");
    expect(within(replied).getByText("已回复")).toBeInTheDocument();
    expect(replied).toHaveTextContent("收到，谢谢");
  });

  it("says so when nothing was pushed, and shows a load failure", async () => {
    mockDesk();
    const user = userEvent.setup();
    const view = renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    await user.click(await screen.findByTestId("profile-tab-pushes"));
    expect(await within(screen.getByTestId("profile-pushes")).findByText("暂无推荐记录")).toBeInTheDocument();
    view.unmount();

    mockDesk((cmd) =>
      cmd === "client_pushes" ? ipcReject({ code: "storage", message: "本机数据读取失败" }) : undefined,
    );
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    await user.click(await screen.findByTestId("profile-tab-pushes"));
    expect(await screen.findByTestId("profile-pushes-error")).toHaveTextContent("本机数据读取失败");
  });
});
