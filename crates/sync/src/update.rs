//! Asking head office for a newer desk and fetching its bundle, with the session's token. Neither
//! call carries the protocol version check's header of meaning: a desk too old to sync must still
//! be able to update (head office serves these routes outside that check).

use crate::client::HeadOffice;
use crate::engine::SyncEngine;
use crate::error::{Result, SyncError};
use domain::release::DeskVersion;
use protocol::paths;
use protocol::release::{BundleKind, DeskUpdate};
use reqwest::StatusCode;
use std::time::Duration;

/// A bundle is tens of megabytes; a branch's line may be slow, so the download gets longer than a
/// sync call.
const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);

impl HeadOffice {
    async fn desk_update(
        &self,
        access_token: &str,
        current: DeskVersion,
        bundle: BundleKind,
    ) -> Result<Option<DeskUpdate>> {
        let url = format!("{}{}", self.base_url(), paths::DESK_UPDATE);
        let request = self.http().get(url).bearer_auth(access_token).query(&[
            ("current", current.to_string()),
            ("bundle", bundle.code().into()),
        ]);
        let response = request
            .send()
            .await
            .map_err(|e| SyncError::Offline(crate::client::describe(&e)))?;
        if response.status() == StatusCode::NO_CONTENT {
            return Ok(None);
        }
        self.answer(response).await.map(Some)
    }

    async fn desk_bundle(
        &self,
        access_token: &str,
        version: DeskVersion,
        bundle: BundleKind,
    ) -> Result<Vec<u8>> {
        let path = paths::DESK_UPDATE_BUNDLE
            .replace("{version}", &version.to_string())
            .replace("{bundle}", bundle.code());
        let response = self
            .http()
            .get(format!("{}{path}", self.base_url()))
            .bearer_auth(access_token)
            .timeout(DOWNLOAD_TIMEOUT)
            .send()
            .await
            .map_err(|e| SyncError::Offline(crate::client::describe(&e)))?;
        if !response.status().is_success() {
            return Err(self.refusal(response).await);
        }
        let bytes = response
            .bytes()
            .await
            .map_err(|e| SyncError::Offline(crate::client::describe(&e)))?;
        Ok(bytes.to_vec())
    }
}

impl SyncEngine {
    /// The release head office offers this desk, if any (pilot teams get theirs first).
    pub async fn check_update(
        &self,
        current: DeskVersion,
        bundle: BundleKind,
    ) -> Result<Option<DeskUpdate>> {
        self.authorized(|token| async move {
            self.head_office()
                .desk_update(&token, current, bundle)
                .await
        })
        .await
    }

    /// The offered bundle's bytes, from head office (never from the URL in the offer, which a
    /// balancer may have spelled for another network).
    pub async fn download_update(
        &self,
        update: &DeskUpdate,
        bundle: BundleKind,
    ) -> Result<Vec<u8>> {
        let version = update.version;
        self.authorized(|token| async move {
            self.head_office()
                .desk_bundle(&token, version, bundle)
                .await
        })
        .await
    }
}
