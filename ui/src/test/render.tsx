import { render, waitFor, type RenderResult } from "@testing-library/react";
import { expect } from "vitest";
import type { ReactElement } from "react";
import { AppProviders } from "../AppProviders";
import { ClientDrawerProvider } from "../components/ClientDrawer";

/**
 * Renders inside the same providers as the app (language, antd theme and App context) and the
 * workstation's 客户360 drawer, which panels open clients in.
 */
export function renderWithProviders(ui: ReactElement): RenderResult {
  return render(
    <AppProviders>
      <ClientDrawerProvider>{ui}</ClientDrawerProvider>
    </AppProviders>,
  );
}

/**
 * Waits until nothing in `region` is loading. While antd's Spin spins (a table's `loading`), its
 * container takes pointer events away (`.ant-spin-spinning .ant-spin-container`), as a broker's
 * mouse cannot click through the spinner; on a loaded machine rows can show before the last
 * load ends, and a click then is refused.
 */
export async function loaded(region: HTMLElement): Promise<void> {
  await waitFor(() => expect(region.querySelector(".ant-spin-spinning")).toBeNull());
}
