use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why the head office refused a request. The desk decides what to do by the code alone; the message
/// is Chinese text meant for the broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "ApiErrorCode")]
pub enum ErrorCode {
    BadCredentials,
    AccountDisabled,
    RateLimited,
    /// The access token is missing, unknown or expired: refresh and try again.
    Unauthorized,
    /// The refresh token is unknown, expired or was already used: sign in again.
    SessionEnded,
    Forbidden,
    Validation,
    /// A recommendation that head office's own suitability check does not allow.
    Unsuitable,
    ProtocolMismatch,
    NotFound,
    /// The request itself is broken (a query or body that does not parse, a wrong content type):
    /// sending it again unchanged will not help.
    BadRequest,
    /// The body is longer than the route accepts; the message says the limit.
    PayloadTooLarge,
    /// The path exists but not with this method.
    MethodNotAllowed,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
        }
    }
}
