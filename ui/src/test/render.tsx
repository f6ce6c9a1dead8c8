import { render, type RenderResult } from "@testing-library/react";
import type { ReactElement } from "react";
import { AppProviders } from "../AppProviders";

/** Renders inside the same providers as the app (language, antd theme and App context). */
export function renderWithProviders(ui: ReactElement): RenderResult {
  return render(<AppProviders>{ui}</AppProviders>);
}
