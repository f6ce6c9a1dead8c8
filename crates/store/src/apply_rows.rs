//! How each mirrored record maps onto its table on the desk: one place for the column lists and
//! the bindings, so upsert, plain insert and removal cannot disagree.

use crate::error::Result;
use crate::search_key::name_keys;
use domain::TradeSide;
use protocol::{EntityKind, Record};
use rusqlite::params;

pub(crate) fn table(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Client => "clients",
        EntityKind::Account => "accounts",
        EntityKind::Holding => "holdings",
        EntityKind::Trade => "trades",
        EntityKind::AssetMonth => "asset_months",
        EntityKind::RiskAssessment => "risk_assessments",
        EntityKind::ContactNote => "contact_notes",
        EntityKind::Preferences => "client_preferences",
        EntityKind::CashTransfer => "cash_transfers",
        EntityKind::ServiceCase => "service_cases",
        EntityKind::ClientRelation => "client_relations",
        EntityKind::Product => "products",
        EntityKind::PushDelivery => "push_deliveries",
        EntityKind::Statement => "statements",
        EntityKind::StatementLine => "statement_lines",
        EntityKind::Dispute => "disputes",
        EntityKind::Task => "tasks",
        EntityKind::MarketEvent => "market_events",
        EntityKind::TransferRequest => "transfer_requests",
        EntityKind::Comment => "comments",
    }
}

pub(crate) fn columns(kind: EntityKind) -> &'static [&'static str] {
    match kind {
        EntityKind::Client => &[
            "id",
            "name",
            "id_number",
            "mobile",
            "investor_class",
            "tier",
            "total_assets",
            "opened_on",
            "serving_broker_id",
            "developing_broker_id",
            "last_contact_at",
            "version",
            "tags",
            "serving_broker_name",
            "developing_broker_name",
            "name_pinyin",
            "name_initials",
            "id_expires_on",
        ],
        EntityKind::Account => &[
            "id",
            "client_id",
            "account_no",
            "commission_rate",
            "waive_minimum",
            "opened_on",
            "cash",
            "margin_ratio_bp",
        ],
        EntityKind::Holding => &[
            "id",
            "client_id",
            "account_id",
            "security_code",
            "security_name",
            "quantity",
            "cost",
            "market_value",
        ],
        EntityKind::Trade => &[
            "id",
            "client_id",
            "account_id",
            "traded_at",
            "security_code",
            "side",
            "quantity",
            "price_li",
            "amount",
            "commission",
            "handling_fee",
            "regulatory_fee",
            "transfer_fee",
            "stamp_duty",
            "net_commission",
        ],
        EntityKind::AssetMonth => &["id", "client_id", "month", "total_assets"],
        EntityKind::RiskAssessment => &[
            "id",
            "client_id",
            "level",
            "assessed_on",
            "expires_on",
            "lowest_category",
        ],
        EntityKind::Product => &[
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
        ],
        EntityKind::PushDelivery => &[
            "id",
            "push_id",
            "client_id",
            "status",
            "reason",
            "reply",
            "updated_at",
        ],
        EntityKind::Statement => &[
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
        ],
        EntityKind::StatementLine => &[
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
        EntityKind::Dispute => &[
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
        EntityKind::MarketEvent => crate::market_alerts::COLUMNS,
        EntityKind::TransferRequest => crate::team_threads::TRANSFER_COLUMNS,
        EntityKind::Comment => crate::team_threads::COMMENT_COLUMNS,
        EntityKind::Task => &[
            "id",
            "title",
            "detail",
            "client_id",
            "assigned_by_name",
            "due_on",
            "done_at",
            "pending",
        ],
        EntityKind::Preferences => &[
            "id",
            "client_id",
            "preferred_channel",
            "best_time_to_call",
            "remark",
            "version",
            "pending",
        ],
        EntityKind::ContactNote => &[
            "id",
            "client_id",
            "channel",
            "summary",
            "contacted_at",
            "follow_up_on",
            "author_id",
            "pending",
        ],
        EntityKind::CashTransfer => &[
            "id",
            "client_id",
            "account_id",
            "transferred_at",
            "direction",
            "amount",
        ],
        EntityKind::ServiceCase => &[
            "id",
            "client_id",
            "kind",
            "opened_on",
            "due_on",
            "closed_on",
            "summary",
            "outcome",
        ],
        EntityKind::ClientRelation => &[
            "id",
            "client_id",
            "related_client_id",
            "related_name",
            "kind",
            "label",
        ],
    }
}

fn side_code(side: TradeSide) -> &'static str {
    match side {
        TradeSide::Buy => "Buy",
        TradeSide::Sell => "Sell",
    }
}

pub(crate) fn bind_and_run(stmt: &mut rusqlite::Statement<'_>, record: &Record) -> Result<()> {
    match record {
        Record::Client(c) => {
            let (pinyin, initials) = name_keys(&c.name);
            stmt.execute(params![
                c.id,
                c.name,
                c.id_number,
                c.mobile,
                c.investor_class.code(),
                c.tier.code(),
                c.total_assets.0,
                c.opened_on,
                c.serving_broker_id,
                c.developing_broker_id,
                c.last_contact_at,
                c.version,
                serde_json::to_string(&c.tags)?,
                c.serving_broker_name,
                c.developing_broker_name,
                pinyin,
                initials,
                c.id_expires_on
            ])?
        }
        Record::Account(a) => stmt.execute(params![
            a.id,
            a.client_id,
            a.account_no,
            a.commission_rate.0,
            a.waive_minimum,
            a.opened_on,
            a.cash.0,
            a.margin_ratio_bp
        ])?,
        Record::Holding(h) => stmt.execute(params![
            h.id,
            h.client_id,
            h.account_id,
            h.security_code,
            h.security_name,
            h.quantity,
            h.cost.0,
            h.market_value.0
        ])?,
        Record::Trade(t) => stmt.execute(params![
            t.id,
            t.client_id,
            t.account_id,
            t.traded_at,
            t.security_code,
            side_code(t.side),
            t.quantity,
            t.price_li,
            t.amount.0,
            t.commission.0,
            t.handling_fee.0,
            t.regulatory_fee.0,
            t.transfer_fee.0,
            t.stamp_duty.0,
            t.net_commission.0
        ])?,
        Record::AssetMonth(m) => {
            stmt.execute(params![m.id, m.client_id, m.month, m.total_assets.0])?
        }
        Record::RiskAssessment(r) => stmt.execute(params![
            r.id,
            r.client_id,
            r.level.code(),
            r.assessed_on,
            r.expires_on,
            r.lowest_category
        ])?,
        Record::Product(p) => stmt.execute(params![
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
            p.approval_ref
        ])?,
        Record::PushDelivery(d) => stmt.execute(params![
            d.id,
            d.push_id,
            d.client_id,
            d.status.as_str(),
            d.reason,
            d.reply,
            d.updated_at
        ])?,
        Record::Statement(s) => stmt.execute(params![
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
            s.total.0
        ])?,
        Record::StatementLine(l) => stmt.execute(params![
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
        ])?,
        // What head office sends is its answer: no longer pending.
        // What head office sends is the task as it stands there: no longer pending.
        Record::MarketEvent(e) => crate::market_alerts::bind(stmt, e)?,
        Record::TransferRequest(t) => crate::team_threads::bind_transfer(stmt, t)?,
        Record::Comment(c) => crate::team_threads::bind_comment(stmt, c)?,
        Record::Task(t) => stmt.execute(params![
            t.id,
            t.title,
            t.detail,
            t.client_id,
            t.assigned_by_name,
            t.due_on,
            t.done_at,
            0
        ])?,
        Record::Dispute(d) => stmt.execute(params![
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
        ])?,
        // What head office sends is accepted: the note is no longer pending.
        Record::ContactNote(n) => stmt.execute(params![
            n.id,
            n.client_id,
            n.channel.as_str(),
            n.summary,
            n.contacted_at,
            n.follow_up_on,
            n.author_id,
            0
        ])?,
        Record::Preferences(p) => stmt.execute(params![
            p.id,
            p.client_id,
            p.fields.preferred_channel,
            p.fields.best_time_to_call,
            p.fields.remark,
            p.version,
            0
        ])?,
        Record::CashTransfer(t) => stmt.execute(params![
            t.id,
            t.client_id,
            t.account_id,
            t.transferred_at,
            t.direction.as_str(),
            t.amount.0
        ])?,
        Record::ServiceCase(c) => stmt.execute(params![
            c.id,
            c.client_id,
            c.case_kind.as_str(),
            c.opened_on,
            c.due_on,
            c.closed_on,
            c.summary,
            c.outcome
        ])?,
        Record::ClientRelation(l) => stmt.execute(params![
            l.id,
            l.client_id,
            l.related_client_id,
            l.related_name,
            l.relation.as_str(),
            l.label
        ])?,
    };
    Ok(())
}

/// The client whose list facts a record feeds: the client itself or its parent. Library items
/// and push deliveries feed none.
pub(crate) fn client_of(record: &Record) -> Option<&str> {
    Some(match record {
        Record::Client(c) => &c.id,
        Record::Account(a) => &a.client_id,
        Record::Holding(h) => &h.client_id,
        Record::Trade(t) => &t.client_id,
        Record::AssetMonth(m) => &m.client_id,
        Record::RiskAssessment(r) => &r.client_id,
        Record::ContactNote(n) => &n.client_id,
        Record::Preferences(p) => &p.client_id,
        Record::CashTransfer(t) => &t.client_id,
        Record::ServiceCase(c) => &c.client_id,
        Record::ClientRelation(l) => &l.client_id,
        Record::Product(_)
        | Record::PushDelivery(_)
        | Record::Statement(_)
        | Record::StatementLine(_)
        | Record::Dispute(_)
        | Record::Task(_)
        | Record::MarketEvent(_)
        | Record::TransferRequest(_)
        | Record::Comment(_) => return None,
    })
}

/// Kinds that hang off a client and leave the desk with it.
pub(crate) fn follows_client(kind: EntityKind) -> bool {
    !matches!(
        kind,
        EntityKind::Client
            | EntityKind::Product
            | EntityKind::PushDelivery
            | EntityKind::Statement
            | EntityKind::StatementLine
            | EntityKind::Dispute
            | EntityKind::Task
            | EntityKind::MarketEvent
            | EntityKind::TransferRequest
            | EntityKind::Comment
    )
}
