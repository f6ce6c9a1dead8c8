//! Head office's console API as a test calls it: bearer requests of a signed-in member of staff,
//! their answers, and their refusals' status and Chinese message.

use protocol::{PROTOCOL_VERSION, VERSION_HEADER};
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde::Serialize;

pub struct Console {
    pub base: String,
    pub http: reqwest::Client,
}

impl Console {
    pub fn new(base: &str) -> Console {
        Console {
            base: base.to_string(),
            http: reqwest::Client::new(),
        }
    }

    pub async fn post(&self, token: &str, path: &str, body: &impl Serialize) -> reqwest::Response {
        self.http
            .post(format!("{}{path}", self.base))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn ok<T: DeserializeOwned>(
        &self,
        token: &str,
        path: &str,
        body: &impl Serialize,
    ) -> T {
        let response = self.post(token, path, body).await;
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{path}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    pub async fn get(&self, token: &str, path: &str, query: &[(&str, &str)]) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .bearer_auth(token)
            .query(query)
            .send()
            .await
            .unwrap()
    }

    /// A GET answered with success.
    pub async fn read<T: DeserializeOwned>(
        &self,
        token: &str,
        path: &str,
        query: &[(&str, &str)],
    ) -> T {
        let response = self.get(token, path, query).await;
        let status = response.status();
        let text = response.text().await.unwrap();
        assert_eq!(status, StatusCode::OK, "{path}: {text}");
        serde_json::from_str(&text).unwrap()
    }

    /// Asserts that head office refuses `body` as invalid (422), saying `why`.
    pub async fn refuses(&self, token: &str, path: &str, body: &impl Serialize, why: &str) {
        let (status, message) = self.refused(token, path, body).await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{path}: {message}"
        );
        assert!(
            message.contains(why),
            "{path}: expected “{why}” in “{message}”"
        );
    }

    /// The operation log of `from` to `until` (Beijing days), as compliance reads it.
    pub async fn operation_log(
        &self,
        compliance_token: &str,
        from: chrono::NaiveDate,
        until: chrono::NaiveDate,
    ) -> Vec<protocol::console::StaffAction> {
        let (from, until) = (from.to_string(), until.to_string());
        self.read(
            compliance_token,
            protocol::paths::CONSOLE_ACTIONS,
            &[("from", &from), ("until", &until)],
        )
        .await
    }

    /// A refusal's status and Chinese message.
    pub async fn refused(
        &self,
        token: &str,
        path: &str,
        body: &impl Serialize,
    ) -> (StatusCode, String) {
        let response = self.post(token, path, body).await;
        let status = response.status();
        let body: serde_json::Value = response.json().await.unwrap();
        (
            status,
            body["message"].as_str().unwrap_or_default().to_string(),
        )
    }
}

/// The cohort `broker` was ranked in on an appraisal board, if any.
pub fn cohort_of(
    board: &protocol::broker_force::AppraisalBoard,
    broker: &str,
) -> Option<domain::appraisal::Appraised> {
    board
        .cohorts
        .iter()
        .find(|c| c.brokers.iter().any(|b| b.card.broker_id == broker))
        .map(|c| c.cohort.clone())
}

/// Publishes `month`'s 考核 as `token` (经纪业务管理部) and returns the cards `username`'s desk
/// holds after a sync from scratch.
pub async fn cards_on_desk(
    console: &Console,
    token: &str,
    month: chrono::NaiveDate,
    username: &str,
) -> Vec<protocol::broker_force::PublishedAppraisal> {
    let _: protocol::broker_force::AppraisalsPublished = console
        .ok(
            token,
            protocol::paths::CONSOLE_APPRAISAL_PUBLISH,
            &protocol::broker_force::AppraisalMonth { month },
        )
        .await;
    let desk = crate::TestDesk::synced(&console.base, username).await;
    desk.with_store(|s| s.appraisals().unwrap())
}

/// One client as the console's 客户关系 finds them by id: who serves them, what waits for them.
pub async fn client_of_firm(
    console: &Console,
    token: &str,
    client: &str,
) -> protocol::relationships::ClientOwnership {
    let found: Vec<protocol::relationships::ClientOwnership> = console
        .read(token, protocol::paths::CONSOLE_CLIENTS, &[("q", client)])
        .await;
    found
        .into_iter()
        .find(|c| c.client_id == client)
        .expect("the client is found")
}
