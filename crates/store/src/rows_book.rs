//! The client book's mirrored tables: a client and everything that hangs off it. Rows that are
//! also broker data (notes, preferences) arrive from head office as its answer: not pending.

use crate::feed_table::{side_code, wrong_kind, FeedTable};
use crate::search_key::name_keys;
use protocol::{EntityKind, Record};
use rusqlite::params;

pub(crate) const CLIENTS: FeedTable = FeedTable {
    kind: EntityKind::Client,
    table: "clients",
    follows_client: false,
    columns: &[
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
        "co_server_id",
        "co_server_name",
        "co_server_share",
        "co_server_since",
    ],
    bind: |stmt, record| {
        let Record::Client(c) = record else {
            return Err(wrong_kind(EntityKind::Client, record));
        };
        let (pinyin, initials) = name_keys(&c.name);
        Ok(stmt.execute(params![
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
            c.id_expires_on,
            c.co_server.as_ref().map(|s| &s.broker_id),
            c.co_server.as_ref().map(|s| &s.broker_name),
            c.co_server.as_ref().map(|s| s.share.0),
            c.co_server.as_ref().map(|s| s.since)
        ])?)
    },
};

pub(crate) const ACCOUNTS: FeedTable = FeedTable {
    kind: EntityKind::Account,
    table: "accounts",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "account_no",
        "commission_rate",
        "waive_minimum",
        "opened_on",
        "cash",
        "margin_ratio_bp",
    ],
    bind: |stmt, record| {
        let Record::Account(a) = record else {
            return Err(wrong_kind(EntityKind::Account, record));
        };
        Ok(stmt.execute(params![
            a.id,
            a.client_id,
            a.account_no,
            a.commission_rate.0,
            a.waive_minimum,
            a.opened_on,
            a.cash.0,
            a.margin_ratio_bp
        ])?)
    },
};

pub(crate) const HOLDINGS: FeedTable = FeedTable {
    kind: EntityKind::Holding,
    table: "holdings",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "account_id",
        "security_code",
        "security_name",
        "quantity",
        "cost",
        "market_value",
    ],
    bind: |stmt, record| {
        let Record::Holding(h) = record else {
            return Err(wrong_kind(EntityKind::Holding, record));
        };
        Ok(stmt.execute(params![
            h.id,
            h.client_id,
            h.account_id,
            h.security_code,
            h.security_name,
            h.quantity,
            h.cost.0,
            h.market_value.0
        ])?)
    },
};

pub(crate) const TRADES: FeedTable = FeedTable {
    kind: EntityKind::Trade,
    table: "trades",
    follows_client: true,
    columns: &[
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
    bind: |stmt, record| {
        let Record::Trade(t) = record else {
            return Err(wrong_kind(EntityKind::Trade, record));
        };
        Ok(stmt.execute(params![
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
        ])?)
    },
};

pub(crate) const ASSET_MONTHS: FeedTable = FeedTable {
    kind: EntityKind::AssetMonth,
    table: "asset_months",
    follows_client: true,
    columns: &["id", "client_id", "month", "total_assets"],
    bind: |stmt, record| {
        let Record::AssetMonth(m) = record else {
            return Err(wrong_kind(EntityKind::AssetMonth, record));
        };

        Ok(stmt.execute(params![m.id, m.client_id, m.month, m.total_assets.0])?)
    },
};

pub(crate) const RISK_ASSESSMENTS: FeedTable = FeedTable {
    kind: EntityKind::RiskAssessment,
    table: "risk_assessments",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "level",
        "assessed_on",
        "expires_on",
        "lowest_category",
    ],
    bind: |stmt, record| {
        let Record::RiskAssessment(r) = record else {
            return Err(wrong_kind(EntityKind::RiskAssessment, record));
        };
        Ok(stmt.execute(params![
            r.id,
            r.client_id,
            r.level.code(),
            r.assessed_on,
            r.expires_on,
            r.lowest_category
        ])?)
    },
};

pub(crate) const CASH_TRANSFERS: FeedTable = FeedTable {
    kind: EntityKind::CashTransfer,
    table: "cash_transfers",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "account_id",
        "transferred_at",
        "direction",
        "amount",
    ],
    bind: |stmt, record| {
        let Record::CashTransfer(t) = record else {
            return Err(wrong_kind(EntityKind::CashTransfer, record));
        };
        Ok(stmt.execute(params![
            t.id,
            t.client_id,
            t.account_id,
            t.transferred_at,
            t.direction.as_str(),
            t.amount.0
        ])?)
    },
};

pub(crate) const SERVICE_CASES: FeedTable = FeedTable {
    kind: EntityKind::ServiceCase,
    table: "service_cases",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "kind",
        "opened_on",
        "due_on",
        "closed_on",
        "summary",
        "outcome",
        "category",
        "channel",
        "client_asks",
        "case_no",
        "status",
        "registered_by",
        "handler",
        "history",
        "satisfaction",
        "client_words",
    ],
    bind: |stmt, record| {
        let Record::ServiceCase(c) = record else {
            return Err(wrong_kind(EntityKind::ServiceCase, record));
        };
        Ok(stmt.execute(params![
            c.id,
            c.client_id,
            c.case_kind.as_str(),
            c.opened_on,
            c.due_on,
            c.closed_on,
            c.summary,
            c.outcome,
            c.category.map(domain::ComplaintCategory::as_str),
            c.channel.map(protocol::ContactChannel::as_str),
            c.client_asks,
            c.case_no,
            c.status.as_str(),
            c.registered_by,
            c.handler,
            serde_json::to_string(&c.history)?,
            c.satisfaction,
            c.client_words
        ])?)
    },
};

pub(crate) const CLIENT_RELATIONS: FeedTable = FeedTable {
    kind: EntityKind::ClientRelation,
    table: "client_relations",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "related_client_id",
        "related_name",
        "kind",
        "label",
    ],
    bind: |stmt, record| {
        let Record::ClientRelation(l) = record else {
            return Err(wrong_kind(EntityKind::ClientRelation, record));
        };
        Ok(stmt.execute(params![
            l.id,
            l.client_id,
            l.related_client_id,
            l.related_name,
            l.relation.as_str(),
            l.label
        ])?)
    },
};

pub(crate) const CONTACT_NOTES: FeedTable = FeedTable {
    kind: EntityKind::ContactNote,
    table: "contact_notes",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "channel",
        "summary",
        "contacted_at",
        "follow_up_on",
        "author_id",
        "pending",
    ],
    bind: |stmt, record| {
        let Record::ContactNote(n) = record else {
            return Err(wrong_kind(EntityKind::ContactNote, record));
        };
        Ok(stmt.execute(params![
            n.id,
            n.client_id,
            n.channel.as_str(),
            n.summary,
            n.contacted_at,
            n.follow_up_on,
            n.author_id,
            0
        ])?)
    },
};

pub(crate) const CLIENT_PREFERENCES: FeedTable = FeedTable {
    kind: EntityKind::Preferences,
    table: "client_preferences",
    follows_client: true,
    columns: &[
        "id",
        "client_id",
        "version",
        "history",
        "pending",
        "preferred_channel",
        "best_time_to_call",
        "remark",
        "investment_goal",
        "horizon",
        "liquidity_need",
        "products_of_interest",
        "family_stage",
    ],
    bind: |stmt, record| {
        let Record::Preferences(p) = record else {
            return Err(wrong_kind(EntityKind::Preferences, record));
        };
        let history = serde_json::to_string(&p.history)?;
        let [a, b, c, d, e, f, g, h] = p.fields.values();
        Ok(stmt.execute(params![
            p.id,
            p.client_id,
            p.version,
            history,
            0,
            a,
            b,
            c,
            d,
            e,
            f,
            g,
            h
        ])?)
    },
};
