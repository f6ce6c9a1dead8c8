//! The market calendar head office publishes (firm-wide rows), and the alerts it raises for this
//! book: new-share subscription and payment days, rights issues for the holders of the security,
//! maturities of what clients hold. Trading days are counted with the published holidays.

use crate::book_alerts::{AlertKind, BookAlert};
use crate::error::Result;
use crate::feed_table::{wrong_kind, FeedTable};
use crate::Store;
use chrono::{Days, NaiveDate};
use domain::alerts::{new_share_payment_due, rights_window, AlertThresholds};
use domain::calendar::TradingCalendar;
use domain::Fen;
use protocol::{EntityKind, MarketEventKind, MarketEventRecord, Record};
use rusqlite::params;

pub(crate) const MARKET_EVENTS: FeedTable = FeedTable {
    kind: EntityKind::MarketEvent,
    table: "market_events",
    follows_client: false,
    columns: COLUMNS,
    bind: |stmt, record| match record {
        Record::MarketEvent(e) => bind(stmt, e),
        other => Err(wrong_kind(EntityKind::MarketEvent, other)),
    },
};

const COLUMNS: &[&str] = &[
    "id",
    "event",
    "on_day",
    "security_code",
    "security_name",
    "window_days",
    "detail",
];

fn bind(stmt: &mut rusqlite::Statement<'_>, e: &MarketEventRecord) -> Result<usize> {
    Ok(stmt.execute(params![
        e.id,
        e.event.as_str(),
        e.on,
        e.security_code,
        e.security_name,
        e.window_days,
        e.detail
    ])?)
}

/// The market value per market a client needs to subscribe to new shares (DOMAIN.md).
const NEW_SHARE_MIN_VALUE: Fen = Fen::from_yuan(10_000);
/// How many days before a rights issue's record date its holders are told.
const RIGHTS_NOTICE_DAYS: u64 = 3;

/// `.SH` or `.SZ`: the exchange a code trades on, which is the market new-share quota counts.
fn market_of(code: &str) -> &str {
    code.rsplit_once('.').map_or("", |(_, m)| m)
}

fn market_name(market: &str) -> &str {
    match market {
        "SH" => "沪市",
        "SZ" => "深市",
        other => other,
    }
}

impl Store {
    /// Exchange holidays as head office published them; weekends are never trading days.
    pub fn trading_calendar(&self) -> Result<TradingCalendar> {
        let days: Vec<NaiveDate> = self
            .conn()
            .prepare_cached("SELECT on_day FROM market_events WHERE event = 'holiday'")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(TradingCalendar::new(days))
    }

    fn market_events(&self, kind: MarketEventKind) -> Result<Vec<MarketEventRecord>> {
        let rows = self
            .conn()
            .prepare_cached(
                "SELECT id, on_day, security_code, security_name, window_days, detail \
                 FROM market_events WHERE event = ?1 ORDER BY on_day, id",
            )?
            .query_map([kind.as_str()], |r| {
                Ok(MarketEventRecord {
                    id: r.get(0)?,
                    event: kind,
                    on: r.get(1)?,
                    security_code: r.get(2)?,
                    security_name: r.get(3)?,
                    window_days: r.get(4)?,
                    detail: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Clients of this book holding `code`, with their quantity.
    fn holders(&self, code: &str) -> Result<Vec<(String, String, i64)>> {
        let rows = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, sum(h.quantity) FROM holdings h \
                 JOIN clients c ON c.id = h.client_id \
                 WHERE h.security_code = ?1 AND h.quantity > 0 GROUP BY c.id ORDER BY c.id",
            )?
            .query_map([code], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// How many clients hold at least the new-share quota's market value on `market`. Current
    /// holdings stand in for the exchange's 20-day average, which only head office could compute.
    fn new_share_eligible(&self, market: &str) -> Result<u32> {
        Ok(self.conn().query_row(
            "SELECT count(*) FROM (SELECT client_id FROM holdings WHERE security_code LIKE ?1 \
             GROUP BY client_id HAVING sum(market_value) >= ?2)",
            params![format!("%.{market}"), NEW_SHARE_MIN_VALUE.0],
            |r| r.get(0),
        )?)
    }

    pub(crate) fn market_alerts(
        &self,
        today: NaiveDate,
        t: &AlertThresholds,
    ) -> Result<Vec<BookAlert>> {
        let calendar = self.trading_calendar()?;
        let mut alerts = Vec::new();
        let per_client = |kind, (client_id, client_name): (String, String), on, reason| BookAlert {
            kind,
            client_id: Some(client_id),
            client_name: Some(client_name),
            due_on: on,
            reason,
        };
        for e in self.market_events(MarketEventKind::NewShare)? {
            let next_session = calendar.add_trading_days(today, 1);
            if today <= e.on && e.on <= next_session {
                let market = market_of(&e.security_code);
                let eligible = self.new_share_eligible(market)?;
                alerts.push(BookAlert {
                    kind: AlertKind::NewShareSubscription,
                    client_id: None,
                    client_name: None,
                    due_on: e.on,
                    reason: format!(
                        "{} 新股申购：{}（{}），{}。名下 {eligible} 位客户{}持仓市值满 1 万元可申购",
                        e.on,
                        e.security_name,
                        e.security_code,
                        e.detail,
                        market_name(market)
                    ),
                });
            }
            let pay_by = new_share_payment_due(e.on, &calendar);
            if e.on < today && today <= pay_by {
                for (id, name, quantity) in self.holders(&e.security_code)? {
                    let reason = format!(
                        "新股 {}（{}）中签 {quantity} 股，须在 {pay_by} 日终前足额缴款；\
                         12 个月内 3 次弃购将被暂停申购 6 个月",
                        e.security_name, e.security_code
                    );
                    alerts.push(per_client(
                        AlertKind::NewSharePayment,
                        (id, name),
                        pay_by,
                        reason,
                    ));
                }
            }
        }
        for e in self.market_events(MarketEventKind::RightsIssue)? {
            let (first, last) = rights_window(e.on, e.window_days, &calendar);
            if today + Days::new(RIGHTS_NOTICE_DAYS) < e.on || today > last {
                continue;
            }
            for (id, name, quantity) in self.holders(&e.security_code)? {
                let reason = format!(
                    "持有 {}（{}）{quantity} 股，股权登记日 {}，配股缴款 {first} 至 {last}（{}），\
                     不参与将被摊薄",
                    e.security_name, e.security_code, e.on, e.detail
                );
                alerts.push(per_client(AlertKind::RightsIssue, (id, name), last, reason));
            }
        }
        for e in self.market_events(MarketEventKind::Maturity)? {
            if e.on < today || today + Days::new(u64::from(t.maturity_warn_days)) < e.on {
                continue;
            }
            for (id, name, _) in self.holders(&e.security_code)? {
                let reason = format!(
                    "持有的 {}（{}）将于 {} 到期，{}；可提前沟通到期资金安排",
                    e.security_name, e.security_code, e.on, e.detail
                );
                alerts.push(per_client(AlertKind::Maturity, (id, name), e.on, reason));
            }
        }
        Ok(alerts)
    }
}
