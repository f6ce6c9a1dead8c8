import { createContext, useContext } from "react";
import { MESSAGES, interpolate, type Locale, type MessageKey } from "./messages";

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

export function translator(locale: Locale): Translate {
  const dict = MESSAGES[locale];
  return (key, vars) => interpolate(dict[key], vars);
}

export const I18nContext = createContext<I18nValue>({
  locale: "zh-CN",
  setLocale: () => undefined,
  t: translator("zh-CN"),
});

/** The translate function for the current language. */
export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): Pick<I18nValue, "locale" | "setLocale"> {
  const { locale, setLocale } = useContext(I18nContext);
  return { locale, setLocale };
}
