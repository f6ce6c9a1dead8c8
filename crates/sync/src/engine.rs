//! One sync pass: renew the session if needed, then pull pages and apply each with its cursor.

use crate::client::HeadOffice;
use crate::error::{Result, SyncError, VaultError};
use clock::SharedClock;
use protocol::{
    ErrorCode, PullQuery, PushRequest, RefreshRequest, SessionTokens, SignInRequest, UserProfile,
};
use serde::Serialize;
use std::future::Future;
use std::sync::{Arc, Mutex};
use store::Store;
use ts_rs::TS;

/// Where the refresh token lives between runs: the OS keyring in the app, memory in tests.
pub trait TokenVault: Send + Sync {
    fn refresh_token(&self) -> Result<Option<String>, VaultError>;
    fn set_refresh_token(&self, token: &str) -> Result<(), VaultError>;
}

/// Rows applied so far out of the rows this pass will bring, for the first sync's progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SyncProgress {
    #[ts(type = "number")]
    pub applied: u64,
    #[ts(type = "number")]
    pub total: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SyncReport {
    /// Mutations head office answered for (applied or refused).
    pub pushed: u64,
    pub pulled: u64,
    pub pages: u32,
    /// Head office had been restored from a backup: the book was pulled again from the start
    /// and this many writes it had accepted before were pushed again.
    pub head_office_restored: Option<u64>,
}

/// How one pass of a sync ended.
enum Pass {
    Done(SyncReport),
    /// Head office's epoch changed: the pass stopped before applying anything of the new one.
    Restored {
        requeued: u64,
    },
}

/// Mutations per push request.
const PUSH_BATCH: usize = 100;

pub struct SyncEngine {
    head_office: HeadOffice,
    device_id: String,
    vault: Arc<dyn TokenVault>,
    /// Held across a renewal so that two callers never spend the same refresh token (which head
    /// office would take for a replay and end the session).
    access: tokio::sync::Mutex<Option<String>>,
    /// The refresh token last sent whose answer never came, and the retry key sent with it: only
    /// the same key makes a second try a retry rather than a replay. Never stored on disk, so a
    /// copy of the token taken from this machine cannot pass for this desk.
    unanswered: std::sync::Mutex<Option<(String, String)>>,
    page_size: u32,
    /// When a sync finished and when head office's answers were settled: the desk's clock.
    clock: SharedClock,
}

impl SyncEngine {
    pub fn new(
        head_office: HeadOffice,
        device_id: String,
        vault: Arc<dyn TokenVault>,
        clock: SharedClock,
    ) -> SyncEngine {
        SyncEngine {
            head_office,
            device_id,
            vault,
            clock,
            access: tokio::sync::Mutex::new(None),
            unanswered: std::sync::Mutex::new(None),
            page_size: 5_000,
        }
    }

    pub fn with_page_size(mut self, page_size: u32) -> SyncEngine {
        self.page_size = page_size.clamp(1, PullQuery::MAX_LIMIT);
        self
    }

    pub fn head_office(&self) -> &HeadOffice {
        &self.head_office
    }

    /// Signs in with a password. The password goes to head office once and is kept nowhere; the
    /// refresh token goes to the vault.
    pub async fn sign_in(&self, username: &str, password: &str) -> Result<UserProfile> {
        let tokens = self
            .head_office
            .sign_in(&SignInRequest {
                username: username.to_string(),
                password: password.to_string(),
                device_id: self.device_id.clone(),
            })
            .await?;
        self.accept(tokens).await
    }

    async fn accept(&self, tokens: SessionTokens) -> Result<UserProfile> {
        self.vault.set_refresh_token(&tokens.refresh_token)?;
        *self.access.lock().await = Some(tokens.access_token);
        Ok(tokens.user)
    }

    async fn renew(&self, slot: &mut Option<String>) -> Result<String> {
        let refresh_token = self.vault.refresh_token()?.ok_or(SyncError::NotSignedIn)?;
        let retry_key = self.retry_key_for(&refresh_token);
        let tokens = self
            .head_office
            .refresh(&RefreshRequest {
                refresh_token,
                device_id: self.device_id.clone(),
                retry_key: Some(retry_key),
            })
            .await?;
        self.vault.set_refresh_token(&tokens.refresh_token)?;
        *self.unanswered.lock().unwrap_or_else(|p| p.into_inner()) = None;
        *slot = Some(tokens.access_token.clone());
        Ok(tokens.access_token)
    }

    /// Returns once no renewal is in flight. Head office spends the old refresh token as it
    /// answers, so a process that ends between that answer and keeping the new token leaves a
    /// spent one behind, and the next start is taken for a replay: the broker must sign in again.
    pub async fn wait_for_renewal(&self) {
        drop(self.access.lock().await);
    }

    /// The key to send with `refresh_token`: the one sent before if that try went unanswered,
    /// otherwise a new one, remembered until an answer comes.
    fn retry_key_for(&self, refresh_token: &str) -> String {
        let mut unanswered = self.unanswered.lock().unwrap_or_else(|p| p.into_inner());
        match unanswered.as_ref() {
            Some((token, key)) if token == refresh_token => key.clone(),
            _ => {
                let mut bytes = [0u8; 16];
                rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut bytes);
                let key = hex::encode(bytes);
                *unanswered = Some((refresh_token.to_string(), key.clone()));
                key
            }
        }
    }

    /// Runs `call` with a valid access token, renewing it once if head office says it expired.
    pub(crate) async fn authorized<T, F, Fut>(&self, call: F) -> Result<T>
    where
        F: Fn(String) -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let token = {
            let mut slot = self.access.lock().await;
            match slot.clone() {
                Some(t) => t,
                None => self.renew(&mut slot).await?,
            }
        };
        match call(token.clone()).await {
            Err(SyncError::Refused(e)) if e.code == ErrorCode::Unauthorized => {
                let fresh = {
                    let mut slot = self.access.lock().await;
                    // Another caller may have renewed while this one waited for the lock.
                    match slot.clone() {
                        Some(t) if t != token => t,
                        _ => self.renew(&mut slot).await?,
                    }
                };
                call(fresh).await
            }
            other => other,
        }
    }

    /// Tells head office this sign-in is over, so that its tokens die there too, not only on this
    /// machine.
    pub async fn sign_out(&self) -> Result<()> {
        self.authorized(|token| {
            let head_office = self.head_office.clone();
            async move { head_office.sign_out(&token).await }
        })
        .await
    }

    /// Sends the outbox in order until it is empty. An entry leaves the outbox only with head
    /// office's answer, so a push cut off anywhere is simply sent again (head office answers a
    /// resend with its first answer).
    async fn push_outbox(&self, store: &Arc<Mutex<Store>>) -> Result<u64> {
        let mut pushed = 0;
        loop {
            let mutations = with_store(store, |s| s.outbox_batch(PUSH_BATCH)).await?;
            if mutations.is_empty() {
                return Ok(pushed);
            }
            let request = PushRequest { mutations };
            let response = self
                .authorized(|token| {
                    let head_office = self.head_office.clone();
                    let request = request.clone();
                    async move { head_office.push(&token, &request).await }
                })
                .await?;
            let answered = response.results.len() as u64;
            let now = self.clock.now();
            with_store(store, move |s| s.settle(&response.results, now)).await?;
            if answered == 0 {
                return Err(SyncError::UnexpectedResponse { status: 200 });
            }
            pushed += answered;
        }
    }

    /// Pushes the outbox, then pulls everything new into `store`, reporting progress after each
    /// applied page.
    pub async fn sync_once(
        &self,
        store: Arc<Mutex<Store>>,
        mut progress: impl FnMut(SyncProgress) + Send,
    ) -> Result<SyncReport> {
        let requeued = match self.sync_pass(&store, &mut progress).await? {
            Pass::Done(report) => return Ok(report),
            Pass::Restored { requeued } => requeued,
        };
        tracing::warn!(
            requeued,
            "head office was restored from a backup; syncing again from the start"
        );
        // Again, now with the writes head office lost back in the outbox and the cursor at 0.
        match self.sync_pass(&store, &mut progress).await? {
            Pass::Done(report) => Ok(SyncReport {
                head_office_restored: Some(requeued),
                ..report
            }),
            Pass::Restored { .. } => Err(SyncError::HeadOfficeRestoredAgain),
        }
    }

    async fn sync_pass(
        &self,
        store: &Arc<Mutex<Store>>,
        progress: &mut (impl FnMut(SyncProgress) + Send),
    ) -> Result<Pass> {
        let store = store.clone();
        // The firm's practice, the pay terms and the broker's own published scorecards are small
        // and may change any day: fetched with
        // every sync (the filters, alerts and commission of an offline day use what head office
        // last said), alongside the push rather than after it, so they add no round trip.
        let policy = self.authorized(|token| {
            let head_office = self.head_office.clone();
            async move { head_office.policy(&token).await }
        });
        let terms = self.authorized(|token| {
            let head_office = self.head_office.clone();
            async move { head_office.pay_terms(&token).await }
        });
        let appraisals = self.authorized(|token| {
            let head_office = self.head_office.clone();
            async move { head_office.appraisals(&token).await }
        });
        let (pushed, policy, terms, appraisals) =
            tokio::try_join!(self.push_outbox(&store), policy, terms, appraisals)?;
        with_store(&store, move |s| {
            s.set_firm_policy(&policy)?;
            s.set_pay_terms(&terms)?;
            s.set_appraisals(&appraisals)
        })
        .await?;
        let mut cursor = with_store(&store, |s| s.cursor()).await?;
        let mut report = SyncReport {
            pushed,
            pulled: 0,
            pages: 0,
            head_office_restored: None,
        };
        let mut total: Option<u64> = None;
        // Rows a cut-off earlier pass of the first sync already applied.
        let mut already = 0u64;
        // The next page is fetched while the last one is being applied; pages still apply one
        // after the other, each with its cursor, so an interruption anywhere loses nothing.
        let mut applying: Option<(tokio::task::JoinHandle<store::Result<usize>>, u64)> = None;
        loop {
            let query = PullQuery {
                cursor,
                limit: self.page_size,
                // Only the first page's count sizes the progress bar.
                count: total.is_none(),
            };
            let fetched = self
                .authorized(|token| {
                    let head_office = self.head_office.clone();
                    async move { head_office.pull(&token, query).await }
                })
                .await;
            land(applying.take(), &mut report, already, total, progress).await?;
            let page = fetched?;
            let rows = page.changes.len() as u64;
            if total.is_none() {
                // The first page says which life of head office's database answered.
                let epoch = page.epoch.clone();
                let check = with_store(&store, move |s| s.check_head_office_epoch(&epoch)).await?;
                if let store::EpochCheck::Restored { requeued } = check {
                    return Ok(Pass::Restored { requeued });
                }
                // A first sync resumed after a cut continues its bar from where it stopped.
                let left = rows + page.remaining;
                let first = with_store(&store, move |s| s.first_sync_total(left)).await?;
                let whole = first.unwrap_or(left).max(left);
                already = whole - left;
                total = Some(whole);
            }
            let has_more = page.has_more;
            cursor = page.cursor;
            applying = Some((spawn_apply(&store, page), rows));
            if !has_more {
                break;
            }
        }
        land(applying.take(), &mut report, already, total, progress).await?;
        let now = self.clock.now();
        with_store(&store, move |s| s.mark_synced(now)).await?;
        Ok(Pass::Done(report))
    }
}

/// Applies a page on the blocking pool; the task finishes (or fails) as a whole even if the sync
/// that started it is dropped, and holds the store until it has.
fn spawn_apply(
    store: &Arc<Mutex<Store>>,
    page: protocol::PullPage,
) -> tokio::task::JoinHandle<store::Result<usize>> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || {
        let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
        guard.apply_page(&page)
    })
}

/// Waits for a page being applied, counts it, and moves the progress bar.
async fn land(
    applying: Option<(tokio::task::JoinHandle<store::Result<usize>>, u64)>,
    report: &mut SyncReport,
    already: u64,
    total: Option<u64>,
    progress: &mut (impl FnMut(SyncProgress) + Send),
) -> Result<()> {
    let Some((task, rows)) = applying else {
        return Ok(());
    };
    task.await.map_err(|e| SyncError::Task(e.to_string()))??;
    report.pulled += rows;
    report.pages += 1;
    if let Some(total) = total {
        progress(SyncProgress {
            applied: (already + report.pulled).min(total),
            total,
        });
    }
    Ok(())
}

/// Runs a store call on the blocking pool: SQLite work must not stall the async runtime.
pub(crate) async fn with_store<T: Send + 'static>(
    store: &Arc<Mutex<Store>>,
    f: impl FnOnce(&mut Store) -> store::Result<T> + Send + 'static,
) -> Result<T> {
    let store = store.clone();
    tokio::task::spawn_blocking(move || {
        let mut guard = store.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    })
    .await
    .map_err(|e| SyncError::Task(e.to_string()))?
    .map_err(SyncError::from)
}
