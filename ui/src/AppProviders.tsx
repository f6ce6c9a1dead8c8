import { App as AntApp, ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { ReactNode } from "react";
import { useLocale } from "./i18n/context";
import { I18nProvider } from "./i18n/I18nProvider";

const FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", ' +
  '"WenQuanYi Micro Hei", -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: "#1d4ed8",
    colorInfo: "#1d4ed8",
    fontFamily: FONT_FAMILY,
    fontSize: 13,
    borderRadius: 4,
    // No sliding or fading: a workstation used all day should answer at once, and WebKitGTK
    // without a compositor can miss the transition-end events that finish antd's motions.
    motion: false,
  },
  components: {
    Layout: { siderBg: "#0f172a", headerBg: "#ffffff", bodyBg: "#f1f5f9" },
    Menu: { darkItemBg: "#0f172a", darkSubMenuItemBg: "#0f172a", darkItemSelectedBg: "#1d4ed8" },
    Table: { headerBg: "#f8fafc" },
  },
};

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={locale === "en" ? enUS : zhCN}
      theme={THEME}
      button={{ autoInsertSpace: false }}
    >
      <AntApp className="antd-app">{children}</AntApp>
    </ConfigProvider>
  );
}

/** Language, antd theme and locale, and antd's App context for message/modal. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <Themed>{children}</Themed>
    </I18nProvider>
  );
}
