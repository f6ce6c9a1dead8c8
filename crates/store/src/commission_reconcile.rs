//! The desk's month beside head office's statement, every difference itemised by client and
//! trade, and the broker's disputes of them (queued in the outbox like every broker write).

use crate::commission::TradeCommission;
use crate::error::{Result, StoreError};
use crate::outbox::{enqueue, Answer};
use crate::{Store, WriteIds};
use chrono::{DateTime, NaiveDate, Utc};
use domain::pay_plan::{month_of, CreditRole, MonthPay};
use domain::Fen;
use protocol::{DisputeRecord, DisputeStatus, Mutation, MutationOp, StatementRecord};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DifferenceKind {
    /// Both have the trade; the figures differ.
    Amount,
    /// The desk credits a trade the statement leaves out.
    OnlyDesk,
    /// The statement credits a trade the desk does not know.
    OnlyStatement,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LineDifference {
    pub kind: DifferenceKind,
    pub trade_id: String,
    pub client_id: String,
    pub client_name: String,
    pub traded_at: DateTime<Utc>,
    pub security_code: String,
    pub desk_net: Option<Fen>,
    pub official_net: Option<Fen>,
    pub desk_credited: Option<Fen>,
    pub official_credited: Option<Fen>,
    /// The broker's dispute of this trade, if raised.
    pub dispute: Option<DisputeStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DisputeView {
    #[serde(flatten)]
    #[ts(flatten)]
    pub record: DisputeRecord,
    /// Still in the outbox.
    pub pending: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Reconciliation {
    pub month: NaiveDate,
    pub statement: Option<StatementRecord>,
    /// The desk's figures, with head office's adjustments so that like is compared with like.
    pub desk: MonthPay,
    #[ts(type = "number")]
    pub matched: u32,
    pub differences: Vec<LineDifference>,
    pub disputes: Vec<DisputeView>,
}

/// A dispute as the broker raises it: of one trade's credit, or of the statement's total.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct NewDispute {
    pub month: NaiveDate,
    pub trade_id: Option<String>,
    pub comment: String,
}

struct OfficialLine {
    client_id: String,
    client_name: String,
    traded_at: DateTime<Utc>,
    security_code: String,
    net: Fen,
    credited: Fen,
}

impl Store {
    fn official_lines(&self, statement_id: &str) -> Result<BTreeMap<String, OfficialLine>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT trade_id, client_id, client_name, traded_at, security_code, net_commission, \
             credited, role FROM statement_lines WHERE statement_id = ?1",
        )?;
        let rows = stmt.query_map([statement_id], |r| {
            let role: String = r.get(7)?;
            Ok((
                r.get::<_, String>(0)?,
                OfficialLine {
                    client_id: r.get(1)?,
                    client_name: r.get(2)?,
                    traded_at: r.get(3)?,
                    security_code: r.get(4)?,
                    net: Fen(r.get(5)?),
                    credited: Fen(r.get(6)?),
                },
                CreditRole::parse(&role).is_some(),
            ))
        })?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (trade, line, known_role) = row?;
            if !known_role {
                return Err(StoreError::Corrupt(format!("statement line {trade}")));
            }
            out.insert(trade, line);
        }
        Ok(out)
    }

    fn disputes(&self, statement_id: &str) -> Result<Vec<DisputeView>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, statement_id, trade_id, client_id, desk_amount, statement_amount, comment, \
             raised_at, status, answer, pending FROM disputes WHERE statement_id = ?1 \
             ORDER BY raised_at DESC",
        )?;
        let rows = stmt.query_map([statement_id], |r| {
            let status: String = r.get(8)?;
            Ok(DisputeView {
                record: DisputeRecord {
                    id: r.get(0)?,
                    statement_id: r.get(1)?,
                    trade_id: r.get(2)?,
                    client_id: r.get(3)?,
                    desk_amount: Fen(r.get(4)?),
                    statement_amount: Fen(r.get(5)?),
                    comment: r.get(6)?,
                    raised_at: r.get(7)?,
                    status: DisputeStatus::parse(&status).unwrap_or(DisputeStatus::Open),
                    answer: r.get(9)?,
                },
                pending: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn reconcile(&self, me: &str, month: NaiveDate) -> Result<Reconciliation> {
        let (first, _) = month_of(month);
        let lines = self.commission_lines(me, first)?;
        let statement = self.statement(first)?;
        let adjustments = statement.as_ref().map_or(Fen::ZERO, |s| s.adjustments);
        let desk = self.desk_pay(me, first, &lines, adjustments)?;
        let Some(st) = statement else {
            return Ok(Reconciliation {
                month: first,
                statement: None,
                desk,
                matched: 0,
                differences: Vec::new(),
                disputes: Vec::new(),
            });
        };
        let mut official = self.official_lines(&st.id)?;
        let disputes = self.disputes(&st.id)?;
        let disputed = |trade: &str| {
            disputes
                .iter()
                .find(|d| d.record.trade_id.as_deref() == Some(trade))
                .map(|d| d.record.status)
        };
        let mut matched = 0;
        let mut differences = Vec::new();
        for l in &lines {
            match official.remove(&l.trade_id) {
                Some(o) if o.net == l.net_commission && o.credited == l.credited => matched += 1,
                found => differences.push(difference(l, found.as_ref(), disputed(&l.trade_id))),
            }
        }
        for (trade_id, o) in official {
            differences.push(LineDifference {
                kind: DifferenceKind::OnlyStatement,
                dispute: disputed(&trade_id),
                trade_id,
                client_id: o.client_id,
                client_name: o.client_name,
                traded_at: o.traded_at,
                security_code: o.security_code,
                desk_net: None,
                official_net: Some(o.net),
                desk_credited: None,
                official_credited: Some(o.credited),
            });
        }
        differences.sort_by_key(|d| d.traded_at);
        Ok(Reconciliation {
            month: first,
            statement: Some(st),
            desk,
            matched,
            differences,
            disputes,
        })
    }

    /// Raises a dispute of one trade (or the total) of a month's statement, offline or not.
    pub fn dispute_statement(
        &mut self,
        me: &str,
        ids: WriteIds,
        dispute: &NewDispute,
        now: DateTime<Utc>,
    ) -> Result<String> {
        let comment = dispute.comment.trim();
        if comment.chars().count() < 4 || comment.chars().count() > 500 {
            return Err(StoreError::Invalid(
                "异议说明须为 4 到 500 字，请写明差异所在".into(),
            ));
        }
        let view = self.reconcile(me, dispute.month)?;
        let Some(statement) = view.statement else {
            return Err(StoreError::Invalid(
                "该月结算单尚未发布，发布后才能提出异议".into(),
            ));
        };
        let (client_id, desk_amount, statement_amount) = match &dispute.trade_id {
            None => (None, view.desk.total, statement.total),
            Some(trade) => {
                let d = view
                    .differences
                    .iter()
                    .find(|d| &d.trade_id == trade)
                    .ok_or_else(|| {
                        StoreError::Invalid(format!("成交 {trade} 与结算单一致，无需提出异议"))
                    })?;
                (
                    Some(d.client_id.clone()),
                    d.desk_credited.unwrap_or(Fen::ZERO),
                    d.official_credited.unwrap_or(Fen::ZERO),
                )
            }
        };
        let record = DisputeRecord {
            id: ids.record_id,
            statement_id: statement.id,
            trade_id: dispute.trade_id.clone(),
            client_id,
            desk_amount,
            statement_amount,
            comment: comment.to_string(),
            raised_at: now,
            status: DisputeStatus::Open,
            answer: None,
        };
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO disputes (id, statement_id, trade_id, client_id, desk_amount, \
             statement_amount, comment, raised_at, status, pending) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', 1)",
            params![
                record.id,
                record.statement_id,
                record.trade_id,
                record.client_id,
                record.desk_amount.0,
                record.statement_amount.0,
                record.comment,
                record.raised_at
            ],
        )?;
        let id = record.id.clone();
        enqueue(
            &tx,
            &Mutation {
                id: ids.mutation_id,
                made_at: now,
                op: MutationOp::DisputeStatement(record),
            },
        )?;
        tx.commit()?;
        Ok(id)
    }
}

fn difference(
    l: &TradeCommission,
    official: Option<&OfficialLine>,
    dispute: Option<DisputeStatus>,
) -> LineDifference {
    LineDifference {
        kind: if official.is_some() {
            DifferenceKind::Amount
        } else {
            DifferenceKind::OnlyDesk
        },
        trade_id: l.trade_id.clone(),
        client_id: l.client_id.clone(),
        client_name: l.client_name.clone(),
        traded_at: l.traded_at,
        security_code: l.security_code.clone(),
        desk_net: Some(l.net_commission),
        official_net: official.map(|o| o.net),
        desk_credited: Some(l.credited),
        official_credited: official.map(|o| o.credited),
        dispute,
    }
}

/// Head office's answer to a dispute: taken, or refused (head office holds no such dispute, so
/// the desk's goes; the text is kept for the broker).
pub(crate) fn settle_answer(
    tx: &rusqlite::Transaction<'_>,
    dispute: &DisputeRecord,
    answer: &Answer<'_>,
) -> Result<()> {
    if answer.refusal().is_none() {
        tx.execute(
            "UPDATE disputes SET pending = 0 WHERE id = ?1",
            [&dispute.id],
        )?;
        return Ok(());
    }
    tx.execute("DELETE FROM disputes WHERE id = ?1", [&dispute.id])?;
    answer.record_refusal(tx, &format!("佣金异议：{}", dispute.comment))
}
