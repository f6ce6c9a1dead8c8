//! One sync pass as the window sees it: the status bar's state before, during and after, and
//! what a failed pass means (offline is a state, an ended session an error).

use crate::error::Result;
use crate::ipc::{Connection, SyncStatus};
use crate::{lock, Desk};
use sync::SyncError;

impl Desk {
    pub fn sync_status(&self) -> SyncStatus {
        lock(&self.status).clone()
    }

    fn update_status(
        &self,
        notify: &(dyn Fn(&SyncStatus) + Send + Sync),
        change: impl FnOnce(&mut SyncStatus),
    ) {
        let snapshot = {
            let mut status = lock(&self.status);
            change(&mut status);
            status.clone()
        };
        notify(&snapshot);
    }

    /// One sync pass. A failed connection is not an error here: it is the desk's offline state,
    /// reported in the status. Only a session that cannot go on (it ended) is returned as an error.
    pub async fn sync(&self, notify: &(dyn Fn(&SyncStatus) + Send + Sync)) -> Result<SyncStatus> {
        let _one_at_a_time = self.sync_lock.lock().await;
        self.sync_locked(notify).await
    }

    /// The same, for a caller already holding the sync lock.
    pub(crate) async fn sync_locked(
        &self,
        notify: &(dyn Fn(&SyncStatus) + Send + Sync),
    ) -> Result<SyncStatus> {
        let session = self.session()?;
        self.update_status(notify, |s| {
            s.syncing = true;
            s.progress = None;
        });
        let result = session
            .engine
            .sync_once(session.store.clone(), |p| {
                self.update_status(notify, |s| s.progress = Some(p))
            })
            .await;
        let counters = {
            let store = lock(&session.store);
            // Reads work without it, only slower: a failure is no reason to fail the sync.
            if let (Ok(_), Err(e)) = (&result, store.build_read_indexes()) {
                tracing::warn!(error = %e, "cannot build the indexes for reads");
            }
            store.sync_counters()?
        };
        let ended = matches!(&result, Err(e) if e.needs_sign_in());
        let synced = result.is_ok();
        self.update_status(notify, |s| {
            s.syncing = false;
            s.progress = None;
            s.pending = counters.pending;
            s.last_sync_at = counters.last_sync_at;
            match &result {
                Ok(report) => {
                    s.connection = Connection::Online;
                    s.last_error = None;
                    if let Some(requeued) = report.head_office_restored {
                        s.notice = Some(format!(
                            "总部数据已从备份恢复：本机已重新下载客户资料，并重新提交了 {requeued} 条此前已保存、总部可能缺失的记录"
                        ));
                    }
                }
                Err(SyncError::Offline(_)) => {
                    s.connection = Connection::Offline;
                    s.last_error = result.as_ref().err().map(ToString::to_string);
                }
                Err(e) => {
                    s.connection = Connection::Online;
                    s.last_error = Some(e.to_string());
                }
            }
        });
        if let (true, Err(e)) = (ended, result) {
            // The cache stays until the broker signs in again or signs out.
            *lock(&self.session) = None;
            return Err(e.into());
        }
        if synced {
            self.check_for_update(&session).await;
            notify(&self.sync_status());
        }
        self.refresh_team_if_stale().await;
        Ok(self.sync_status())
    }
}
