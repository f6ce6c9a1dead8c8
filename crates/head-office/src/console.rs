//! Serves head office's web console at `/console/`: the page built from `ui/console` (React and
//! antd like the desk), embedded in this binary so that every replica serves the same console as
//! its API. Any path under `/console/` that is not a file is the page itself (its own navigation
//! reads the address); a missing hashed asset is a plain 404.

use crate::error::HeadOfficeError;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::Uri;
use axum::response::{IntoResponse, Redirect, Response};

pub const PREFIX: &str = "/console";

#[derive(rust_embed::Embed)]
#[folder = "../../ui/dist-console/"]
#[allow_missing = true]
struct Built;

/// Scripts and styles of our own only; antd writes its styles inline, so inline styles are let
/// through. Calls go to this head office alone, and no other site may frame the console.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; \
                   object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub async fn redirect() -> Redirect {
    Redirect::permanent("/console/")
}

pub async fn serve(uri: Uri) -> Response {
    let path = uri
        .path()
        .trim_start_matches(PREFIX)
        .trim_start_matches('/');
    let (name, file) = match Built::get(path) {
        Some(file) if !path.is_empty() => (path, file),
        _ if path.starts_with("assets/") => {
            return HeadOfficeError::NoSuchRoute(uri.path().chars().take(200).collect())
                .into_response()
        }
        _ => match Built::get("index.html") {
            Some(file) => ("index.html", file),
            None => return HeadOfficeError::NotFound(
                "管理控制台未随本程序构建：请在 ui 目录运行 npm run build 后重新编译 head-office"
                    .into(),
            )
            .into_response(),
        },
    };
    // Assets carry their content's hash in their names; the page must be asked for each time so
    // that an upgrade is seen at the next load.
    let cache = if name == "index.html" {
        "no-cache"
    } else {
        "public, max-age=31536000, immutable"
    };
    (
        [
            (CONTENT_TYPE, file.metadata.mimetype().to_string()),
            (CACHE_CONTROL, cache.to_string()),
            (CONTENT_SECURITY_POLICY, CSP.to_string()),
            (X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (REFERRER_POLICY, "no-referrer".to_string()),
            (X_FRAME_OPTIONS, "DENY".to_string()),
        ],
        file.data,
    )
        .into_response()
}

/// `make test` builds the console (`npm run build`) before any Rust test.
#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    async fn get(path: &str) -> Response {
        serve(path.parse().unwrap()).await
    }

    fn header(r: &Response, name: axum::http::HeaderName) -> &str {
        r.headers()[name].to_str().unwrap()
    }

    #[tokio::test]
    async fn the_page_and_any_address_inside_it_are_the_built_console() {
        for path in ["/console/", "/console/staff", "/console/a/b?x=1"] {
            let page = get(path).await;
            assert_eq!(page.status(), StatusCode::OK, "{path}");
            assert_eq!(header(&page, CONTENT_TYPE), "text/html", "{path}");
            assert_eq!(header(&page, CACHE_CONTROL), "no-cache");
            assert!(header(&page, CONTENT_SECURITY_POLICY).contains("script-src 'self'"));
            assert_eq!(header(&page, X_FRAME_OPTIONS), "DENY");
        }
    }

    #[tokio::test]
    async fn assets_are_kept_for_good_and_a_missing_one_is_not_the_page() {
        let script = Built::iter()
            .find(|f| f.starts_with("assets/") && f.ends_with(".js"))
            .expect("the console is built (npm run build)");
        let asset = get(&format!("/console/{script}")).await;
        assert_eq!(asset.status(), StatusCode::OK);
        assert_eq!(header(&asset, CONTENT_TYPE), "text/javascript");
        assert!(header(&asset, CACHE_CONTROL).contains("immutable"));
        let missing = get("/console/assets/gone-1234.js").await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(header(&missing, CONTENT_TYPE), "application/json");
    }
}
