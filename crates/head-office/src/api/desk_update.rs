//! The desk's self-update (`crate::releases`): whether a newer desk is there for the caller, and
//! the bundle itself. Both sit outside the protocol version check: a desk too old to sync must
//! still be able to update.

use super::{blocking, AppStateRef, Caller};
use crate::error::{HeadOfficeError, Result};
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::release::DeskVersion;
use protocol::release::{BundleKind, DeskUpdateQuery};

/// Whether the connection a request came on was TLS; set by `serve` for each connection.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionTls(pub bool);

/// How the desk reached head office, for the bundle's absolute URL (Tauri's updater takes no
/// relative one). A balancer ending TLS says so in `X-Forwarded-Proto`.
fn base_url(headers: &HeaderMap, uri: &Uri, tls: Option<ConnectionTls>) -> Result<String> {
    let forwarded = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .filter(|p| matches!(*p, "http" | "https"));
    let scheme = match (forwarded, tls) {
        (Some(p), _) => p,
        (None, Some(ConnectionTls(true))) => "https",
        _ => "http",
    };
    // HTTP/1.1 names the host in `Host`; HTTP/2 in the request's authority.
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()))
        .filter(|h| !h.is_empty() && !h.contains(['/', ' ', '@']))
        .ok_or_else(|| HeadOfficeError::BadRequest("请求缺少 Host 头".into()))?;
    Ok(format!("{scheme}://{host}"))
}

pub(super) async fn check(
    axum::extract::State(state): AppStateRef,
    Caller(user): Caller,
    headers: HeaderMap,
    uri: Uri,
    tls: Option<axum::Extension<ConnectionTls>>,
    super::ApiQuery(query): super::ApiQuery<DeskUpdateQuery>,
) -> Result<Response> {
    let base = base_url(&headers, &uri, tls.map(|t| t.0))?;
    let update = blocking(&state, move |s| {
        crate::releases::update_for(s, &user, &query, &base)
    })
    .await?;
    Ok(match update {
        Some(update) => Json(update).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

pub(super) async fn bundle(
    axum::extract::State(state): AppStateRef,
    Caller(_user): Caller,
    Path((version, kind)): Path<(String, String)>,
) -> Result<Response> {
    let version: DeskVersion = version
        .parse()
        .map_err(|e: domain::ValidationError| HeadOfficeError::Validation(e.to_string()))?;
    let kind = BundleKind::from_code(&kind).ok_or_else(|| {
        HeadOfficeError::Validation(format!("安装包类型 {kind} 不存在：应为 deb 或 appimage"))
    })?;
    let bytes = blocking(&state, move |s| s.release_bundle(version, kind))
        .await?
        .ok_or_else(|| {
            HeadOfficeError::NotFound(format!(
                "经纪人工作台 {version} 没有发布 {} 安装包",
                kind.code()
            ))
        })?;
    Ok(([(header::CONTENT_TYPE, "application/octet-stream")], bytes).into_response())
}
