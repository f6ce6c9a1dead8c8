import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { AppProviders } from "../../AppProviders";
import type { ClientProfile } from "../../bindings/ClientProfile";
import { accessEntry, ipcReject, profile } from "../../test/fixtures";
import { mockDesk } from "../../test/mockDesk";
import { renderWithProviders } from "../../test/render";
import { ClientProfileDrawer } from "../ClientProfileDrawer";

describe("客户360", () => {
  it("reveals the ID number for a reason, shows it in place and the new access-log entry", async () => {
    let current: ClientProfile = profile;
    const reveals: unknown[] = [];
    mockDesk((cmd, args) => {
      if (cmd === "client_profile") return current;
      if (cmd === "reveal_field") {
        reveals.push(args);
        if (String(args.reason).trim().length < 4)
          return ipcReject({ code: "validation", message: "请填写查看或导出的事由（至少 4 个字）" });
        current = { ...profile, access_log: [accessEntry()] };
        return "310101197601011234";
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);

    expect(await screen.findByTestId("profile-id-number")).toHaveTextContent(/^3101\*{10}123X$/);
    await user.click(screen.getByTestId("reveal-id-number"));
    expect(await screen.findByText("查看完整身份证号")).toBeInTheDocument();

    // The form asks for a reason before anything is sent.
    await user.click(screen.getByTestId("reveal-submit"));
    expect(await screen.findByText("请填写查看事由（至少 4 个字）")).toBeInTheDocument();
    expect(reveals).toEqual([]);

    await user.type(screen.getByTestId("reveal-reason"), "客户来电核实身份");
    await user.click(screen.getByTestId("reveal-submit"));
    await waitFor(() => expect(screen.getByTestId("profile-id-number")).toHaveTextContent("310101197601011234"));
    expect(reveals).toEqual([{ clientId: "C000123", field: "id_number", reason: "客户来电核实身份" }]);
    // Only the ID number: the mobile stays masked.
    expect(screen.getByTestId("profile-mobile")).toHaveTextContent(/^138\*{4}5678$/);

    await user.click(screen.getByTestId("profile-tab-access"));
    const entry = await screen.findByTestId("access-log-entry");
    expect(entry).toHaveTextContent("查看身份证号");
    expect(entry).toHaveTextContent("客户来电核实身份");
    expect(entry).toHaveTextContent("待同步");

    await user.click(screen.getByTestId("hide-id-number"));
    expect(screen.getByTestId("profile-id-number")).toHaveTextContent(/^3101\*{10}123X$/);
  });

  it("names a shared client's co-server and their part of the service credit; none otherwise", async () => {
    let current: ClientProfile = {
      ...profile,
      co_server: { broker_id: "B0099", broker_name: "赵敏", share: 3_000_000, since: "2026-12-06" },
    };
    mockDesk((cmd) => (cmd === "client_profile" ? current : undefined));
    const first = renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    const co = await screen.findByTestId("profile-co-server");
    expect(co).toHaveTextContent("赵敏");
    expect(co).toHaveTextContent("分得服务佣金 30%，自 2026-12-06 起");
    first.unmount();

    current = profile;
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    await screen.findByTestId("profile-id-number");
    expect(screen.queryByTestId("profile-co-server")).toBeNull();
  });

  it("shows the backend's refusal of a reveal in the modal", async () => {
    mockDesk((cmd) =>
      cmd === "reveal_field" ? ipcReject({ code: "validation", message: "事由不能超过 200 字" }) : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);
    await user.click(await screen.findByTestId("reveal-mobile"));
    await user.type(await screen.findByTestId("reveal-reason"), "回访前核对号码");
    await user.click(screen.getByTestId("reveal-submit"));
    expect(await screen.findByTestId("reveal-error")).toHaveTextContent("事由不能超过 200 字");
    expect(screen.getByTestId("profile-mobile")).toHaveTextContent(/^138\*{4}5678$/);
  });

  it("shows the header, charts, trades with fees, cash, service records and follow-ups", async () => {
    mockDesk();
    const user = userEvent.setup();
    renderWithProviders(<ClientProfileDrawer clientId="C000123" onClose={vi.fn()} />);

    const header = await screen.findByTestId("profile-header");
    expect(within(header).getByText("48 岁")).toBeInTheDocument();
    expect(within(header).getByText("王丽")).toBeInTheDocument();
    expect(within(header).getByText("李强")).toBeInTheDocument();
    expect(within(header).getByText("偏好红利")).toBeInTheDocument();
    expect(within(header).getByText("有效")).toBeInTheDocument();
    expect(screen.getByTestId("asset-trend-chart")).toBeInTheDocument();
    expect(within(screen.getByTestId("allocation-donut")).getAllByText("股票").length).toBeGreaterThan(0);
    expect(within(screen.getByTestId("reminders")).getByText("回访：分红政策")).toBeInTheDocument();

    await user.click(screen.getByTestId("profile-tab-trades"));
    const trades = await screen.findByTestId("profile-trades");
    for (const title of ["佣金", "经手费", "证管费", "过户费", "印花税", "净佣金"]) {
      expect(within(trades).getAllByText(title).length).toBeGreaterThan(0);
    }
    expect(within(trades).getByText("买入")).toBeInTheDocument();
    expect(within(trades).getByText("1,700.000")).toBeInTheDocument();
    expect(within(trades).getAllByText("¥41.58").length).toBeGreaterThan(0);

    await user.click(screen.getByTestId("profile-tab-cash"));
    expect(await screen.findByTestId("cash-in-12m")).toHaveTextContent("¥100,000.00");
    expect(screen.getByTestId("cash-net-12m")).toHaveTextContent("+¥75,000.00");

    await user.click(screen.getByTestId("profile-tab-service"));
    const service = await screen.findByTestId("profile-service");
    expect(within(service).getByTestId("service-read-only")).toHaveTextContent("回访由总部客服进行");
    expect(within(service).getByText("对交易系统卡顿不满")).toBeInTheDocument();
    expect(within(service).getByText("TS20240110-000001")).toBeInTheDocument();
    expect(within(service).getByText("结案")).toBeInTheDocument();
    expect(within(service).getByText("客户满意")).toBeInTheDocument();
  });

  it("opens a related client in the book from 关系", async () => {
    const asked: unknown[] = [];
    mockDesk((cmd, args) => {
      if (cmd !== "client_profile") return undefined;
      asked.push(args.clientId);
      return args.clientId === "C000456" ? { ...profile, id: "C000456", name: "李四" } : profile;
    });
    const onOpen = vi.fn();
    const user = userEvent.setup();
    const { rerender } = renderWithProviders(
      <ClientProfileDrawer clientId="C000123" onClose={vi.fn()} onOpenClient={onOpen} />,
    );
    await user.click(await screen.findByTestId("profile-tab-relations"));
    const relations = await screen.findByTestId("profile-relations");
    expect(within(relations).getByText("配偶")).toBeInTheDocument();
    expect(within(relations).getByText(/不在您的名下/)).toBeInTheDocument();
    expect(within(relations).getAllByTestId("relation-link")).toHaveLength(1);

    await user.click(within(relations).getByText("李四"));
    expect(onOpen).toHaveBeenCalledWith("C000456");
    rerender(
      <AppProviders>
        <ClientProfileDrawer clientId="C000456" onClose={vi.fn()} onOpenClient={onOpen} />
      </AppProviders>,
    );
    expect(await screen.findByTestId("profile-name")).toHaveTextContent("李四");
    expect(asked).toEqual(["C000123", "C000456"]);
  });
});
