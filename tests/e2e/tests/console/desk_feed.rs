//! What broker01's desk would pull from head office's feed, asked over HTTP as a desk asks.

use super::SHORT;
use anyhow::Result;

/// Whether broker01's feed, as a desk pulls it, has an approved item titled `title`.
pub fn broker01_has(head_office: &str, title: &str) -> Result<bool> {
    let http = reqwest::blocking::Client::builder()
        .timeout(SHORT)
        .build()?;
    let protocol = http
        .get(format!("{head_office}/api/v1/health"))
        .send()?
        .json::<serde_json::Value>()?["protocol"]
        .to_string();
    let tokens: serde_json::Value = http
        .post(format!("{head_office}/api/v1/auth/sign-in"))
        .header("x-brokerdesk-protocol", &protocol)
        .json(&serde_json::json!({"username": "broker01", "password": "demo1234", "device_id": "e2e-console"}))
        .send()?
        .json()?;
    let token = tokens["access_token"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut cursor = 0;
    // Bounded: the demo broker's whole book is a few hundred pages at most.
    for _ in 0..2000 {
        let page: serde_json::Value = http
            .get(format!("{head_office}/api/v1/feed"))
            .header("x-brokerdesk-protocol", &protocol)
            .bearer_auth(&token)
            .query(&[
                ("cursor", cursor.to_string()),
                ("limit", "1000".into()),
                ("count", "false".into()),
            ])
            .send()?
            .json()?;
        let changes = page["changes"].as_array().cloned().unwrap_or_default();
        if changes.iter().any(|c| {
            let text = c.to_string();
            text.contains(title) && text.contains("\"approval\":\"approved\"")
        }) {
            return Ok(true);
        }
        if page["has_more"] != true {
            return Ok(false);
        }
        cursor = page["cursor"].as_u64().unwrap_or_default();
    }
    Ok(false)
}
