import { Checkbox, Segmented, Statistic, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState, type HTMLAttributes } from "react";
import type { RecipientCheck } from "../../bindings/RecipientCheck";
import type { RecipientChecks } from "../../bindings/RecipientChecks";
import type { Verdict } from "../../bindings/Verdict";
import { RiskText, TierTag } from "../../components/tags";
import { useT, type Translate } from "../../i18n/context";
import { VERDICT_LABELS, VerdictTag } from "./tags";

type VerdictFilter = "all" | Verdict["verdict"];
const VERDICT_FILTERS: readonly VerdictFilter[] = ["all", "allowed", "needs_confirmation", "blocked"];

interface Props {
  checks: RecipientChecks;
  /** Clients needing confirmation whom the broker has confirmed, one by one. */
  confirmed: ReadonlySet<string>;
  onConfirm: (clientId: string, confirmed: boolean) => void;
}

function checkColumns(
  t: Translate,
  confirmed: ReadonlySet<string>,
  onConfirm: Props["onConfirm"],
): ColumnsType<RecipientCheck> {
  return [
    {
      title: t("check.colClient"),
      key: "client",
      width: 150,
      render: (_, c) => (
        <div className="client-name-cell">
          <span className="client-name">{c.name}</span>
          <Typography.Text type="secondary" className="client-id tabular">
            {c.client_id}
          </Typography.Text>
        </div>
      ),
    },
    { title: t("check.colTier"), key: "tier", width: 80, render: (_, c) => <TierTag tier={c.tier} /> },
    {
      title: t("check.colRisk"),
      key: "risk",
      width: 130,
      render: (_, c) =>
        c.investor_class === "Professional" ? (
          t("investor.Professional")
        ) : c.risk_level === null ? (
          <Typography.Text type="secondary">{t("risk.none")}</Typography.Text>
        ) : (
          <RiskText level={c.risk_level} />
        ),
    },
    {
      title: t("check.colAge"),
      key: "age",
      width: 70,
      render: (_, c) => (c.age === null ? "—" : <span className="tabular">{t("profile.age", { age: c.age })}</span>),
    },
    {
      title: t("check.colVerdict"),
      key: "verdict",
      width: 100,
      render: (_, c) => <VerdictTag verdict={c.verdict} />,
    },
    {
      title: t("check.colReason"),
      key: "reason",
      render: (_, c) => (
        <div className="check-reason">
          {c.reason && <span data-testid={`check-reason-${c.client_id}`}>{c.reason}</span>}
          {c.verdict.verdict === "needs_confirmation" && (
            <Checkbox
              checked={confirmed.has(c.client_id)}
              onChange={(e) => onConfirm(c.client_id, e.target.checked)}
              data-testid={`confirm-elderly-${c.client_id}`}
            >
              {t("check.confirmElderly")}
            </Checkbox>
          )}
        </div>
      ),
    },
  ];
}

/**
 * The gate's verdict for every selected client: 可推送 · 需确认 · 不可推送, and a row per client.
 * Those needing confirmation have a box to tick one by one; blocked ones are greyed, with why, and
 * can never be ticked.
 */
export function CheckResults({ checks, confirmed, onConfirm }: Props) {
  const t = useT();
  const [shown, setShown] = useState<VerdictFilter>("all");
  const rows = useMemo(
    () => (shown === "all" ? checks.checks : checks.checks.filter((c) => c.verdict.verdict === shown)),
    [checks, shown],
  );
  const columns = useMemo(() => checkColumns(t, confirmed, onConfirm), [t, confirmed, onConfirm]);
  const confirmedCount = checks.checks.filter(
    (c) => c.verdict.verdict === "needs_confirmation" && confirmed.has(c.client_id),
  ).length;

  return (
    <div className="check-results" data-testid="check-results">
      <div className="check-summary" data-testid="check-summary">
        <Statistic
          title={t("check.allowed")}
          value={checks.allowed}
          styles={{ content: { color: "#389e0d" } }}
          data-testid="check-allowed-count"
        />
        <Statistic
          title={t("check.needsConfirmation")}
          value={checks.needs_confirmation}
          styles={{ content: { color: "#d46b08" } }}
          suffix={
            checks.needs_confirmation > 0 ? (
              <Typography.Text type="secondary" className="check-confirmed" data-testid="check-confirmed-count">
                {t("check.confirmed", { confirmed: confirmedCount, total: checks.needs_confirmation })}
              </Typography.Text>
            ) : undefined
          }
          data-testid="check-confirm-count"
        />
        <Statistic
          title={t("check.blocked")}
          value={checks.blocked}
          styles={{ content: { color: "#cf1322" } }}
          data-testid="check-blocked-count"
        />
        <span className="toolbar-spacer" />
        <Segmented<VerdictFilter>
          size="small"
          value={shown}
          onChange={setShown}
          options={VERDICT_FILTERS.map((v) => ({
            value: v,
            label: <span data-testid={`check-filter-${v}`}>{t(v === "all" ? "check.all" : VERDICT_LABELS[v])}</span>,
          }))}
          data-testid="check-filter"
        />
      </div>
      {checks.blocked > 0 && (
        <Typography.Paragraph type="secondary" className="check-note">
          {t("check.blockedNote")}
        </Typography.Paragraph>
      )}
      <Table<RecipientCheck>
        rowKey="client_id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false, size: "small" } : false}
        locale={{ emptyText: t("check.empty") }}
        data-testid="check-table"
        rowClassName={(c) => (c.verdict.verdict === "blocked" ? "check-row-blocked" : "")}
        onRow={(c) => {
          const attrs: Record<string, string> = {
            "data-testid": `check-row-${c.client_id}`,
            "data-verdict": c.verdict.verdict,
          };
          return attrs as HTMLAttributes<HTMLElement>;
        }}
      />
    </div>
  );
}
