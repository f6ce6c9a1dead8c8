//! Views of the whole book: where its net commission comes from (80/20) and how it spreads over
//! the tiers.

use crate::error::Result;
use crate::queries::tier;
use crate::Store;
use chrono::{Months, NaiveDate};
use domain::pareto::clients_reaching;
use domain::{Fen, Tier, TierPolicy};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClientContribution {
    pub client_id: String,
    pub name: String,
    pub tier: Tier,
    pub net_commission: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ContributionReport {
    /// First day of the 12-month window.
    pub since: NaiveDate,
    pub total: Fen,
    /// Every client, largest contribution first.
    pub clients: Vec<ClientContribution>,
    /// How many of the top clients bring 80 % of the total.
    #[ts(type = "number")]
    pub clients_for_80: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierSummary {
    pub tier: Tier,
    #[ts(type = "number")]
    pub clients: u64,
    pub total_assets: Fen,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierReport {
    pub policy: TierPolicy,
    /// All five tiers, 钻石 first, including empty ones.
    pub tiers: Vec<TierSummary>,
}

impl Store {
    /// Net commission per client over the 12 months before `today`.
    pub fn contribution(&self, today: NaiveDate) -> Result<ContributionReport> {
        let since = today.checked_sub_months(Months::new(12)).unwrap_or(today);
        let mut stmt = self.conn().prepare_cached(
            "SELECT c.id, c.name, c.tier, coalesce(sum(t.net_commission), 0) AS net \
             FROM clients c LEFT JOIN trades t ON t.client_id = c.id AND t.traded_at >= ?1 \
             GROUP BY c.id ORDER BY net DESC, c.id",
        )?;
        let raw: Vec<(String, String, String, i64)> = stmt
            .query_map([since.format("%Y-%m-%d").to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let clients = raw
            .into_iter()
            .map(|(client_id, name, t, net)| {
                Ok(ClientContribution {
                    client_id,
                    name,
                    tier: tier(&t)?,
                    net_commission: Fen(net),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let values: Vec<Fen> = clients.iter().map(|c| c.net_commission).collect();
        Ok(ContributionReport {
            since,
            total: values.iter().fold(Fen::ZERO, |a, b| a + *b),
            clients_for_80: clients_reaching(&values, 8_000) as u64,
            clients,
        })
    }

    pub fn tier_report(&self) -> Result<TierReport> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT tier, count(*), coalesce(sum(total_assets), 0) FROM clients GROUP BY tier",
        )?;
        let counted: Vec<(String, i64, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let tiers = Tier::ALL
            .into_iter()
            .rev()
            .map(|t| {
                let found = counted.iter().find(|(code, _, _)| code == t.code());
                TierSummary {
                    tier: t,
                    clients: found.map_or(0, |f| f.1.unsigned_abs()),
                    total_assets: Fen(found.map_or(0, |f| f.2)),
                }
            })
            .collect();
        Ok(TierReport {
            policy: self.firm_policy()?.tiers,
            tiers,
        })
    }
}
