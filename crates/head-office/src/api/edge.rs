//! The HTTP edge: whatever refuses a request before, around or instead of a handler answers in the
//! one error contract, `{code, message}` with a Chinese message, never axum's English plain text.
//! A firm's gateway or a second client parses every refusal the same way.
//!
//! - `ApiJson` and `ApiQuery` are axum's extractors with their refusals translated.
//! - `limited_body` reads a route's body up to its limit; a longer one is read on (up to
//!   `drain_limit`) and thrown away before the 413, so the client is still listening for it.
//! - `no_such_route`, `method_not_allowed` and `panicked` answer 404, 405 and 500.
//! - `contract_net` catches what is left: any non-JSON refusal becomes `{code, message}`.

use crate::error::{HeadOfficeError, Result};
use axum::body::{Body, Bytes};
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{header, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use http_body_util::BodyExt;
use serde::de::DeserializeOwned;
use std::time::Duration;

/// A body longer than its route's limit is still read up to twice the limit, and at least this
/// far, so the 413 reaches the client (one that is still writing does not read an early answer);
/// past it the connection is dropped, which is all a sender of that much deserves.
pub const MIN_DRAIN: usize = 8 * 1024 * 1024;

fn drain_limit(limit: usize) -> usize {
    limit.saturating_mul(2).max(MIN_DRAIN)
}
/// How long a client may take to send a body once its head has arrived.
pub const BODY_READ_TIMEOUT: Duration = Duration::from_secs(30);
/// A path echoed in a message is cut here: a message is for reading, not for replaying input.
const MAX_ECHOED_PATH_CHARS: usize = 120;

/// The JSON body of a request, refused in the error contract when it does not parse.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = HeadOfficeError;

    async fn from_request(req: Request, state: &S) -> Result<Self> {
        // The body is already read into memory by `limited_body`: keeping a handle to its bytes
        // costs a reference count.
        let (parts, body) = req.into_parts();
        let bytes = axum::body::to_bytes(body, usize::MAX)
            .await
            .map_err(|e| HeadOfficeError::BadRequest(format!("无法读取请求内容（{e}），请重发")))?;
        let req = Request::from_parts(parts, Body::from(bytes.clone()));
        match axum::Json::<T>::from_request(req, state).await {
            Ok(_) if has_nul(&bytes) => Err(nul_refusal()),
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_refusal(&rejection)),
        }
    }
}

/// Whether a JSON text decodes to a string holding U+0000. Inside a JSON string that character
/// can only be written `\u0000`, so it is that escape after an even run of other backslashes.
/// PostgreSQL's text cannot hold it, no desk sends it, and a name or note with it is no one's:
/// it is refused the same on either backend.
pub(super) fn has_nul(json: &[u8]) -> bool {
    json.windows(5).enumerate().any(|(i, w)| {
        w == b"u0000" && {
            let backslashes = json[..i].iter().rev().take_while(|&&b| b == b'\\').count();
            backslashes % 2 == 1
        }
    })
}

pub(super) fn nul_refusal() -> HeadOfficeError {
    HeadOfficeError::Validation(
        "请求中含有空字符（U+0000），总部不保存这样的文字：请删除后重发".into(),
    )
}

fn json_refusal(rejection: &JsonRejection) -> HeadOfficeError {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => HeadOfficeError::UnsupportedMediaType,
        JsonRejection::JsonDataError(e) => HeadOfficeError::BadRequest(format!(
            "请求内容的字段不符合接口要求（{}），请核对后重发",
            serde_detail(e)
        )),
        JsonRejection::JsonSyntaxError(e) => HeadOfficeError::BadRequest(format!(
            "请求内容不是有效的 UTF-8 JSON（{}），请核对后重发",
            serde_detail(e)
        )),
        other => HeadOfficeError::BadRequest(format!(
            "无法读取请求内容（{}），请重发",
            serde_detail(other)
        )),
    }
}

/// The query string of a request, refused in the error contract when it does not parse.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = HeadOfficeError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            // `%00` is the only spelling of U+0000 in a query string.
            Ok(_) if parts.uri.query().is_some_and(|q| q.contains("%00")) => Err(nul_refusal()),
            Ok(axum::extract::Query(value)) => Ok(ApiQuery(value)),
            Err(rejection) => Err(query_refusal(&rejection)),
        }
    }
}

fn query_refusal(rejection: &QueryRejection) -> HeadOfficeError {
    HeadOfficeError::BadRequest(format!(
        "查询参数不符合接口要求（{}），请核对后重发",
        serde_detail(rejection)
    ))
}

/// What serde said was wrong (the field and why), without axum's English preamble: the innermost
/// error that still names the field path.
fn serde_detail(e: &dyn std::error::Error) -> String {
    let mut detail = e.to_string();
    let mut next = e.source();
    while let Some(inner) = next {
        detail = inner.to_string();
        next = inner.source();
    }
    detail.chars().take(200).collect()
}

/// The address a request came from, when the server loop recorded it (a router driven directly,
/// as in unit tests, has none). Behind a load balancer this is the balancer.
pub struct Source(pub Option<std::net::IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for Source {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<std::net::SocketAddr>>();
        Ok(Source(peer.map(|c| c.0.ip())))
    }
}

/// Reads the request body up to `limit` bytes before the handler sees it.
pub async fn limited_body(State(limit): State<usize>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > drain_limit(limit) as u64) {
        return too_large(limit).into_response();
    }
    match read_bounded(body, limit).await {
        Ok(bytes) => {
            next.run(Request::from_parts(parts, Body::from(bytes)))
                .await
        }
        Err(e) => e.into_response(),
    }
}

fn too_large(limit: usize) -> HeadOfficeError {
    HeadOfficeError::PayloadTooLarge {
        limit_kib: limit / 1024,
    }
}

async fn read_bounded(mut body: Body, limit: usize) -> Result<Bytes> {
    let deadline = tokio::time::Instant::now() + BODY_READ_TIMEOUT;
    let mut kept = Vec::new();
    let mut seen = 0usize;
    loop {
        let frame = tokio::time::timeout_at(deadline, body.frame())
            .await
            .map_err(|_| HeadOfficeError::BodyTimeout(BODY_READ_TIMEOUT.as_secs()))?;
        let Some(frame) = frame else { break };
        let frame = frame.map_err(|e| {
            HeadOfficeError::BadRequest(format!("请求内容未能完整接收（{e}），请重发"))
        })?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        seen = seen.saturating_add(data.len());
        if seen <= limit {
            kept.extend_from_slice(&data);
        } else if seen > drain_limit(limit) {
            break;
        }
    }
    if seen > limit {
        return Err(too_large(limit));
    }
    Ok(Bytes::from(kept))
}

/// The edge around a router: its 404, its 405, its own body limits instead of axum's 2 MB default
/// (`limited_body` has read the body by the time a handler runs), the net, and panics caught.
pub fn contract<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    router
        .fallback(no_such_route)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn(contract_net))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked))
}

async fn no_such_route(uri: Uri) -> HeadOfficeError {
    HeadOfficeError::NoSuchRoute(uri.path().chars().take(MAX_ECHOED_PATH_CHARS).collect())
}

async fn method_not_allowed(method: Method, uri: Uri) -> HeadOfficeError {
    let path: String = uri.path().chars().take(MAX_ECHOED_PATH_CHARS).collect();
    HeadOfficeError::MethodNotAllowed(format!("{path}（{method}）"))
}

/// A handler that panicked: logged with what it said, answered as any internal error.
fn panicked(payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let said = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_default();
    HeadOfficeError::Panicked(said).into_response()
}

/// The last net: a refusal that is not JSON came from something other than our code, and is
/// rewritten into the contract by its status.
async fn contract_net(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let mut answer = by_status(status).into_response();
    *answer.status_mut() = status;
    answer
}

fn by_status(status: StatusCode) -> HeadOfficeError {
    match status {
        StatusCode::NOT_FOUND => HeadOfficeError::NotFound("请求的资源".into()),
        StatusCode::METHOD_NOT_ALLOWED => HeadOfficeError::MethodNotAllowed("该地址".into()),
        StatusCode::PAYLOAD_TOO_LARGE => {
            HeadOfficeError::BadRequest("请求内容过大，请分批提交".into())
        }
        StatusCode::UNSUPPORTED_MEDIA_TYPE => HeadOfficeError::UnsupportedMediaType,
        StatusCode::REQUEST_TIMEOUT => HeadOfficeError::BodyTimeout(BODY_READ_TIMEOUT.as_secs()),
        s if s.is_server_error() => HeadOfficeError::Internal(format!("status {s}")),
        s => HeadOfficeError::BadRequest(format!(
            "请求无法处理（HTTP {}），请核对后重发",
            s.as_u16()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use tower::ServiceExt;

    #[test]
    fn a_nul_is_found_only_where_json_decodes_one() {
        fn holds_nul(value: &serde_json::Value) -> bool {
            match value {
                serde_json::Value::String(s) => s.contains('\0'),
                serde_json::Value::Array(a) => a.iter().any(holds_nul),
                serde_json::Value::Object(o) => {
                    o.iter().any(|(k, v)| k.contains('\0') || holds_nul(v))
                }
                _ => false,
            }
        }
        for text in [
            r#"{"a":"x\u0000"}"#,
            r#"{"a":"\\\u0000"}"#,
            r#"{"a\u0000":1}"#,
            r#"{"a":"x\\u0000"}"#,
            r#"{"a":"\\\\u0000"}"#,
            r#"{"a":"u0000"}"#,
            r#"{"a":"\u00001"}"#,
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(has_nul(text.as_bytes()), holds_nul(&value), "{text}");
        }
    }

    async fn answer(router: Router, uri: &str) -> (StatusCode, protocol::ApiError) {
        let response = contract(router)
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        (status, serde_json::from_slice(&body).unwrap())
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_in_the_contract() {
        async fn boom() -> &'static str {
            panic!("the handler's own words")
        }
        let (status, e) = answer(Router::new().route("/boom", get(boom)), "/boom").await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(e.code, protocol::ErrorCode::Internal);
        assert!(
            !e.message.contains("handler's own words"),
            "details stay in the log"
        );
    }

    #[tokio::test]
    async fn a_plain_text_refusal_is_rewritten_by_its_status() {
        async fn teapot() -> (StatusCode, &'static str) {
            (StatusCode::IM_A_TEAPOT, "short and stout")
        }
        let (status, e) = answer(Router::new().route("/t", get(teapot)), "/t").await;
        assert_eq!(status, StatusCode::IM_A_TEAPOT);
        assert_eq!(e.code, protocol::ErrorCode::BadRequest);
        assert!(e.message.contains("418"), "{}", e.message);
    }
}
