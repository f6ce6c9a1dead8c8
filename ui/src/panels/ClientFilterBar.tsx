import { ClearOutlined } from "@ant-design/icons";
import { Button, InputNumber, Select, Space, Switch, Typography } from "antd";
import type { AssessmentStatus } from "../bindings/AssessmentStatus";
import type { BookTag } from "../bindings/BookTag";
import type { RiskLevel } from "../bindings/RiskLevel";
import type { Tier } from "../bindings/Tier";
import { useRiskLabel } from "../components/tags";
import { useT } from "../i18n/context";
import { NeedsFilter } from "./NeedsFilter";
import {
  ASSESSMENT_STATUSES,
  CONTACT_FILTERS,
  RISK_LEVELS,
  TIERS,
  type ClientFilters,
  type ContactFilter,
} from "../lib/clientQuery";

interface Props {
  filters: ClientFilters;
  onChange: (filters: ClientFilters) => void;
  /** Every tag of the book, for the tag filter. */
  tags: BookTag[];
  /** Clears filters and search; disabled when there is nothing to clear. */
  onClear: () => void;
  canClear: boolean;
}

/** Text InputNumber gives in stringMode, as the filter keeps it. */
const wanText = (value: string | number | null): string | null =>
  value === null || value === "" ? null : String(value);

/** 客户等级, 风险等级, 测评, 总资产 (万元), 标签, 联系情况, 需求分析, 仅看休眠客户 and 清空. */
export function ClientFilterBar({ filters, onChange, tags, onClear, canClear }: Props) {
  const t = useT();
  const riskLabel = useRiskLabel();
  const set = (patch: Partial<ClientFilters>) => onChange({ ...filters, ...patch });

  return (
    <div className="filter-bar" data-testid="client-filters">
      <Select<Tier[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("filter.tier")}
        aria-label={t("filter.tier")}
        style={{ width: 170 }}
        value={filters.tiers}
        onChange={(tiers) => set({ tiers })}
        options={TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }))}
        data-testid="filter-tier"
      />
      <Select<RiskLevel[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("filter.risk")}
        aria-label={t("filter.risk")}
        style={{ width: 180 }}
        value={filters.riskLevels}
        onChange={(riskLevels) => set({ riskLevels })}
        options={RISK_LEVELS.map((level) => ({ value: level, label: riskLabel(level) }))}
        data-testid="filter-risk"
      />
      <Select<AssessmentStatus[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t("filter.assessment")}
        aria-label={t("filter.assessment")}
        style={{ width: 170 }}
        value={filters.assessment}
        onChange={(assessment) => set({ assessment })}
        options={ASSESSMENT_STATUSES.map((s) => ({ value: s, label: t(`assessment.${s}`) }))}
        data-testid="filter-assessment"
      />
      <Space.Compact className="filter-assets">
        <Space.Addon>{t("filter.assets")}</Space.Addon>
        <InputNumber<string>
          stringMode
          min="0"
          step="10"
          placeholder={t("filter.assetsMin")}
          aria-label={`${t("filter.assets")} ${t("filter.assetsMin")}`}
          style={{ width: 90 }}
          value={filters.assetsMinWan}
          onChange={(v) => set({ assetsMinWan: wanText(v) })}
          data-testid="filter-assets-min"
        />
        <Space.Addon>–</Space.Addon>
        <InputNumber<string>
          stringMode
          min="0"
          step="10"
          placeholder={t("filter.assetsMax")}
          aria-label={`${t("filter.assets")} ${t("filter.assetsMax")}`}
          style={{ width: 90 }}
          value={filters.assetsMaxWan}
          onChange={(v) => set({ assetsMaxWan: wanText(v) })}
          data-testid="filter-assets-max"
        />
        <Space.Addon>{t("filter.wan")}</Space.Addon>
      </Space.Compact>
      <Select<string>
        allowClear
        showSearch
        placeholder={t("filter.tag")}
        aria-label={t("filter.tag")}
        style={{ width: 150 }}
        value={filters.tag ?? undefined}
        onChange={(tag) => set({ tag: tag ?? null })}
        options={tags.map((tag) => ({
          value: tag.tag,
          label: t("filter.tagOption", { tag: tag.tag, count: tag.clients }),
        }))}
        data-testid="filter-tag"
      />
      <Select<ContactFilter>
        allowClear
        placeholder={t("filter.contact")}
        aria-label={t("filter.contact")}
        style={{ width: 150 }}
        value={filters.contact ?? undefined}
        onChange={(contact) => set({ contact: contact ?? null })}
        options={CONTACT_FILTERS.map((c) => ({ value: c.value, label: t(`filter.contact.${c.value}`) }))}
        data-testid="filter-contact"
      />
      <NeedsFilter value={filters.needs} onChange={(patch) => set({ needs: { ...filters.needs, ...patch } })} />
      <label className="filter-switch">
        <Switch
          size="small"
          checked={filters.dormantOnly}
          onChange={(dormantOnly) => set({ dormantOnly })}
          data-testid="filter-dormant"
        />
        <Typography.Text>{t("filter.dormant")}</Typography.Text>
      </label>
      <Button icon={<ClearOutlined />} onClick={onClear} disabled={!canClear} data-testid="filter-clear">
        {t("filter.clear")}
      </Button>
    </div>
  );
}
