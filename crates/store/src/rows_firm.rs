//! Mirrored tables that are not a client's: the research library and push deliveries, pay
//! statements and disputes, leads' tasks. What head office sends is its answer: not pending.

use crate::feed_table::{side_code, wrong_kind, FeedTable};
use protocol::{EntityKind, Record};
use rusqlite::params;

pub(crate) const PRODUCTS: FeedTable = FeedTable {
    kind: EntityKind::Product,
    table: "products",
    follows_client: false,
    columns: &[
        "id",
        "product_kind",
        "title",
        "summary",
        "risk",
        "version",
        "approval",
        "valid_from",
        "valid_until",
        "security_code",
        "author",
        "approval_ref",
        "body",
        "target_investors",
    ],
    bind: |stmt, record| {
        let Record::Product(p) = record else {
            return Err(wrong_kind(EntityKind::Product, record));
        };
        Ok(stmt.execute(params![
            p.id,
            p.product_kind.as_str(),
            p.title,
            p.summary,
            p.risk.code(),
            p.version,
            p.approval.as_str(),
            p.valid_from,
            p.valid_until,
            p.security_code,
            p.author,
            p.approval_ref,
            p.body,
            p.target_investors.code()
        ])?)
    },
};

pub(crate) const PUSH_DELIVERIES: FeedTable = FeedTable {
    kind: EntityKind::PushDelivery,
    table: "push_deliveries",
    follows_client: false,
    columns: &[
        "id",
        "push_id",
        "client_id",
        "status",
        "reason",
        "reply",
        "updated_at",
    ],
    bind: |stmt, record| {
        let Record::PushDelivery(d) = record else {
            return Err(wrong_kind(EntityKind::PushDelivery, record));
        };
        Ok(stmt.execute(params![
            d.id,
            d.push_id,
            d.client_id,
            d.status.as_str(),
            d.reason,
            d.reply,
            d.updated_at
        ])?)
    },
};

pub(crate) const STATEMENTS: FeedTable = FeedTable {
    kind: EntityKind::Statement,
    table: "statements",
    follows_client: false,
    columns: &[
        "id",
        "month",
        "published_at",
        "credited",
        "threshold",
        "share",
        "bonus",
        "base",
        "adjustments",
        "adjustment_note",
        "total",
        "allowance",
    ],
    bind: |stmt, record| {
        let Record::Statement(s) = record else {
            return Err(wrong_kind(EntityKind::Statement, record));
        };
        Ok(stmt.execute(params![
            s.id,
            s.month,
            s.published_at,
            s.credited.0,
            s.threshold.0,
            s.share.0,
            s.bonus.0,
            s.base.0,
            s.adjustments.0,
            s.adjustment_note,
            s.total.0,
            s.allowance.0
        ])?)
    },
};

pub(crate) const STATEMENT_LINES: FeedTable = FeedTable {
    kind: EntityKind::StatementLine,
    table: "statement_lines",
    follows_client: false,
    columns: &[
        "id",
        "statement_id",
        "trade_id",
        "client_id",
        "client_name",
        "traded_at",
        "security_code",
        "side",
        "amount",
        "commission_rate",
        "waive_minimum",
        "role",
        "net_commission",
        "credited",
    ],
    bind: |stmt, record| {
        let Record::StatementLine(l) = record else {
            return Err(wrong_kind(EntityKind::StatementLine, record));
        };
        Ok(stmt.execute(params![
            l.id,
            l.statement_id,
            l.trade_id,
            l.client_id,
            l.client_name,
            l.traded_at,
            l.security_code,
            side_code(l.side),
            l.amount.0,
            l.commission_rate.0,
            l.waive_minimum,
            l.role.as_str(),
            l.net_commission.0,
            l.credited.0
        ])?)
    },
};

pub(crate) const DISPUTES: FeedTable = FeedTable {
    kind: EntityKind::Dispute,
    table: "disputes",
    follows_client: false,
    columns: &[
        "id",
        "statement_id",
        "trade_id",
        "client_id",
        "desk_amount",
        "statement_amount",
        "comment",
        "raised_at",
        "status",
        "answer",
        "pending",
    ],
    bind: |stmt, record| {
        let Record::Dispute(d) = record else {
            return Err(wrong_kind(EntityKind::Dispute, record));
        };
        Ok(stmt.execute(params![
            d.id,
            d.statement_id,
            d.trade_id,
            d.client_id,
            d.desk_amount.0,
            d.statement_amount.0,
            d.comment,
            d.raised_at,
            d.status.as_str(),
            d.answer,
            0
        ])?)
    },
};

pub(crate) const TASKS: FeedTable = FeedTable {
    kind: EntityKind::Task,
    table: "tasks",
    follows_client: false,
    columns: &[
        "id",
        "title",
        "detail",
        "client_id",
        "assigned_by_name",
        "due_on",
        "done_at",
        "pending",
    ],
    bind: |stmt, record| {
        let Record::Task(t) = record else {
            return Err(wrong_kind(EntityKind::Task, record));
        };
        Ok(stmt.execute(params![
            t.id,
            t.title,
            t.detail,
            t.client_id,
            t.assigned_by_name,
            t.due_on,
            t.done_at,
            0
        ])?)
    },
};
