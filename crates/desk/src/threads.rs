//! Transfer requests and internal threads on the desk. A broker's own request or message is
//! written to the cache and the outbox at once; a lead reads and writes threads and decisions at
//! head office directly, since what they act on lives in their brokers' books, not on this desk.

use super::{lock, random_id, Desk};
use crate::error::{DeskError, Result};
use protocol::team::{
    CommentQuery, CommentRecord, CommentSubject, NewComment, TransferDecision,
    TransferRequestRecord,
};
use store::{CommentView, TransferRequestView, WriteIds};

fn ids(prefix: &str) -> WriteIds {
    WriteIds {
        mutation_id: format!("m-{}", random_id()),
        record_id: format!("{prefix}-{}", random_id()),
    }
}

/// What a lead does at head office fails offline with this, and nothing is changed.
fn needs_head_office(e: sync::SyncError, what: &str) -> DeskError {
    match e {
        sync::SyncError::Offline(_) => {
            DeskError::Validation(format!("{what}需要连接总部，请联网后再试"))
        }
        other => other.into(),
    }
}

impl Desk {
    pub(crate) fn me(&self) -> Result<(std::sync::Arc<super::Session>, String, String)> {
        let session = self.unlocked()?;
        let user = session
            .profile
            .user
            .as_ref()
            .map(|u| (u.user_id.clone(), u.display_name.clone()))
            .ok_or(DeskError::NotSignedIn)?;
        Ok((session, user.0, user.1))
    }

    pub fn request_transfer(
        &self,
        client_id: &str,
        to_broker: &str,
        reason: &str,
    ) -> Result<Vec<TransferRequestView>> {
        let (session, id, name) = self.me()?;
        let mut store = lock(&session.store);
        store.request_transfer(
            ids("TR"),
            (&id, &name),
            client_id,
            to_broker,
            reason,
            self.now(),
        )?;
        Ok(store.transfer_requests(Some(client_id))?)
    }

    pub fn transfer_requests(&self, client_id: Option<&str>) -> Result<Vec<TransferRequestView>> {
        let session = self.unlocked()?;
        let requests = lock(&session.store).transfer_requests(client_id)?;
        Ok(requests)
    }

    pub fn comments(&self, subject: CommentSubject, subject_id: &str) -> Result<Vec<CommentView>> {
        let session = self.unlocked()?;
        let thread = lock(&session.store).comments(subject, subject_id)?;
        Ok(thread)
    }

    pub fn add_comment(
        &self,
        subject: CommentSubject,
        subject_id: &str,
        body: &str,
    ) -> Result<Vec<CommentView>> {
        let (session, id, name) = self.me()?;
        let mut store = lock(&session.store);
        store.add_comment(
            ids("CM"),
            (&id, &name),
            subject,
            subject_id,
            body,
            self.now(),
        )?;
        Ok(store.comments(subject, subject_id)?)
    }

    pub async fn team_transfers(&self) -> Result<Vec<TransferRequestRecord>> {
        let session = self.unlocked()?;
        let requests = session.engine.team_transfers().await;
        requests.map_err(|e| needs_head_office(e, "查看移交申请"))
    }

    pub async fn decide_transfer(
        &self,
        decision: &TransferDecision,
    ) -> Result<TransferRequestRecord> {
        let session = self.unlocked()?;
        let decided = session.engine.decide_transfer(decision).await;
        let decided = decided.map_err(|e| needs_head_office(e, "审批移交申请"))?;
        // Transfers in and out change the brokers' figures: show the new ones.
        if let Err(e) = session.engine.refresh_team(&session.store).await {
            tracing::warn!("team dashboards not refreshed after a decision: {e}");
        }
        Ok(decided)
    }

    pub async fn team_comments(&self, query: &CommentQuery) -> Result<Vec<CommentRecord>> {
        let session = self.unlocked()?;
        let thread = session.engine.team_comments(query).await;
        thread.map_err(|e| needs_head_office(e, "查看留言"))
    }

    pub async fn add_team_comment(&self, comment: &NewComment) -> Result<Vec<CommentRecord>> {
        let session = self.unlocked()?;
        let thread = session.engine.add_team_comment(comment).await;
        thread.map_err(|e| needs_head_office(e, "留言"))
    }
}
