//! The 团队 panel on the desk: the lead's last dashboards from the cache (so they read offline,
//! with the time they were taken), a refresh from head office, and task assignment, which needs
//! head office to be reachable.

use super::{lock, Desk};
use crate::error::{DeskError, Result};
use chrono::Duration;
use protocol::team::{AssignTasks, AssignedTasks, BrokerDashboard, TeamDashboard};
use protocol::Role;
use std::sync::Arc;

/// A background sync refreshes the dashboards when the cached ones are older than this.
const TEAM_STALE_MINUTES: i64 = 5;

impl Desk {
    fn leads_a_team(&self) -> Result<Arc<super::Session>> {
        let session = self.unlocked()?;
        match session.profile.user.as_ref().map(|u| u.role) {
            Some(Role::TeamLead | Role::BranchManager | Role::Admin) => Ok(session),
            _ => Err(DeskError::Validation(
                "团队看板仅对团队长、营业部负责人开放".into(),
            )),
        }
    }

    pub fn team_dashboard(&self, unit: Option<&str>) -> Result<Option<TeamDashboard>> {
        let session = self.leads_a_team()?;
        let dashboard = lock(&session.store).team_dashboard(unit)?;
        Ok(dashboard)
    }

    pub fn team_broker(&self, broker_id: &str) -> Result<Option<BrokerDashboard>> {
        let session = self.leads_a_team()?;
        let dashboard = lock(&session.store).team_broker(broker_id)?;
        Ok(dashboard)
    }

    /// Fetches every dashboard of the subtree again; the lead's own unit's is returned.
    pub async fn refresh_team(&self) -> Result<Option<TeamDashboard>> {
        let session = self.leads_a_team()?;
        session.engine.refresh_team(&session.store).await?;
        let root = lock(&session.store).team_dashboard(None)?;
        Ok(root)
    }

    /// After a background sync: refresh a lead's dashboards if they are stale. A failure leaves
    /// the last ones in place, which the panel shows with their time.
    pub(super) async fn refresh_team_if_stale(&self) {
        let Ok(session) = self.leads_a_team() else {
            return;
        };
        let taken = lock(&session.store).team_taken_at().ok().flatten();
        if taken.is_some_and(|t| self.now() - t < Duration::minutes(TEAM_STALE_MINUTES)) {
            return;
        }
        if let Err(e) = session.engine.refresh_team(&session.store).await {
            tracing::warn!("team dashboards not refreshed: {e}");
        }
    }

    pub async fn assign_tasks(&self, request: &AssignTasks) -> Result<AssignedTasks> {
        let session = self.leads_a_team()?;
        let made = session
            .engine
            .assign_tasks(request)
            .await
            .map_err(|e| match e {
                sync::SyncError::Offline(_) => {
                    DeskError::Validation("分配任务需要连接总部，请联网后再试；任务未分配".into())
                }
                other => other.into(),
            })?;
        // The assignees' overdue counts change with their tasks: show the new figures.
        if let Err(e) = session.engine.refresh_team(&session.store).await {
            tracing::warn!("team dashboards not refreshed after assigning: {e}");
        }
        Ok(made)
    }
}
