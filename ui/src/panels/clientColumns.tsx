import { Typography } from "antd";
import type { TableProps } from "antd";
import type { ColumnsType, SortOrder } from "antd/es/table/interface";
import type { ClientRow } from "../bindings/ClientRow";
import type { ClientSort } from "../bindings/ClientSort";
import type { ClientSortField } from "../bindings/ClientSortField";
import { AssessmentTag, ClientTags, RiskText, TierTag } from "../components/tags";
import type { Translate } from "../i18n/context";
import { formatFen, formatInstantDate } from "../lib/format";

/** The direction a column sorts in first when its header is clicked. */
export const FIRST_DESCENDING: Record<ClientSortField, boolean> = {
  total_assets: true,
  name: false,
  last_contact: true,
  assessment_expiry: false,
  opened_on: true,
};

/** Column keys whose header sorts the list (server side), and by what. */
const SORT_BY_COLUMN: Partial<Record<string, ClientSortField>> = {
  name: "name",
  assessment: "assessment_expiry",
  assets: "total_assets",
  lastContact: "last_contact",
};

/** Total of the column widths: the virtual table's scroll width. */
export const CLIENT_TABLE_WIDTH = 1000;

function sortable(field: ClientSortField, sort: ClientSort) {
  const first: SortOrder = FIRST_DESCENDING[field] ? "descend" : "ascend";
  const second: SortOrder = FIRST_DESCENDING[field] ? "ascend" : "descend";
  const order: SortOrder = sort.field === field ? (sort.descending ? "descend" : "ascend") : null;
  // Cycling first → second → first: a header click never falls back to "unsorted".
  return { sorter: true, sortOrder: order, sortDirections: [first, second, first] };
}

export function clientColumns(t: Translate, sort: ClientSort): ColumnsType<ClientRow> {
  return [
    {
      title: t("clients.colName"),
      key: "name",
      width: 270,
      ...sortable("name", sort),
      render: (_, row) => (
        <div className="client-name-cell">
          <span className="client-name">{row.name}</span>
          <Typography.Text type="secondary" className="client-id tabular">
            {row.id}
          </Typography.Text>
          {row.tags.length > 0 && <ClientTags tags={row.tags} max={2} />}
        </div>
      ),
    },
    {
      title: t("clients.colMobile"),
      key: "mobile",
      width: 130,
      render: (_, row) => <span className="tabular">{row.mobile_masked}</span>,
    },
    {
      title: t("clients.colTier"),
      key: "tier",
      width: 80,
      render: (_, row) => <TierTag tier={row.tier} />,
    },
    {
      title: t("clients.colRisk"),
      key: "risk",
      width: 120,
      render: (_, row) => <RiskText level={row.risk_level} />,
    },
    {
      title: t("clients.colAssessment"),
      key: "assessment",
      width: 120,
      ...sortable("assessment_expiry", sort),
      render: (_, row) => (
        <span title={row.assessment_expires_on ?? undefined}>
          <AssessmentTag status={row.assessment_status} />
        </span>
      ),
    },
    {
      title: t("clients.colAssets"),
      key: "assets",
      align: "right",
      width: 160,
      ...sortable("total_assets", sort),
      render: (_, row) => <span className="tabular">{formatFen(row.total_assets)}</span>,
    },
    {
      title: t("clients.colLastContact"),
      key: "lastContact",
      width: 120,
      ...sortable("last_contact", sort),
      render: (_, row) =>
        row.last_contact_at ? (
          <span className="tabular">{formatInstantDate(row.last_contact_at)}</span>
        ) : (
          <Typography.Text type="secondary">{t("clients.noContact")}</Typography.Text>
        ),
    },
  ];
}

type SorterArg = Parameters<NonNullable<TableProps<ClientRow>["onChange"]>>[2];

/** The sort a header click asks for; null when the click was not on a sortable header. */
export function sortFromTable(sorter: SorterArg): ClientSort | null {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = s ? SORT_BY_COLUMN[String(s.columnKey)] : undefined;
  if (!s || !field) return null;
  const descending = s.order ? s.order === "descend" : FIRST_DESCENDING[field];
  return { field, descending };
}
