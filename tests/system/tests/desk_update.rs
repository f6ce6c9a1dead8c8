//! The two routes a desk updates itself through, over HTTP: they answer without the protocol
//! header (an old desk must still update), only to a signed-in caller, and refuse bad input in
//! the one error contract.

use protocol::{paths, ApiError, ErrorCode};
use reqwest::StatusCode;
use sync::HeadOffice;
use system_tests::{access_token, small_firm, TestHeadOffice};

async fn refusal(response: reqwest::Response, status: StatusCode) -> ApiError {
    assert_eq!(response.status(), status);
    let error: ApiError = response.json().await.unwrap();
    assert!(
        error
            .message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{}",
        error.message
    );
    error
}

#[tokio::test(flavor = "multi_thread")]
async fn the_update_routes_serve_any_desk_version_but_only_signed_in_callers() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let token = access_token(&HeadOffice::new(&base).unwrap(), "broker01").await;
    let http = reqwest::Client::new();
    let check = format!("{base}{}", paths::DESK_UPDATE);
    let bundle = format!("{base}/api/v1/desk/update/0.1.1/appimage");

    let anonymous = http
        .get(&check)
        .query(&[("current", "0.1.0"), ("bundle", "appimage")]);
    let e = refusal(anonymous.send().await.unwrap(), StatusCode::UNAUTHORIZED).await;
    assert_eq!(e.code, ErrorCode::Unauthorized);
    let e = refusal(
        http.get(&bundle).send().await.unwrap(),
        StatusCode::UNAUTHORIZED,
    )
    .await;
    assert_eq!(e.code, ErrorCode::Unauthorized);

    // No protocol header, as an old desk's updater sends none of ours: still answered.
    let nothing = http
        .get(&check)
        .bearer_auth(&token)
        .query(&[("current", "0.1.0"), ("bundle", "appimage")])
        .send()
        .await
        .unwrap();
    assert_eq!(nothing.status(), StatusCode::NO_CONTENT);

    for query in [
        vec![("current", "0.1"), ("bundle", "appimage")],
        vec![("current", "0.1.0"), ("bundle", "exe")],
        vec![("bundle", "deb")],
    ] {
        let response = http
            .get(&check)
            .bearer_auth(&token)
            .query(&query)
            .send()
            .await
            .unwrap();
        let e = refusal(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(e.code, ErrorCode::BadRequest, "{query:?}");
    }
    let e = refusal(
        http.get(&bundle).bearer_auth(&token).send().await.unwrap(),
        StatusCode::NOT_FOUND,
    )
    .await;
    assert!(e.message.contains("0.1.1"), "{}", e.message);
    let e = refusal(
        http.get(format!("{base}/api/v1/desk/update/latest/appimage"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert!(e.message.contains("X.Y.Z"), "{}", e.message);
}

/// A `.sig` as Tauri's signer writes it; head office reads only its trusted comment.
fn signature(dir: &std::path::Path, version: &str) -> std::path::PathBuf {
    use base64::Engine;
    let text = format!(
        "untrusted comment: signature from tauri secret key\nRUQf0AYZqQYNwu8UMzKQmyP8BX147QKl8cvfvrjOIDw21ou9wC4g7+/JTPq6vNuPSDPokF7i1UHqzSP6WMzduEalw7DxzcDzkwg=\ntrusted comment: timestamp:1796499799\tfile:BrokerDesk_{version}_amd64.AppImage\tversion:{version}\nQxGw8ixqSzJ886bYlE4oqZDjIxV8Um19LeoYhPR5smD22Gx1fdendyeTPUUebVVXnayGqoldS8VIEPv6PfV0AA==\n"
    );
    let path = dir.join("bundle.sig");
    std::fs::write(
        &path,
        base64::engine::general_purpose::STANDARD.encode(text),
    )
    .unwrap();
    path
}

#[tokio::test(flavor = "multi_thread")]
async fn the_offer_names_the_bundle_where_the_desk_reached_head_office() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let base = head_office.base_url();
    let token = access_token(&HeadOffice::new(&base).unwrap(), "broker01").await;
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("BrokerDesk_0.1.1_amd64.AppImage");
    std::fs::write(&bundle, b"\x7fELF desk 0.1.1").unwrap();
    head_office::releases::publish(
        head_office.storage.as_ref(),
        head_office::releases::Publish {
            bundle: &bundle,
            signature: &signature(dir.path(), "0.1.1"),
            version: "0.1.1",
            channel: domain::release::ReleaseChannel::Stable,
            units: vec![],
            notes: "更快".into(),
        },
        system_tests::now(),
    )
    .unwrap();
    let http = reqwest::Client::new();
    let ask = |forwarded: Option<&'static str>| {
        let mut request = http
            .get(format!("{base}{}", paths::DESK_UPDATE))
            .bearer_auth(&token)
            .query(&[("current", "0.1.0"), ("bundle", "appimage")]);
        if let Some(proto) = forwarded {
            request = request.header("X-Forwarded-Proto", proto);
        }
        request.send()
    };
    let offer: protocol::release::DeskUpdate = ask(None).await.unwrap().json().await.unwrap();
    assert_eq!(
        offer.url,
        format!("{base}/api/v1/desk/update/0.1.1/appimage")
    );
    assert_eq!(offer.notes, "更快");
    let bytes = http
        .get(&offer.url)
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(
        bytes.headers()["content-type"].to_str().unwrap(),
        "application/octet-stream"
    );
    assert_eq!(&bytes.bytes().await.unwrap()[..], b"\x7fELF desk 0.1.1");
    // Behind a balancer that ends TLS, the desk came in over https.
    let offer: protocol::release::DeskUpdate =
        ask(Some("https")).await.unwrap().json().await.unwrap();
    let tail = base.trim_start_matches("http://");
    assert_eq!(
        offer.url,
        format!("https://{tail}/api/v1/desk/update/0.1.1/appimage")
    );
}
