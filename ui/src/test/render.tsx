import { render, type RenderResult } from "@testing-library/react";
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
