//! A lead's side of sync: the dashboards of their subtree, fetched whole and cached for offline
//! reading, and tasks assigned to subordinates (which need head office there and then: a task
//! made offline could name a broker who has since left the subtree).

use crate::engine::{with_store, SyncEngine};
use crate::error::Result;
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, BrokerQuery, CommentQuery, CommentRecord,
    NewComment, TeamDashboard, TeamNode, TeamQuery, TransferDecision, TransferRequestRecord,
};
use std::sync::{Arc, Mutex};
use store::Store;

/// How much a refresh brought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamRefresh {
    pub units: usize,
    pub brokers: usize,
}

fn walk<'a>(node: &'a TeamNode, units: &mut Vec<&'a str>, brokers: &mut Vec<&'a str>) {
    units.push(&node.unit_id);
    brokers.extend(node.brokers.iter().map(|b| b.id.as_str()));
    for child in &node.children {
        walk(child, units, brokers);
    }
}

impl SyncEngine {
    async fn team_dashboard(&self, unit: Option<String>) -> Result<TeamDashboard> {
        let query = TeamQuery { unit, month: None };
        self.authorized(|token| {
            let head_office = self.head_office().clone();
            let query = query.clone();
            async move { head_office.team_dashboard(&token, &query).await }
        })
        .await
    }

    async fn team_broker(&self, broker: &str) -> Result<BrokerDashboard> {
        let query = BrokerQuery {
            broker: broker.to_string(),
            month: None,
        };
        self.authorized(|token| {
            let head_office = self.head_office().clone();
            let query = query.clone();
            async move { head_office.team_broker(&token, &query).await }
        })
        .await
    }

    /// Fetches the lead's own unit, every unit and every broker under it, and replaces the cache
    /// only once all have arrived, so the panel never mixes two moments.
    pub async fn refresh_team(&self, store: &Arc<Mutex<Store>>) -> Result<TeamRefresh> {
        let root = self.team_dashboard(None).await?;
        let (mut unit_ids, mut broker_ids) = (Vec::new(), Vec::new());
        walk(&root.tree, &mut unit_ids, &mut broker_ids);
        let mut units = Vec::with_capacity(unit_ids.len());
        for id in unit_ids.iter().skip(1) {
            units.push(self.team_dashboard(Some(id.to_string())).await?);
        }
        let mut brokers = Vec::with_capacity(broker_ids.len());
        for id in &broker_ids {
            brokers.push(self.team_broker(id).await?);
        }
        units.insert(0, root);
        let refresh = TeamRefresh {
            units: units.len(),
            brokers: brokers.len(),
        };
        with_store(store, move |s| s.replace_team_snapshots(&units, &brokers)).await?;
        Ok(refresh)
    }

    pub async fn assign_tasks(&self, request: &AssignTasks) -> Result<AssignedTasks> {
        self.authorized(|token| {
            let head_office = self.head_office().clone();
            let request = request.clone();
            async move { head_office.assign_tasks(&token, &request).await }
        })
        .await
    }

    pub async fn team_transfers(&self) -> Result<Vec<TransferRequestRecord>> {
        self.authorized(|token| {
            let head_office = self.head_office().clone();
            async move { head_office.team_transfers(&token).await }
        })
        .await
    }

    pub async fn decide_transfer(
        &self,
        decision: &TransferDecision,
    ) -> Result<TransferRequestRecord> {
        self.authorized(|token| {
            let head_office = self.head_office().clone();
            let decision = decision.clone();
            async move { head_office.decide_transfer(&token, &decision).await }
        })
        .await
    }

    pub async fn team_comments(&self, query: &CommentQuery) -> Result<Vec<CommentRecord>> {
        self.authorized(|token| {
            let head_office = self.head_office().clone();
            let query = query.clone();
            async move { head_office.team_comments(&token, &query).await }
        })
        .await
    }

    pub async fn add_team_comment(&self, comment: &NewComment) -> Result<Vec<CommentRecord>> {
        self.authorized(|token| {
            let head_office = self.head_office().clone();
            let comment = comment.clone();
            async move { head_office.add_team_comment(&token, &comment).await }
        })
        .await
    }
}
