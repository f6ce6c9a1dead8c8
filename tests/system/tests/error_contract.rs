//! One error contract everywhere: every route of head office, sent broken input of every kind a
//! client or a gateway might send, refuses with `{code, message}` JSON and a Chinese message,
//! never axum's English plain text or a dropped connection.

use head_office::{AUTH_BODY_LIMIT, PUSH_BODY_LIMIT, TEAM_BODY_LIMIT};
use protocol::{paths, ApiError, ErrorCode, PROTOCOL_VERSION, VERSION_HEADER};
use reqwest::{Method, StatusCode};
use sync::HeadOffice;
use system_tests::{access_token, small_firm, TestHeadOffice};

#[derive(Clone, Copy, PartialEq)]
enum Caller {
    Nobody,
    Broker,
    Lead,
    Service,
}

/// Every route, who may call it, and whether it reads a query or a JSON body.
struct Route {
    method: Method,
    path: &'static str,
    caller: Caller,
    body_limit: Option<usize>,
    query: bool,
}

fn routes() -> Vec<Route> {
    let r = |method, path, caller, body_limit, query| Route {
        method,
        path,
        caller,
        body_limit,
        query,
    };
    use Caller::*;
    vec![
        r(
            Method::POST,
            paths::SIGN_IN,
            Nobody,
            Some(AUTH_BODY_LIMIT),
            false,
        ),
        r(
            Method::POST,
            paths::REFRESH,
            Nobody,
            Some(AUTH_BODY_LIMIT),
            false,
        ),
        r(Method::POST, paths::SIGN_OUT, Broker, None, false),
        r(Method::GET, paths::ME, Broker, None, false),
        r(Method::GET, paths::FEED, Broker, None, true),
        r(
            Method::POST,
            paths::PUSH,
            Broker,
            Some(PUSH_BODY_LIMIT),
            false,
        ),
        r(Method::GET, paths::POLICY, Broker, None, false),
        r(Method::GET, paths::PAY_TERMS, Broker, None, false),
        r(Method::GET, paths::TEAM_DASHBOARD, Lead, None, true),
        r(Method::GET, paths::TEAM_BROKER, Lead, None, true),
        r(
            Method::POST,
            paths::TEAM_TASKS,
            Lead,
            Some(TEAM_BODY_LIMIT),
            false,
        ),
        r(Method::GET, paths::TEAM_TRANSFERS, Lead, None, false),
        r(
            Method::POST,
            paths::TEAM_TRANSFER_DECIDE,
            Lead,
            Some(TEAM_BODY_LIMIT),
            false,
        ),
        r(Method::GET, paths::TEAM_COMMENTS, Lead, None, true),
        r(
            Method::POST,
            paths::TEAM_COMMENTS,
            Lead,
            Some(TEAM_BODY_LIMIT),
            false,
        ),
        r(Method::GET, paths::SERVICE_COMPLAINTS, Service, None, true),
        r(
            Method::POST,
            paths::SERVICE_COMPLAINT_UPDATE,
            Service,
            Some(TEAM_BODY_LIMIT),
            false,
        ),
        r(
            Method::POST,
            paths::SERVICE_VISITS,
            Service,
            Some(TEAM_BODY_LIMIT),
            false,
        ),
    ]
}

/// Checks one refusal against the contract and returns it.
async fn refusal(what: &str, response: reqwest::Response, status: StatusCode) -> ApiError {
    assert_eq!(response.status(), status, "{what}");
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        content_type.starts_with("application/json"),
        "{what}: {content_type}"
    );
    let text = response.text().await.unwrap();
    let error: ApiError =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{what}: {e}: {text}"));
    assert!(
        error
            .message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{what}: not Chinese: {}",
        error.message
    );
    error
}

struct Client {
    http: reqwest::Client,
    base: String,
    broker: String,
    lead: String,
    service: String,
}

impl Client {
    fn request(&self, route: &Route, method: Method, url_tail: &str) -> reqwest::RequestBuilder {
        let mut request = self
            .http
            .request(method, format!("{}{}{url_tail}", self.base, route.path))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string());
        let token = match route.caller {
            Caller::Nobody => None,
            Caller::Broker => Some(&self.broker),
            Caller::Lead => Some(&self.lead),
            Caller::Service => Some(&self.service),
        };
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_refuses_broken_input_in_the_contract() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let api = HeadOffice::new(&head_office.base_url()).unwrap();
    let client = Client {
        http: reqwest::Client::new(),
        base: head_office.base_url(),
        broker: access_token(&api, "broker01").await,
        lead: access_token(&api, "lead01").await,
        service: access_token(&api, "service01").await,
    };
    let mut checked = 0;
    for route in routes() {
        let what = |case: &str| format!("{} {}: {case}", route.method, route.path);

        // A method the path does not take.
        let other = if route.method == Method::GET {
            Method::DELETE
        } else {
            Method::PUT
        };
        let e = refusal(
            &what("method"),
            client.request(&route, other, "").send().await.unwrap(),
            StatusCode::METHOD_NOT_ALLOWED,
        )
        .await;
        assert_eq!(e.code, ErrorCode::MethodNotAllowed);

        // No protocol version: refused before anything is read.
        let url = format!("{}{}", client.base, route.path);
        let response = client
            .http
            .request(route.method.clone(), &url)
            .send()
            .await
            .unwrap();
        let e = refusal(&what("no version"), response, StatusCode::BAD_REQUEST).await;
        assert_eq!(e.code, ErrorCode::ProtocolMismatch);

        if route.query {
            for tail in [
                "",
                "?cursor=-1",
                "?cursor=abc&limit=10",
                "?month=2026-13-45",
                "?subject=nonsense&subject_id=1",
                "?%ff%fe=1",
            ] {
                let response = client
                    .request(&route, route.method.clone(), tail)
                    .send()
                    .await
                    .unwrap();
                if response.status().is_success() {
                    continue; // every field of this route's query is optional
                }
                let e = refusal(&what(tail), response, StatusCode::BAD_REQUEST).await;
                assert_eq!(e.code, ErrorCode::BadRequest, "{}", what(tail));
                checked += 1;
            }
        }

        if let Some(limit) = route.body_limit {
            let json = |body: Vec<u8>| {
                client
                    .request(&route, route.method.clone(), "")
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .body(body)
            };
            let broken: [(&str, Vec<u8>); 5] = [
                ("syntax", b"{\"username\":".to_vec()),
                (
                    "invalid utf-8",
                    b"{\"username\":\"\xff\xfe\",\"password\":\"x\"}".to_vec(),
                ),
                ("wrong shape", b"[1,2,3]".to_vec()),
                (
                    "wrong types",
                    b"{\"mutations\":\"all\",\"refresh_token\":7,\"assignees\":null}".to_vec(),
                ),
                ("empty", Vec::new()),
            ];
            for (case, body) in broken {
                let e = refusal(
                    &what(case),
                    json(body).send().await.unwrap(),
                    StatusCode::BAD_REQUEST,
                )
                .await;
                assert_eq!(e.code, ErrorCode::BadRequest, "{}", what(case));
            }
            let response = client
                .request(&route, route.method.clone(), "")
                .body("{}")
                .send()
                .await
                .unwrap();
            refusal(
                &what("no content type"),
                response,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
            )
            .await;

            // One byte over the route's limit, and a 5 MB body to a small route: both answered.
            let over = json(vec![b' '; limit + 1]).send().await.unwrap();
            let e = refusal(&what("over the limit"), over, StatusCode::PAYLOAD_TOO_LARGE).await;
            assert_eq!(e.code, ErrorCode::PayloadTooLarge);
            assert!(
                e.message.contains(&(limit / 1024).to_string()),
                "{}",
                e.message
            );
            if limit < 5_000_000 {
                let huge = json(vec![b' '; 5_000_000]).send().await.unwrap();
                refusal(&what("5 MB"), huge, StatusCode::PAYLOAD_TOO_LARGE).await;
            }
            checked += 8;
        }
        checked += 2;
    }

    // Paths that do not exist, with and without the version header.
    for path in ["/", "/api/v1/nothing", "/api/v2/feed", "/api/v1/feed/extra"] {
        let response = client
            .http
            .get(format!("{}{path}", client.base))
            .header(VERSION_HEADER, PROTOCOL_VERSION.to_string())
            .send()
            .await
            .unwrap();
        let e = refusal(path, response, StatusCode::NOT_FOUND).await;
        assert_eq!(e.code, ErrorCode::NotFound);
        checked += 1;
    }
    println!("error contract: {checked} broken requests refused in {{code, message}}");
}
