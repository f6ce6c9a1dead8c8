//! The client book's own feed tables: clients, their accounts, holdings, trades, monthly assets,
//! risk assessments, and the broker data head office keeps of them (contact notes, preferences).

use super::feed_table::{bad, side_code, wrong_kind, FeedScope, FeedTable};
use crate::db::{Db, Row};
use crate::error::Result;
use domain::{Fen, InvestorClass, Rate, RiskLevel, Tier, TradeSide};
use protocol::relationships::CoServer;
use protocol::{
    preference_columns, AccountRecord, AssetMonthRecord, ClientPreferences, ClientRecord,
    ContactChannel, ContactNoteRecord, EntityKind, HoldingRecord, PreferencesRecord, Record,
    RiskAssessmentRecord, TradeRecord, PREFERENCE_FIELD_COUNT,
};
use rusqlite::{params, ToSql};

pub(super) const CLIENTS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::Client,
    table: "clients",
    // Broker names are looked up as the row is read, so a renamed colleague is never stale.
    columns: "name, id_number, mobile, investor_class, tier, total_assets, opened_on, broker_id, \
              developing_broker_id, last_contact_at, version, tags, \
              (SELECT display_name FROM users u WHERE u.id = clients.broker_id), \
              (SELECT display_name FROM users u WHERE u.id = clients.developing_broker_id), \
              id_expires_on, \
              (SELECT cs.broker_id FROM client_shares cs \
               WHERE cs.client_id = clients.id AND cs.ended_at IS NULL), \
              (SELECT u.display_name FROM client_shares cs JOIN users u ON u.id = cs.broker_id \
               WHERE cs.client_id = clients.id AND cs.ended_at IS NULL), \
              (SELECT cs.share FROM client_shares cs \
               WHERE cs.client_id = clients.id AND cs.ended_at IS NULL), \
              (SELECT cs.since FROM client_shares cs \
               WHERE cs.client_id = clients.id AND cs.ended_at IS NULL)",
    read: read_client,
    insert:
        "INSERT INTO clients (id, broker_id, seq, name, id_number, mobile, investor_class, tier, \
             total_assets, opened_on, developing_broker_id, last_contact_at, version, tags, \
             id_expires_on) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    bind: insert,
};

pub(super) const ACCOUNTS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::Account,
    table: "accounts",
    columns: "client_id, account_no, commission_rate, waive_minimum, opened_on, cash, \
              margin_ratio_bp",
    read: read_account,
    insert: "INSERT INTO accounts (id, broker_id, seq, client_id, account_no, commission_rate, \
             waive_minimum, opened_on, cash, margin_ratio_bp) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    bind: insert,
};

pub(super) const HOLDINGS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::Holding,
    table: "holdings",
    columns: "client_id, account_id, security_code, security_name, quantity, cost, market_value",
    read: read_holding,
    insert: "INSERT INTO holdings (id, broker_id, seq, client_id, account_id, security_code, \
             security_name, quantity, cost, market_value) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    bind: insert,
};

pub(super) const TRADES: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::Trade,
    table: "trades",
    columns: "client_id, account_id, traded_at, security_code, side, quantity, price_li, amount, \
              commission, handling_fee, regulatory_fee, transfer_fee, stamp_duty, net_commission",
    read: read_trade,
    insert:
        "INSERT INTO trades (id, broker_id, seq, client_id, account_id, traded_at, security_code, \
             side, quantity, price_li, amount, commission, handling_fee, regulatory_fee, \
             transfer_fee, stamp_duty, net_commission) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    bind: insert,
};

pub(super) const ASSET_MONTHS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::AssetMonth,
    table: "asset_months",
    columns: "client_id, month, total_assets",
    read: read_asset_month,
    insert: "INSERT INTO asset_months (id, broker_id, seq, client_id, month, total_assets) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    bind: insert,
};

pub(super) const RISK_ASSESSMENTS: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::RiskAssessment,
    table: "risk_assessments",
    columns: "client_id, level, assessed_on, expires_on, lowest_category",
    read: read_risk,
    insert: "INSERT INTO risk_assessments (id, broker_id, seq, client_id, level, assessed_on, \
             expires_on, lowest_category) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    bind: insert,
};

pub(super) const CONTACT_NOTES: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::ContactNote,
    table: "contact_notes",
    columns: "client_id, channel, summary, contacted_at, follow_up_on, author_id",
    read: read_contact_note,
    insert: "INSERT INTO contact_notes (id, broker_id, seq, client_id, channel, summary, \
             contacted_at, follow_up_on, author_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    bind: insert,
};

pub(super) const CLIENT_PREFERENCES: FeedTable = FeedTable {
    scope: FeedScope::ClientBook,
    kind: EntityKind::Preferences,
    table: "client_preferences",
    columns: concat!("client_id, version, history, ", preference_columns!()),
    read: read_preferences,
    insert: concat!(
        "INSERT INTO client_preferences (id, broker_id, seq, client_id, version, history, ",
        preference_columns!(),
        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    ),
    bind: insert,
};

fn read_client(r: &Row<'_>) -> rusqlite::Result<Record> {
    let class: String = r.get(4)?;
    let tier: String = r.get(5)?;
    Ok(Record::Client(ClientRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        id_number: r.get(2)?,
        mobile: r.get(3)?,
        investor_class: InvestorClass::from_code(&class).ok_or_else(|| bad(4, "investor class"))?,
        tier: Tier::from_code(&tier).ok_or_else(|| bad(5, "tier"))?,
        total_assets: Fen(r.get(6)?),
        opened_on: r.get(7)?,
        serving_broker_id: r.get(8)?,
        developing_broker_id: r.get(9)?,
        last_contact_at: r.get(10)?,
        version: r.get(11)?,
        tags: serde_json::from_str(&r.get::<_, String>(12)?).map_err(|_| bad(12, "tags"))?,
        serving_broker_name: r.get::<_, Option<String>>(13)?.unwrap_or_default(),
        developing_broker_name: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
        id_expires_on: r.get(15)?,
        co_server: match r.get::<_, Option<String>>(16)? {
            None => None,
            Some(broker_id) => Some(CoServer {
                broker_id,
                broker_name: r.get::<_, Option<String>>(17)?.unwrap_or_default(),
                share: Rate(r.get(18)?),
                since: r.get(19)?,
            }),
        },
    }))
}

fn read_account(r: &Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Account(AccountRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        account_no: r.get(2)?,
        commission_rate: Rate(r.get(3)?),
        waive_minimum: r.get(4)?,
        opened_on: r.get(5)?,
        cash: Fen(r.get(6)?),
        margin_ratio_bp: r.get(7)?,
    }))
}

fn read_holding(r: &Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::Holding(HoldingRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        account_id: r.get(2)?,
        security_code: r.get(3)?,
        security_name: r.get(4)?,
        quantity: r.get(5)?,
        cost: Fen(r.get(6)?),
        market_value: Fen(r.get(7)?),
    }))
}

fn read_trade(r: &Row<'_>) -> rusqlite::Result<Record> {
    let side = match r.get::<_, String>(5)?.as_str() {
        "Buy" => TradeSide::Buy,
        "Sell" => TradeSide::Sell,
        _ => return Err(bad(5, "trade side")),
    };
    Ok(Record::Trade(TradeRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        account_id: r.get(2)?,
        traded_at: r.get(3)?,
        security_code: r.get(4)?,
        side,
        quantity: r.get(6)?,
        price_li: r.get(7)?,
        amount: Fen(r.get(8)?),
        commission: Fen(r.get(9)?),
        handling_fee: Fen(r.get(10)?),
        regulatory_fee: Fen(r.get(11)?),
        transfer_fee: Fen(r.get(12)?),
        stamp_duty: Fen(r.get(13)?),
        net_commission: Fen(r.get(14)?),
    }))
}

fn read_asset_month(r: &Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record::AssetMonth(AssetMonthRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        month: r.get(2)?,
        total_assets: Fen(r.get(3)?),
    }))
}

fn read_risk(r: &Row<'_>) -> rusqlite::Result<Record> {
    let level: String = r.get(2)?;
    Ok(Record::RiskAssessment(RiskAssessmentRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        level: RiskLevel::from_code(&level).ok_or_else(|| bad(2, "risk level"))?,
        assessed_on: r.get(3)?,
        expires_on: r.get(4)?,
        lowest_category: r.get(5)?,
    }))
}

fn read_contact_note(r: &Row<'_>) -> rusqlite::Result<Record> {
    let channel: String = r.get(2)?;
    Ok(Record::ContactNote(ContactNoteRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        channel: ContactChannel::parse(&channel).ok_or_else(|| bad(2, "contact channel"))?,
        summary: r.get(3)?,
        contacted_at: r.get(4)?,
        follow_up_on: r.get(5)?,
        author_id: r.get(6)?,
    }))
}

fn read_preferences(r: &Row<'_>) -> rusqlite::Result<Record> {
    let history: String = r.get(3)?;
    let history = serde_json::from_str(&history).map_err(|_| bad(3, "profile history"))?;
    let mut values: [Option<String>; PREFERENCE_FIELD_COUNT] = Default::default();
    for (i, slot) in values.iter_mut().enumerate() {
        *slot = r.get(4 + i)?;
    }
    Ok(Record::Preferences(PreferencesRecord {
        id: r.get(0)?,
        client_id: r.get(1)?,
        version: r.get(2)?,
        history,
        fields: ClientPreferences::from_values(values),
    }))
}

/// Binds a record of one of this file's tables (`FeedTable::bind`).
fn insert(db: &Db<'_>, sql: &str, broker: &str, seq: i64, record: &Record) -> Result<usize> {
    let head: [&dyn ToSql; 2] = [&broker, &seq];
    let run = |p: &[&dyn ToSql]| db.execute(sql, p);
    match record {
        Record::Client(c) => run(params![
            c.id,
            head[0],
            head[1],
            c.name,
            c.id_number,
            c.mobile,
            c.investor_class.code(),
            c.tier.code(),
            c.total_assets.0,
            c.opened_on,
            c.developing_broker_id,
            c.last_contact_at,
            c.version,
            serde_json::to_string(&c.tags).unwrap_or_else(|_| "[]".into()),
            c.id_expires_on
        ]),
        Record::Account(a) => run(params![
            a.id,
            head[0],
            head[1],
            a.client_id,
            a.account_no,
            a.commission_rate.0,
            a.waive_minimum,
            a.opened_on,
            a.cash.0,
            a.margin_ratio_bp
        ]),
        Record::Holding(h) => run(params![
            h.id,
            head[0],
            head[1],
            h.client_id,
            h.account_id,
            h.security_code,
            h.security_name,
            h.quantity,
            h.cost.0,
            h.market_value.0
        ]),
        Record::Trade(t) => run(params![
            t.id,
            head[0],
            head[1],
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
        ]),
        Record::AssetMonth(m) => run(params![
            m.id,
            head[0],
            head[1],
            m.client_id,
            m.month,
            m.total_assets.0
        ]),
        Record::RiskAssessment(ra) => run(params![
            ra.id,
            head[0],
            head[1],
            ra.client_id,
            ra.level.code(),
            ra.assessed_on,
            ra.expires_on,
            ra.lowest_category
        ]),
        Record::ContactNote(n) => run(params![
            n.id,
            head[0],
            head[1],
            n.client_id,
            n.channel.as_str(),
            n.summary,
            n.contacted_at,
            n.follow_up_on,
            n.author_id
        ]),
        Record::Preferences(p) => {
            let history = serde_json::to_string(&p.history)?;
            let [a, b, c, d, e, f, g, h] = p.fields.values();
            run(params![
                p.id,
                head[0],
                head[1],
                p.client_id,
                p.version,
                history,
                a,
                b,
                c,
                d,
                e,
                f,
                g,
                h
            ])
        }
        _ => Err(wrong_kind()),
    }
}
