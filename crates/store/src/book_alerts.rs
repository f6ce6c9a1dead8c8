//! Alerts computed on the desk from the cached book (DOMAIN.md, "Events a broker is reminded
//! of"): birthdays, assessments and ID documents expiring and expired, dormant clients, large
//! transfers out, margin ratios, complaint deadlines, and (in `market_alerts`) new shares, rights
//! issues and maturities. Each says why it exists. The rules are `domain::alerts`; the firm's
//! thresholds come with the policy.

use crate::error::Result;
use crate::Store;
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use domain::alerts::{
    expiry, is_dormant, is_outflow_alert, margin_level, upcoming_birthday, AlertThresholds, Expiry,
    MarginLevel,
};
use domain::clock::{shanghai_date, shanghai_midnight};
use domain::satisfaction::{is_low_alert, LOW_SCORE_ALERT_DAYS};
use domain::{Fen, IdNumber};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
/// In order of urgency: what must be acted on today first.
pub enum AlertKind {
    ComplaintDeadline,
    ForcedSale,
    MarginWarning,
    NewSharePayment,
    IdExpired,
    AssessmentExpired,
    RightsIssue,
    AssetOutflow,
    LowSatisfaction,
    Maturity,
    NewShareSubscription,
    IdExpiring,
    AssessmentExpiring,
    Birthday,
    Dormant,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BookAlert {
    pub kind: AlertKind,
    /// The client it is about; none for a market event that concerns the book as a whole (a
    /// new-share subscription day).
    pub client_id: Option<String>,
    pub client_name: Option<String>,
    /// The day it is about (the birthday, the expiry, the deadline); today for a state.
    pub due_on: NaiveDate,
    /// Why the alert exists, in Chinese.
    pub reason: String,
}

/// A transfer out: client, name, when, amount and the average of the last three month-ends.
type TransferOut = (String, String, DateTime<Utc>, i64, Option<i64>);

/// How many days back a transfer out is still news.
const OUTFLOW_DAYS: u64 = 7;

type ClientFacts = (
    String,
    String,
    String,
    Option<NaiveDate>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<NaiveDate>,
);

impl Store {
    /// Every alert of the book as of `today`, most pressing kind first, then by day.
    pub fn book_alerts(&self, today: NaiveDate) -> Result<Vec<BookAlert>> {
        let policy = self.firm_policy()?;
        let t = &policy.alerts;
        let mut alerts = Vec::new();
        let clients: Vec<ClientFacts> = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, c.id_number, f.risk_expires_on, f.last_trade_at, \
                 c.last_contact_at, c.id_expires_on \
                 FROM clients c JOIN client_facts f ON f.client_id = c.id",
            )?
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let day_of = |at: &Option<DateTime<Utc>>| at.map(shanghai_date);
        for (id, name, id_number, expires, last_trade, last_contact, id_expires) in &clients {
            let alert = |kind, due_on, reason: String| BookAlert {
                kind,
                client_id: Some(id.clone()),
                client_name: Some(name.clone()),
                due_on,
                reason,
            };
            if let Ok(number) = IdNumber::parse(id_number, today) {
                if let Some(day) =
                    upcoming_birthday(number.birth_date(), today, t.birthday_days_ahead)
                {
                    let age = day.year() - number.birth_date().year();
                    let reason = format!("{}月{}日 {age} 岁生日", day.month(), day.day());
                    alerts.push(alert(AlertKind::Birthday, day, reason));
                }
            }
            match expires.and_then(|e| expiry(e, today, policy.assessment_warn_days)) {
                Some(Expiry::Soon { on, days_left }) => alerts.push(alert(
                    AlertKind::AssessmentExpiring,
                    on,
                    format!("风险测评将于 {on} 到期（还有 {days_left} 天），请提醒客户重新测评"),
                )),
                Some(Expiry::Expired { on }) => alerts.push(alert(
                    AlertKind::AssessmentExpired,
                    on,
                    format!("风险测评已于 {on} 到期，重新测评前不能向其推荐产品"),
                )),
                None => {}
            }
            match id_expires.and_then(|e| expiry(e, today, t.id_warn_days)) {
                Some(Expiry::Soon { on, days_left }) => alerts.push(alert(
                    AlertKind::IdExpiring,
                    on,
                    format!("身份证件将于 {on} 到期（还有 {days_left} 天），请提醒客户换证后更新"),
                )),
                Some(Expiry::Expired { on }) => alerts.push(alert(
                    AlertKind::IdExpired,
                    on,
                    format!("身份证件已于 {on} 到期，更新前部分业务可能受限"),
                )),
                None => {}
            }
            if is_dormant(
                day_of(last_trade),
                day_of(last_contact),
                today,
                policy.dormant_months,
            ) {
                let reason = format!("已超过 {} 个月既无交易也无联系", policy.dormant_months);
                alerts.push(alert(AlertKind::Dormant, today, reason));
            }
        }
        alerts.extend(self.outflow_alerts(today, t)?);
        alerts.extend(self.complaint_alerts(today, t)?);
        alerts.extend(self.satisfaction_alerts(today, t)?);
        alerts.extend(self.margin_alerts(today, t)?);
        alerts.extend(self.market_alerts(today, t)?);
        alerts.sort_by(|a, b| {
            (a.kind, a.due_on, &a.client_id).cmp(&(b.kind, b.due_on, &b.client_id))
        });
        Ok(alerts)
    }

    /// Transfers out in the last week that are large against the client's recent month-end assets.
    fn outflow_alerts(&self, today: NaiveDate, t: &AlertThresholds) -> Result<Vec<BookAlert>> {
        let since = shanghai_midnight(today - Days::new(OUTFLOW_DAYS - 1));
        let rows: Vec<TransferOut> = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, x.transferred_at, x.amount, \
                 (SELECT sum(total_assets) / count(*) FROM (SELECT total_assets FROM asset_months m \
                   WHERE m.client_id = c.id ORDER BY month DESC LIMIT 3)) \
                 FROM cash_transfers x JOIN clients c ON c.id = x.client_id \
                 WHERE x.direction = 'out' AND x.transferred_at >= ?1 ORDER BY x.transferred_at",
            )?
            .query_map([since], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows
            .into_iter()
            .filter(|(_, _, _, amount, average)| {
                is_outflow_alert(Fen(*amount), Fen(average.unwrap_or(0)), t)
            })
            .map(|(client_id, client_name, at, amount, average)| {
                let day = shanghai_date(at);
                let share = average
                    .filter(|a| *a > 0)
                    .map(|a| {
                        format!(
                            "，约为近三个月平均资产的 {}%",
                            i128::from(amount) * 100 / i128::from(a)
                        )
                    })
                    .unwrap_or_default();
                BookAlert {
                    kind: AlertKind::AssetOutflow,
                    client_id: Some(client_id),
                    client_name: Some(client_name),
                    due_on: day,
                    reason: format!("{day} 银证转出 {}{share}，请关注资产流失", Fen(amount)),
                }
            })
            .collect())
    }

    /// Open complaints whose service time limit is near or past.
    fn complaint_alerts(&self, today: NaiveDate, t: &AlertThresholds) -> Result<Vec<BookAlert>> {
        let until = today + Days::new(u64::from(t.complaint_warn_days));
        let rows: Vec<(String, String, NaiveDate, String)> = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, s.due_on, s.summary FROM service_cases s \
                 JOIN clients c ON c.id = s.client_id \
                 WHERE s.kind = 'complaint' AND s.closed_on IS NULL AND s.due_on IS NOT NULL \
                 AND s.due_on <= ?1 ORDER BY s.due_on",
            )?
            .query_map([until], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows
            .into_iter()
            .map(|(client_id, client_name, due_on, summary)| {
                let when = if due_on < today {
                    "已超过"
                } else {
                    "临近"
                };
                BookAlert {
                    kind: AlertKind::ComplaintDeadline,
                    client_id: Some(client_id),
                    client_name: Some(client_name),
                    due_on,
                    reason: format!("投诉「{summary}」{when}处理时限 {due_on}"),
                }
            })
            .collect())
    }

    /// Return visits of the last month where the client scored the service at or under the
    /// firm's low line: the broker should call back.
    fn satisfaction_alerts(&self, today: NaiveDate, t: &AlertThresholds) -> Result<Vec<BookAlert>> {
        let since = today - Days::new(LOW_SCORE_ALERT_DAYS);
        let rows: Vec<(String, String, NaiveDate, u8, Option<String>)> = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, s.opened_on, s.satisfaction, s.client_words \
                 FROM service_cases s JOIN clients c ON c.id = s.client_id \
                 WHERE s.kind = 'return_visit' AND s.satisfaction <= ?1 AND s.opened_on >= ?2 \
                 ORDER BY s.opened_on",
            )?
            .query_map(params![t.low_satisfaction_score, since], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows
            .into_iter()
            .filter(|(_, _, on, score, _)| {
                is_low_alert(*score, t.low_satisfaction_score, *on, today)
            })
            .map(|(client_id, client_name, on, score, words)| {
                let said = words.map_or(String::new(), |w| format!("：「{w}」"));
                BookAlert {
                    kind: AlertKind::LowSatisfaction,
                    client_id: Some(client_id),
                    client_name: Some(client_name),
                    due_on: on,
                    reason: format!("{on} 总部回访满意度 {score} 分{said}，请尽快联系客户"),
                }
            })
            .collect())
    }

    /// Margin accounts at or under the warning line, from the ratio at the last close.
    fn margin_alerts(&self, today: NaiveDate, t: &AlertThresholds) -> Result<Vec<BookAlert>> {
        let rows: Vec<(String, String, String, u32)> = self
            .conn()
            .prepare_cached(
                "SELECT c.id, c.name, a.account_no, a.margin_ratio_bp FROM accounts a \
                 JOIN clients c ON c.id = a.client_id \
                 WHERE a.margin_ratio_bp IS NOT NULL AND a.margin_ratio_bp <= ?1 \
                 ORDER BY a.margin_ratio_bp",
            )?
            .query_map([t.margin_warn_bp], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let percent = |bp: u32| format!("{}.{:02}%", bp / 100, bp % 100);
        Ok(rows
            .into_iter()
            .filter_map(|(client_id, client_name, account_no, ratio)| {
                let (kind, what) = match margin_level(ratio, t)? {
                    MarginLevel::ForcedSale => (
                        AlertKind::ForcedSale,
                        format!(
                            "低于平仓线 {}，请立即联系客户追加担保物或自行减仓",
                            percent(t.margin_force_bp)
                        ),
                    ),
                    MarginLevel::Warning => (
                        AlertKind::MarginWarning,
                        format!(
                            "已到预警线 {}，请提醒客户补充担保物",
                            percent(t.margin_warn_bp)
                        ),
                    ),
                };
                Some(BookAlert {
                    kind,
                    client_id: Some(client_id),
                    client_name: Some(client_name),
                    due_on: today,
                    reason: format!(
                        "信用账户 {account_no} 维持担保比例 {}，{what}",
                        percent(ratio)
                    ),
                })
            })
            .collect())
    }
}
