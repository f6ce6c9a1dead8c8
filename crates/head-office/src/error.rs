use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use protocol::{ApiError, ErrorCode};

/// Everything that can go wrong in the head office. Handlers return it; it becomes an HTTP status
/// and the protocol's `{code, message}` body, and internal details stay in the server log.
#[derive(Debug, thiserror::Error)]
pub enum HeadOfficeError {
    #[error("用户名或密码不正确")]
    BadCredentials,
    #[error("该用户已停用，请联系总部信息技术部")]
    AccountDisabled,
    #[error("登录失败次数过多，请{}后再试", wait_words(*.0))]
    RateLimited(u64),
    #[error("登录已过期，请重新验证")]
    Unauthorized,
    #[error("会话已结束，请重新登录")]
    SessionEnded,
    #[error("无权访问：{0}")]
    Forbidden(String),
    #[error("{0}")]
    Validation(String),
    #[error("回执签名不正确：请用与总部约定的共享密钥对请求正文计算 HMAC-SHA256，以 sha256=<十六进制> 放在 X-BrokerDesk-Signature 请求头中")]
    BadSignature,
    #[error("客户端协议版本 {client} 与总部协议版本 {server} 不一致，请升级经纪人工作台")]
    ProtocolMismatch { client: String, server: u32 },
    #[error("未找到：{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("请求内容过大（此接口最多接受 {limit_kib} KB），请缩短内容或分批提交")]
    PayloadTooLarge { limit_kib: usize },
    #[error("请求内容的格式应为 JSON（Content-Type: application/json）")]
    UnsupportedMediaType,
    #[error("请求正文在 {0} 秒内未发送完毕，请检查网络后重试")]
    BodyTimeout(u64),
    #[error("接口 {0} 不支持此请求方法，请核对接口文档")]
    MethodNotAllowed(String),
    #[error("没有这个接口：{0}，请核对地址")]
    NoSuchRoute(String),
    #[error("handler panicked: {0}")]
    Panicked(String),
    /// Storage failed for a reason of its own (the database, its encoding): internal.
    #[error(transparent)]
    Storage(head_office_storage::StorageError),
    #[error("internal: {0}")]
    Internal(String),
    #[error("password hashing: {0}")]
    Hashing(String),
    #[error("background task: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error("encoding: {0}")]
    Encoding(#[from] serde_json::Error),
}

/// A wait in seconds as a broker reads it.
fn wait_words(secs: u64) -> String {
    if secs < 60 {
        format!(" {secs} 秒")
    } else {
        format!(" {} 分钟", secs.div_ceil(60))
    }
}

/// Storage's words stay as they were: a validation or a missing row is the broker's to read,
/// everything else is internal.
/// A change the org tree's rules refuse is the caller's to fix.
impl From<domain::org_tree::OrgTreeError> for HeadOfficeError {
    fn from(e: domain::org_tree::OrgTreeError) -> Self {
        HeadOfficeError::Validation(e.to_string())
    }
}

impl From<head_office_storage::StorageError> for HeadOfficeError {
    fn from(e: head_office_storage::StorageError) -> Self {
        use head_office_storage::StorageError as S;
        match e {
            S::Validation(m) => HeadOfficeError::Validation(m),
            S::NotFound(m) => HeadOfficeError::NotFound(m),
            S::Hashing(m) => HeadOfficeError::Hashing(m),
            other => HeadOfficeError::Storage(other),
        }
    }
}

pub type Result<T, E = HeadOfficeError> = std::result::Result<T, E>;

impl HeadOfficeError {
    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        use HeadOfficeError as E;
        match self {
            E::BadCredentials => (StatusCode::UNAUTHORIZED, ErrorCode::BadCredentials),
            E::AccountDisabled => (StatusCode::FORBIDDEN, ErrorCode::AccountDisabled),
            E::RateLimited(_) => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::RateLimited),
            E::Unauthorized | E::BadSignature => {
                (StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized)
            }
            E::SessionEnded => (StatusCode::UNAUTHORIZED, ErrorCode::SessionEnded),
            E::Forbidden(_) => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            E::Validation(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::Validation),
            E::ProtocolMismatch { .. } => (StatusCode::BAD_REQUEST, ErrorCode::ProtocolMismatch),
            E::NotFound(_) | E::NoSuchRoute(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            E::BadRequest(_) => (StatusCode::BAD_REQUEST, ErrorCode::BadRequest),
            E::PayloadTooLarge { .. } => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge)
            }
            E::UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::BadRequest),
            E::BodyTimeout(_) => (StatusCode::REQUEST_TIMEOUT, ErrorCode::BadRequest),
            E::MethodNotAllowed(_) => (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed),
            E::Storage(_)
            | E::Internal(_)
            | E::Hashing(_)
            | E::Join(_)
            | E::Encoding(_)
            | E::Panicked(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }
}

impl IntoResponse for HeadOfficeError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = if code == ErrorCode::Internal {
            tracing::error!(error = %self, "request failed");
            "总部服务器内部错误，请稍后重试".to_string()
        } else {
            self.to_string()
        };
        (status, Json(ApiError { code, message })).into_response()
    }
}
