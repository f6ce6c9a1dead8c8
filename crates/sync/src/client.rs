//! The HTTP client of the head office API.

use crate::error::{Result, SyncError};
use domain::FirmPolicy;
use protocol::team::{
    AssignTasks, AssignedTasks, BrokerDashboard, BrokerQuery, CommentQuery, CommentRecord,
    NewComment, TeamDashboard, TeamQuery, TransferDecision, TransferRequestRecord,
};
use protocol::{
    paths, ApiError, PullPage, PullQuery, PushRequest, PushResponse, RefreshRequest, SessionTokens,
    SignInRequest, PROTOCOL_VERSION, VERSION_HEADER,
};
use reqwest::{RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use std::time::Duration;

#[derive(Clone)]
pub struct HeadOffice {
    http: reqwest::Client,
    base: String,
}

impl HeadOffice {
    /// `base_url` as the broker typed it, e.g. `https://hq.firm.example`, trusting the system's
    /// and the public certificate authorities.
    pub fn new(base_url: &str) -> Result<HeadOffice> {
        HeadOffice::trusting(base_url, None)
    }

    /// The same, trusting also the firm's own certificate authority (`firm_ca`, PEM), as firms
    /// that sign their servers' certificates themselves need. A password and a refresh token
    /// never travel unencrypted: plain `http://` is refused except to this machine.
    pub fn trusting(base_url: &str, firm_ca: Option<&[u8]>) -> Result<HeadOffice> {
        let base = base_url.trim().trim_end_matches('/').to_string();
        let parsed = reqwest::Url::parse(&base).map_err(|_| SyncError::BadAddress(base.clone()))?;
        let Some(host) = parsed.host_str() else {
            return Err(SyncError::BadAddress(base));
        };
        let loopback = match host.trim_matches(['[', ']']).parse::<std::net::IpAddr>() {
            Ok(ip) => ip.is_loopback(),
            Err(_) => host.eq_ignore_ascii_case("localhost"),
        };
        match parsed.scheme() {
            "https" => {}
            "http" if loopback => {}
            "http" => return Err(SyncError::Unencrypted(base)),
            _ => return Err(SyncError::BadAddress(base)),
        }
        let mut builder = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(60));
        if let Some(pem) = firm_ca {
            let certificates = reqwest::Certificate::from_pem_bundle(pem)
                .map_err(|e| SyncError::FirmCa(e.to_string()))?;
            if certificates.is_empty() {
                return Err(SyncError::FirmCa("文件中没有证书".into()));
            }
            for certificate in certificates {
                builder = builder.add_root_certificate(certificate);
            }
        }
        let http = builder
            .build()
            .map_err(|e| SyncError::Offline(e.to_string()))?;
        Ok(HeadOffice { http, base })
    }

    pub fn base_url(&self) -> &str {
        &self.base
    }

    pub(crate) fn http(&self) -> &reqwest::Client {
        &self.http
    }

    async fn send<T: DeserializeOwned>(&self, request: RequestBuilder) -> Result<T> {
        let response = request
            .header(VERSION_HEADER, PROTOCOL_VERSION)
            .send()
            .await
            .map_err(|e| SyncError::Offline(describe(&e)))?;
        self.answer(response).await
    }

    /// A success's body, or head office's refusal.
    pub(crate) async fn answer<T: DeserializeOwned>(
        &self,
        response: reqwest::Response,
    ) -> Result<T> {
        let status = response.status();
        if status.is_success() {
            return response.json::<T>().await.map_err(|e| {
                if e.is_decode() {
                    tracing::warn!("head office answer could not be read: {e}");
                    SyncError::UnexpectedResponse {
                        status: status.as_u16(),
                    }
                } else {
                    SyncError::Offline(describe(&e))
                }
            });
        }
        Err(self.refusal(response).await)
    }

    /// What a refusal says, or why it could not be read.
    pub(crate) async fn refusal(&self, response: reqwest::Response) -> SyncError {
        let status = response.status();
        match response.json::<ApiError>().await {
            Ok(refusal) => SyncError::Refused(refusal),
            Err(_)
                if status == StatusCode::BAD_GATEWAY
                    || status == StatusCode::SERVICE_UNAVAILABLE =>
            {
                SyncError::Offline(format!("HTTP {}", status.as_u16()))
            }
            Err(_) => SyncError::UnexpectedResponse {
                status: status.as_u16(),
            },
        }
    }

    pub async fn sign_in(&self, req: &SignInRequest) -> Result<SessionTokens> {
        self.send(
            self.http
                .post(format!("{}{}", self.base, paths::SIGN_IN))
                .json(req),
        )
        .await
    }

    pub async fn refresh(&self, req: &RefreshRequest) -> Result<SessionTokens> {
        self.send(
            self.http
                .post(format!("{}{}", self.base, paths::REFRESH))
                .json(req),
        )
        .await
    }

    pub async fn sign_out(&self, access_token: &str) -> Result<()> {
        let url = format!("{}{}", self.base, paths::SIGN_OUT);
        let _: serde_json::Value = self
            .send(self.http.post(url).bearer_auth(access_token))
            .await?;
        Ok(())
    }

    pub async fn pull(&self, access_token: &str, query: PullQuery) -> Result<PullPage> {
        let url = format!("{}{}", self.base, paths::FEED);
        let request = self.http.get(url).bearer_auth(access_token).query(&[
            ("cursor", query.cursor.to_string()),
            ("limit", query.limit.to_string()),
            ("count", query.count.to_string()),
        ]);
        self.send(request).await
    }
}

impl HeadOffice {
    pub async fn policy(&self, access_token: &str) -> Result<FirmPolicy> {
        let url = format!("{}{}", self.base, paths::POLICY);
        self.send(self.http.get(url).bearer_auth(access_token))
            .await
    }

    pub async fn pay_terms(&self, access_token: &str) -> Result<protocol::PayTerms> {
        let url = format!("{}{}", self.base, paths::PAY_TERMS);
        self.send(self.http.get(url).bearer_auth(access_token))
            .await
    }

    pub async fn appraisals(
        &self,
        access_token: &str,
    ) -> Result<Vec<protocol::broker_force::PublishedAppraisal>> {
        let url = format!("{}{}", self.base, paths::APPRAISALS);
        self.send(self.http.get(url).bearer_auth(access_token))
            .await
    }

    pub async fn push(&self, access_token: &str, request: &PushRequest) -> Result<PushResponse> {
        let url = format!("{}{}", self.base, paths::PUSH);
        self.send(self.http.post(url).bearer_auth(access_token).json(request))
            .await
    }

    pub async fn team_dashboard(
        &self,
        access_token: &str,
        query: &TeamQuery,
    ) -> Result<TeamDashboard> {
        let url = format!("{}{}", self.base, paths::TEAM_DASHBOARD);
        self.send(self.http.get(url).bearer_auth(access_token).query(query))
            .await
    }

    pub async fn team_broker(
        &self,
        access_token: &str,
        query: &BrokerQuery,
    ) -> Result<BrokerDashboard> {
        let url = format!("{}{}", self.base, paths::TEAM_BROKER);
        self.send(self.http.get(url).bearer_auth(access_token).query(query))
            .await
    }

    pub async fn team_transfers(&self, access_token: &str) -> Result<Vec<TransferRequestRecord>> {
        let url = format!("{}{}", self.base, paths::TEAM_TRANSFERS);
        self.send(self.http.get(url).bearer_auth(access_token))
            .await
    }

    pub async fn decide_transfer(
        &self,
        access_token: &str,
        decision: &TransferDecision,
    ) -> Result<TransferRequestRecord> {
        let url = format!("{}{}", self.base, paths::TEAM_TRANSFER_DECIDE);
        self.send(self.http.post(url).bearer_auth(access_token).json(decision))
            .await
    }

    pub async fn team_comments(
        &self,
        access_token: &str,
        query: &CommentQuery,
    ) -> Result<Vec<CommentRecord>> {
        let url = format!("{}{}", self.base, paths::TEAM_COMMENTS);
        self.send(self.http.get(url).bearer_auth(access_token).query(query))
            .await
    }

    pub async fn add_team_comment(
        &self,
        access_token: &str,
        comment: &NewComment,
    ) -> Result<Vec<CommentRecord>> {
        let url = format!("{}{}", self.base, paths::TEAM_COMMENTS);
        self.send(self.http.post(url).bearer_auth(access_token).json(comment))
            .await
    }

    pub async fn assign_tasks(
        &self,
        access_token: &str,
        request: &AssignTasks,
    ) -> Result<AssignedTasks> {
        let url = format!("{}{}", self.base, paths::TEAM_TASKS);
        self.send(self.http.post(url).bearer_auth(access_token).json(request))
            .await
    }
}

pub(crate) fn describe(e: &reqwest::Error) -> String {
    // rustls says why a certificate was refused somewhere down the chain of causes.
    let mut cause: Option<&dyn std::error::Error> = Some(e);
    while let Some(c) = cause {
        if c.to_string().to_ascii_lowercase().contains("certificate") {
            return "总部服务器的证书无法验证（不是受信任的机构签发，或与地址不符），\
                    请向总部信息技术部索取企业根证书或核对地址"
                .into();
        }
        cause = c.source();
    }
    if e.is_connect() {
        "连接被拒绝或网络不可达".into()
    } else if e.is_timeout() {
        "连接超时".into()
    } else {
        "连接中断".into()
    }
}
