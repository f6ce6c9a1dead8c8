import { ClearOutlined, UserAddOutlined } from "@ant-design/icons";
import { Button, Input, Select, Tag, Typography } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { api } from "../../api";
import type { BookTag } from "../../bindings/BookTag";
import type { ClientQuery } from "../../bindings/ClientQuery";
import type { ClientRow } from "../../bindings/ClientRow";
import type { RiskLevel } from "../../bindings/RiskLevel";
import type { SavedFilter } from "../../bindings/SavedFilter";
import type { Tier } from "../../bindings/Tier";
import { useRiskLabel } from "../../components/tags";
import { useT } from "../../i18n/context";
import { allClientsQuery, RISK_LEVELS, TIERS } from "../../lib/clientQuery";
import { needsOf, withNeeds } from "../../lib/needsQuery";
import { SEARCH_DEBOUNCE_MS } from "../ClientsPanel";
import { NeedsFilter } from "../NeedsFilter";
import { EMPTY_RECIPIENT_FILTER, filterIsSet, hasHiddenConditions, type PickedClient } from "./selection";

/** Clients offered at a time when searching by hand. */
export const PICK_LIMIT = 20;

interface Props {
  filter: ClientQuery;
  /** The saved filter the conditions came from, while they are untouched. */
  savedName: string | null;
  onFilter: (filter: ClientQuery, savedName: string | null) => void;
  picked: readonly PickedClient[];
  onPicked: (picked: PickedClient[]) => void;
}

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="recipient-row" data-testid={testId}>
      <Typography.Text type="secondary" className="recipient-row-label">
        {label}
      </Typography.Text>
      <div className="recipient-row-body">{children}</div>
    </div>
  );
}

/**
 * 推送对象: a filter of the book (等级, 风险等级, 标签, 持仓证券, 客户需求, or a saved filter) and clients
 * added by hand.
 */
export function RecipientPicker({ filter, savedName, onFilter, picked, onPicked }: Props) {
  const t = useT();
  const riskLabel = useRiskLabel();
  const [tags, setTags] = useState<BookTag[]>([]);
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [searchText, setSearchText] = useState("");
  const [found, setFound] = useState<ClientRow[]>([]);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    let active = true;
    api.bookTags().then(
      (list) => {
        if (active) setTags(list);
      },
      (reason: unknown) => console.error("cannot load tags", reason),
    );
    api.savedFilters().then(
      (list) => {
        if (active) setSaved(list);
      },
      (reason: unknown) => console.error("cannot load saved filters", reason),
    );
    return () => {
      active = false;
    };
  }, []);

  // Looks clients up as the broker types, once the keys pause.
  useEffect(() => {
    const text = searchText.trim();
    if (text === "") return;
    let active = true;
    const timer = window.setTimeout(() => {
      setSearching(true);
      api.listClients({ ...allClientsQuery(PICK_LIMIT), search: text }).then(
        (page) => {
          if (!active) return;
          setFound(page.rows);
          setSearching(false);
        },
        (reason: unknown) => {
          console.error("cannot search clients", reason);
          if (active) setSearching(false);
        },
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      active = false;
      window.clearTimeout(timer);
    };
  }, [searchText]);

  const set = (patch: Partial<ClientQuery>) => onFilter({ ...filter, ...patch }, null);
  const pick = (id: string) => {
    const row = found.find((c) => c.id === id);
    if (row && !picked.some((c) => c.id === id)) onPicked([...picked, { id: row.id, name: row.name }]);
    setSearchText("");
  };

  return (
    <div className="recipient-picker" data-testid="recipient-picker">
      <Typography.Title level={5} className="compose-section">
        {t("compose.byFilter")}
      </Typography.Title>
      <Row label={t("compose.tier")} testId="filter-tier">
        {TIERS.map((tier: Tier) => (
          <Tag.CheckableTag
            key={tier}
            checked={filter.tiers.includes(tier)}
            onChange={(on) => set({ tiers: toggle(filter.tiers, tier, on) })}
            data-testid={`filter-tier-${tier}`}
          >
            {t(`tier.${tier}`)}
          </Tag.CheckableTag>
        ))}
      </Row>
      <Row label={t("compose.risk")} testId="filter-risk">
        {RISK_LEVELS.map((level: RiskLevel) => (
          <Tag.CheckableTag
            key={level}
            checked={filter.risk_levels.includes(level)}
            onChange={(on) => set({ risk_levels: toggle(filter.risk_levels, level, on) })}
            data-testid={`filter-risk-${level}`}
          >
            {riskLabel(level)}
          </Tag.CheckableTag>
        ))}
      </Row>
      <Row label={t("compose.tag")}>
        <div className="recipient-inline">
          <Select<string>
            allowClear
            showSearch
            placeholder={t("compose.tag")}
            aria-label={t("compose.tag")}
            style={{ width: 180 }}
            value={filter.tag ?? undefined}
            onChange={(tag) => set({ tag: tag ?? null })}
            options={tags.map((tag) => ({
              value: tag.tag,
              label: t("filter.tagOption", { tag: tag.tag, count: tag.clients }),
            }))}
            data-testid="filter-tag"
          />
          <Typography.Text type="secondary">{t("compose.security")}</Typography.Text>
          <Input
            allowClear
            placeholder={t("compose.securityPlaceholder")}
            aria-label={t("compose.security")}
            style={{ width: 200 }}
            value={filter.holds_security ?? ""}
            onChange={(e) => set({ holds_security: e.target.value })}
            data-testid="filter-security"
          />
        </div>
      </Row>
      <Row label={t("filter.needs")} testId="filter-needs">
        <div className="recipient-inline">
          <NeedsFilter
            value={needsOf(filter)}
            onChange={(patch) => onFilter(withNeeds(filter, { ...needsOf(filter), ...patch }), null)}
          />
        </div>
      </Row>
      <Row label={t("compose.saved")}>
        <div className="recipient-inline">
          <Select<string>
            allowClear
            placeholder={t("compose.saved")}
            aria-label={t("compose.saved")}
            style={{ width: 200 }}
            value={savedName ?? undefined}
            notFoundContent={t("compose.savedEmpty")}
            onChange={(name) => {
              const chosen = saved.find((f) => f.name === name);
              onFilter(chosen ? chosen.query : EMPTY_RECIPIENT_FILTER, chosen ? chosen.name : null);
            }}
            options={saved.map((f) => ({ value: f.name, label: f.name }))}
            data-testid="recipient-saved-filter"
          />
          <Button
            icon={<ClearOutlined />}
            disabled={!filterIsSet(filter)}
            onClick={() => onFilter(EMPTY_RECIPIENT_FILTER, null)}
            data-testid="recipient-filter-clear"
          >
            {t("compose.clearFilter")}
          </Button>
        </div>
        {hasHiddenConditions(filter) && (
          <Typography.Text type="secondary" className="recipient-hidden" data-testid="recipient-filter-hidden">
            {t("compose.savedExtra")}
          </Typography.Text>
        )}
      </Row>

      <Typography.Title level={5} className="compose-section">
        {t("compose.byHand")}
      </Typography.Title>
      <Select<string | null>
        showSearch={{ filterOption: false, onSearch: setSearchText, searchValue: searchText }}
        value={null}
        suffixIcon={<UserAddOutlined />}
        placeholder={t("compose.pickClient")}
        aria-label={t("compose.pickClient")}
        style={{ width: "100%", maxWidth: 460 }}
        loading={searching}
        notFoundContent={searchText.trim() === "" ? null : undefined}
        onSelect={(id) => {
          if (id !== null) pick(id);
        }}
        options={(searchText.trim() === "" ? [] : found).map((c) => ({
          value: c.id,
          label: (
            <span data-testid={`pick-option-${c.id}`}>
              {c.name}{" "}
              <Typography.Text type="secondary" className="tabular">
                {c.id} · {t(`tier.${c.tier}`)} · {c.risk_level ? riskLabel(c.risk_level) : t("risk.none")}
              </Typography.Text>
            </span>
          ),
        }))}
        data-testid="client-picker"
      />
      {picked.length > 0 && (
        <div className="picked-clients" data-testid="picked-clients">
          {picked.map((c) => (
            <Tag
              key={c.id}
              closable={{ "aria-label": t("compose.removePicked", { name: c.name }) }}
              onClose={(e) => {
                e.preventDefault();
                onPicked(picked.filter((p) => p.id !== c.id));
              }}
              data-testid={`picked-${c.id}`}
            >
              {c.name} <span className="tabular picked-id">{c.id}</span>
            </Tag>
          ))}
        </div>
      )}
    </div>
  );
}
