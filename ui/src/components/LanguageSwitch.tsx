import { Segmented } from "antd";
import { useLocale, useT } from "../i18n/context";
import { LOCALE_NAMES, type Locale } from "../i18n/messages";

const OPTIONS = (Object.keys(LOCALE_NAMES) as Locale[]).map((value) => ({
  value,
  label: LOCALE_NAMES[value],
}));

export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t("header.language")}
      data-testid="language-switch"
      options={OPTIONS}
      value={locale}
      onChange={setLocale}
    />
  );
}
