import { Tag, Tooltip } from "antd";
import type { Board } from "../../bindings/Board";
import type { CreditRole } from "../../bindings/CreditRole";
import type { DifferenceKind } from "../../bindings/DifferenceKind";
import type { DisputeStatus } from "../../bindings/DisputeStatus";
import { useT } from "../../i18n/context";

export const BOARDS: readonly Board[] = ["main", "chi_next", "star", "beijing", "fund", "other"];

const tagStyle = { marginInlineEnd: 0 } as const;

const ROLE_COLORS: Record<CreditRole, string> = {
  both: "blue",
  serving: "cyan",
  developing: "purple",
  co_serving: "geekblue",
};

/** 开发并服务 / 服务 / 开发 / 共同服务: how the broker stands to the trade's client. */
export function RoleTag({ role }: { role: CreditRole }) {
  const t = useT();
  return (
    <Tag color={ROLE_COLORS[role]} variant="outlined" style={tagStyle} data-role={role}>
      {t(`role.${role}`)}
    </Tag>
  );
}

/** 来自结算单, with why on hover: a client the broker brought in, served by a colleague. */
export function FromStatementTag() {
  const t = useT();
  return (
    <Tooltip title={t("drill.fromStatementHint")}>
      <Tag color="orange" style={tagStyle} data-testid="from-statement">
        {t("drill.fromStatement")}
      </Tag>
    </Tooltip>
  );
}

const KIND_COLORS: Record<DifferenceKind, string> = {
  amount: "gold",
  only_desk: "volcano",
  only_statement: "geekblue",
};

/** 金额不符 / 结算单未计入 / 本机无此成交. */
export function DifferenceKindTag({ kind }: { kind: DifferenceKind }) {
  const t = useT();
  return (
    <Tag color={KIND_COLORS[kind]} style={tagStyle} data-kind={kind}>
      {t(`reconcile.kind.${kind}`)}
    </Tag>
  );
}

const STATUS_COLORS: Record<DisputeStatus, string> = {
  open: "processing",
  resolved: "green",
  rejected: "default",
};

/** 待同步 while still in the outbox, then head office's 处理中 / 已解决 / 不予调整. */
export function DisputeStatusTag({ status, pending }: { status: DisputeStatus; pending: boolean }) {
  const t = useT();
  const testId = "dispute-status";
  if (pending) {
    return (
      <Tag color="warning" style={tagStyle} data-testid={testId} data-status="pending">
        {t("dispute.status.pending")}
      </Tag>
    );
  }
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle} data-testid={testId} data-status={status}>
      {t(`dispute.status.${status}`)}
    </Tag>
  );
}
