//! What a lead reads about the brokers under them (issue 8): the figures of one broker or of a
//! whole subtree for a month, and how a subtree's figures add up from its brokers'. Head office
//! computes a broker's figures from its rows; adding them up is the same rule everywhere.

use crate::money::Fen;
use crate::tier::Tier;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Of a tier's clients, how many were contacted in the coverage window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TierCoverage {
    pub tier: Tier,
    pub clients: u32,
    pub contacted: u32,
}

#[derive(
    Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[ts(export)]
pub struct KpiFigures {
    /// Brokers counted (1 for one broker's figures).
    pub brokers: u32,
    pub clients: u32,
    /// Clients' assets as head office holds them now.
    pub total_assets: Fen,
    /// Bank transfers in less transfers out during the month.
    pub net_new_assets: Fen,
    pub net_commission: Fen,
    /// Clients who traded during the month.
    pub active_clients: u32,
    /// Clients with neither a trade nor a contact for the firm's dormancy period.
    pub dormant_clients: u32,
    /// Every tier, in tier order, even when it has no clients.
    pub coverage: Vec<TierCoverage>,
    pub overdue_reminders: u32,
    pub overdue_tasks: u32,
    /// Recommendation pushes sent during the month, and recipients head office withheld as
    /// unsuitable.
    pub pushes_sent: u32,
    pub recipients_blocked: u32,
    pub open_complaints: u32,
    /// Return visits (回访) of the month whose client gave a satisfaction score, and the sum of
    /// those scores (1 to 5 each).
    #[serde(default)]
    pub scored_visits: u32,
    #[serde(default)]
    pub satisfaction_points: u32,
    /// Clients moved into and out of the book during the month.
    pub transfers_in: u32,
    pub transfers_out: u32,
}

/// One month of a trend line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct TrendPoint {
    /// First day of the month.
    pub month: NaiveDate,
    pub net_commission: Fen,
}

impl KpiFigures {
    /// Empty figures with every tier present, so sums line up tier by tier.
    pub fn empty() -> KpiFigures {
        KpiFigures {
            coverage: Tier::ALL
                .into_iter()
                .map(|tier| TierCoverage {
                    tier,
                    clients: 0,
                    contacted: 0,
                })
                .collect(),
            ..KpiFigures::default()
        }
    }

    /// Adds another broker's or subtree's figures: every count and amount is additive.
    pub fn add(&mut self, other: &KpiFigures) {
        self.brokers += other.brokers;
        self.clients += other.clients;
        self.total_assets += other.total_assets;
        self.net_new_assets += other.net_new_assets;
        self.net_commission += other.net_commission;
        self.active_clients += other.active_clients;
        self.dormant_clients += other.dormant_clients;
        for theirs in &other.coverage {
            match self.coverage.iter_mut().find(|c| c.tier == theirs.tier) {
                Some(mine) => {
                    mine.clients += theirs.clients;
                    mine.contacted += theirs.contacted;
                }
                None => self.coverage.push(*theirs),
            }
        }
        self.coverage.sort_by_key(|c| c.tier);
        self.overdue_reminders += other.overdue_reminders;
        self.overdue_tasks += other.overdue_tasks;
        self.pushes_sent += other.pushes_sent;
        self.recipients_blocked += other.recipients_blocked;
        self.open_complaints += other.open_complaints;
        self.transfers_in += other.transfers_in;
        self.transfers_out += other.transfers_out;
    }

    /// Share of all clients contacted in the window, in basis points; none without clients.
    pub fn coverage_bp(&self) -> Option<u32> {
        let (clients, contacted) = self.coverage.iter().fold((0u64, 0u64), |(n, c), t| {
            (n + u64::from(t.clients), c + u64::from(t.contacted))
        });
        (clients > 0).then(|| (contacted * 10_000 / clients) as u32)
    }
}

/// Adds trend lines month by month; months missing on one side count as zero.
pub fn add_trends(into: &mut Vec<TrendPoint>, other: &[TrendPoint]) {
    for p in other {
        match into.iter_mut().find(|q| q.month == p.month) {
            Some(q) => q.net_commission += p.net_commission,
            None => into.push(*p),
        }
    }
    into.sort_by_key(|p| p.month);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broker(clients: u32, gold_contacted: u32, commission: i64) -> KpiFigures {
        let mut k = KpiFigures::empty();
        k.brokers = 1;
        k.clients = clients;
        k.net_commission = Fen(commission);
        k.coverage[2].clients = clients;
        k.coverage[2].contacted = gold_contacted;
        k.transfers_out = 1;
        k
    }

    #[test]
    fn a_subtree_adds_up_from_its_brokers() {
        let mut team = KpiFigures::empty();
        team.add(&broker(10, 5, 1_000));
        team.add(&broker(30, 3, 2_500));
        assert_eq!(team.brokers, 2);
        assert_eq!(team.clients, 40);
        assert_eq!(team.net_commission, Fen(3_500));
        assert_eq!(team.coverage.len(), 5);
        assert_eq!(team.coverage[2].contacted, 8);
        assert_eq!(team.coverage_bp(), Some(2_000));
        assert_eq!(team.transfers_out, 2);
        assert_eq!(KpiFigures::empty().coverage_bp(), None);
    }

    #[test]
    fn trends_add_month_by_month() {
        let m = |mo: u32| NaiveDate::from_ymd_opt(2026, mo, 1).unwrap();
        let mut a = vec![TrendPoint {
            month: m(10),
            net_commission: Fen(100),
        }];
        add_trends(
            &mut a,
            &[
                TrendPoint {
                    month: m(9),
                    net_commission: Fen(7),
                },
                TrendPoint {
                    month: m(10),
                    net_commission: Fen(5),
                },
            ],
        );
        assert_eq!(
            a.iter().map(|p| p.net_commission.0).collect::<Vec<_>>(),
            [7, 105]
        );
    }
}
