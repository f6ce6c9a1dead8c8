//! 考核: each broker's month scored against their peers (the brokers of the same class, when the
//! class has its own scheme, else of the same level), by that scheme of weights. Every measure is scored by where the broker stands among their peers
//! (0 for the last, 100 for the first, ties sharing), so measures in yuan, clients and ratios
//! weigh as the scheme says and not by their units. A total is in hundredths of a point, out of
//! 100.00, and exact: no floating point decides a rank.

use crate::kpi::KpiFigures;
use crate::satisfaction::average_tenths;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use ts_rs::TS;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Measure {
    NetCommission,
    NetNewAssets,
    ActiveClients,
    /// Clients contacted in the coverage window, per ten thousand clients.
    ContactCoverage,
    /// Complaints still open: fewer is better.
    OpenComplaints,
    /// The month's return-visit satisfaction, average in tenths (4.3 is 43).
    Satisfaction,
    /// Push recipients head office withheld as unsuitable (compliance breaches tried): fewer is
    /// better.
    BlockedRecipients,
}

impl Measure {
    pub const ALL: [Measure; 7] = [
        Measure::NetCommission,
        Measure::NetNewAssets,
        Measure::ActiveClients,
        Measure::ContactCoverage,
        Measure::OpenComplaints,
        Measure::Satisfaction,
        Measure::BlockedRecipients,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Measure::NetCommission => "净佣金",
            Measure::NetNewAssets => "净流入资产",
            Measure::ActiveClients => "活跃客户",
            Measure::ContactCoverage => "联系覆盖率",
            Measure::OpenComplaints => "未结投诉",
            Measure::Satisfaction => "客户满意度",
            Measure::BlockedRecipients => "适当性拦截",
        }
    }

    fn higher_is_better(self) -> bool {
        !matches!(self, Measure::OpenComplaints | Measure::BlockedRecipients)
    }

    /// The broker's figure for the measure: fen, a count, or per ten thousand.
    pub fn figure(self, f: &KpiFigures) -> i64 {
        match self {
            Measure::NetCommission => f.net_commission.0,
            Measure::NetNewAssets => f.net_new_assets.0,
            Measure::ActiveClients => i64::from(f.active_clients),
            Measure::ContactCoverage => {
                let clients: i64 = f.coverage.iter().map(|c| i64::from(c.clients)).sum();
                let contacted: i64 = f.coverage.iter().map(|c| i64::from(c.contacted)).sum();
                if clients == 0 {
                    0
                } else {
                    contacted * 10_000 / clients
                }
            }
            Measure::OpenComplaints => i64::from(f.open_complaints),
            // A month without a scored visit counts as the scale's middle (3.0, 一般): the
            // broker is neither rewarded nor held back for visits head office did not make.
            Measure::Satisfaction => i64::from(
                average_tenths(f.satisfaction_points, f.scored_visits).unwrap_or(NO_SCORED_VISIT),
            ),
            Measure::BlockedRecipients => i64::from(f.recipients_blocked),
        }
    }
}

/// What a month without a scored return visit counts as: 3.0, in tenths.
const NO_SCORED_VISIT: u32 = 30;

/// How much a measure counts, in percent of the total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct Weight {
    pub measure: Measure,
    pub percent: u32,
}

/// Whom a scheme appraises, and so among whom a broker is ranked. A class's scheme (the kind
/// of work says what counts) comes first, then a group's (the channel served: a bank counter
/// brings in assets, not trades), then the level's: a broker whose class has one is ranked among
/// their class, one whose group has one among their group, any other among their level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Appraised {
    /// A level's brokers, by the level's pay plan id.
    Level(String),
    /// A class's brokers (`broker_category`), by the class's id.
    Class(String),
    /// A group's brokers (`broker_category`), by the group's id.
    Group(String),
}

impl Appraised {
    pub fn kind(&self) -> CohortKind {
        match self {
            Appraised::Level(_) => CohortKind::Level,
            Appraised::Class(_) => CohortKind::Class,
            Appraised::Group(_) => CohortKind::Group,
        }
    }

    pub fn id(&self) -> &str {
        match self {
            Appraised::Level(id) | Appraised::Class(id) | Appraised::Group(id) => id,
        }
    }
}

/// Whether a broker was ranked among their level, their class or their group.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CohortKind {
    #[default]
    Level,
    Class,
    Group,
}

impl CohortKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            CohortKind::Level => "级别",
            CohortKind::Class => "类别",
            CohortKind::Group => "组别",
        }
    }
}

/// A scorecard: the weights of its measures, adding up to 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct AppraisalScheme {
    pub applies_to: Appraised,
    pub weights: Vec<Weight>,
}

/// What is wrong with a scheme; the caller names the level or class it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AppraisalError {
    #[error("各项权重合计须为 100%，现为 {total}%")]
    NotHundred { total: u32 },
    #[error("{measure}重复出现")]
    Repeated { measure: &'static str },
}

impl AppraisalScheme {
    /// What a level or class is appraised by until the firm sets its own: results first,
    /// service and compliance after.
    pub fn firm_default(applies_to: Appraised) -> AppraisalScheme {
        AppraisalScheme {
            applies_to,
            weights: Self::default_weights(),
        }
    }

    /// The default's weights, which a new scheme starts from.
    pub fn default_weights() -> Vec<Weight> {
        let w = |measure, percent| Weight { measure, percent };
        vec![
            w(Measure::NetCommission, 30),
            w(Measure::NetNewAssets, 20),
            w(Measure::ActiveClients, 10),
            w(Measure::ContactCoverage, 10),
            w(Measure::Satisfaction, 10),
            w(Measure::OpenComplaints, 10),
            w(Measure::BlockedRecipients, 10),
        ]
    }

    pub fn validate(&self) -> Result<(), AppraisalError> {
        for (i, w) in self.weights.iter().enumerate() {
            if self.weights[..i].iter().any(|o| o.measure == w.measure) {
                return Err(AppraisalError::Repeated {
                    measure: w.measure.label_zh(),
                });
            }
        }
        let total: u32 = self.weights.iter().map(|w| w.percent).sum();
        if total != 100 {
            return Err(AppraisalError::NotHundred { total });
        }
        Ok(())
    }
}

/// One measure of one broker's card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct MeasureScore {
    pub measure: Measure,
    pub percent: u32,
    /// The broker's figure (`Measure::figure`); a month's fen stay far below 2^53, so the
    /// console reads it as a number.
    #[ts(type = "number")]
    pub figure: i64,
    /// Where it stands among the peers, 0 to 100.
    pub standing: u32,
    /// `percent` × `standing`, in hundredths of a point.
    pub points: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct Scorecard {
    pub broker_id: String,
    /// Out of 10000 (100.00 points).
    pub total: u32,
    /// 1 for the best; equal totals share a rank.
    pub rank: u32,
    /// How many peers were scored together.
    pub peers: u32,
    pub parts: Vec<MeasureScore>,
}

/// One measure's figures of a whole level, sorted, so each broker's standing is two binary
/// searches rather than a pass over every peer: a level may hold thousands of brokers.
struct Field {
    sorted: Vec<i64>,
    higher_is_better: bool,
}

impl Field {
    /// 0 to 100: how many peers `me` beats, ties (other than the broker themself) counting half.
    fn standing(&self, me: i64) -> u32 {
        let below = self.sorted.partition_point(|v| *v < me);
        let equal = self.sorted.partition_point(|v| *v <= me) - below;
        let above = self.sorted.len() - below - equal;
        let others = self.sorted.len().saturating_sub(1) as u64;
        if others == 0 {
            return 100;
        }
        let beaten = if self.higher_is_better { below } else { above } as u64;
        let tied = equal.saturating_sub(1) as u64;
        u32::try_from((2 * beaten + tied) * 100 / (2 * others)).unwrap_or(100)
    }
}

/// Every broker of `peers` scored by `scheme`, best first (equal totals by id).
pub fn score(peers: &[(String, KpiFigures)], scheme: &AppraisalScheme) -> Vec<Scorecard> {
    let fields: Vec<Field> = scheme
        .weights
        .iter()
        .map(|w| {
            let mut sorted: Vec<i64> = peers.iter().map(|(_, f)| w.measure.figure(f)).collect();
            sorted.sort_unstable();
            Field {
                sorted,
                higher_is_better: w.measure.higher_is_better(),
            }
        })
        .collect();
    let mut cards: Vec<Scorecard> = peers
        .iter()
        .map(|(broker_id, figures)| {
            let parts: Vec<MeasureScore> = scheme
                .weights
                .iter()
                .zip(&fields)
                .map(|(w, field)| {
                    let me = w.measure.figure(figures);
                    let standing = field.standing(me);
                    MeasureScore {
                        measure: w.measure,
                        percent: w.percent,
                        figure: me,
                        standing,
                        points: w.percent * standing,
                    }
                })
                .collect();
            Scorecard {
                broker_id: broker_id.clone(),
                total: parts.iter().map(|p| p.points).sum(),
                rank: 0,
                peers: u32::try_from(peers.len()).unwrap_or(u32::MAX),
                parts,
            }
        })
        .collect();
    cards.sort_by(|a, b| b.total.cmp(&a.total).then(a.broker_id.cmp(&b.broker_id)));
    let mut rank = 0;
    for i in 0..cards.len() {
        if i == 0 || cards[i].total != cards[i - 1].total {
            rank = u32::try_from(i).unwrap_or(u32::MAX) + 1;
        }
        cards[i].rank = rank;
    }
    cards
}

#[cfg(test)]
#[path = "appraisal_tests.rs"]
mod tests;
