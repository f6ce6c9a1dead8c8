use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct SignInRequest {
    #[schemars(length(min = 1, max = SignInRequest::MAX_USERNAME_CHARS))]
    pub username: String,
    #[schemars(length(min = 1, max = SignInRequest::MAX_PASSWORD_CHARS))]
    pub password: String,
    /// Made once per desk installation; refresh tokens are bound to it. At most 128 bytes.
    #[schemars(length(min = 1, max = SignInRequest::MAX_DEVICE_ID_BYTES))]
    pub device_id: String,
}

impl SignInRequest {
    /// Bounded before anything is remembered or hashed: a 2 MB "user name" is nobody's.
    pub const MAX_USERNAME_CHARS: usize = 64;
    pub const MAX_PASSWORD_CHARS: usize = 256;
    /// A desk's device id is a short random token; anything longer did not come from a desk.
    pub const MAX_DEVICE_ID_BYTES: usize = 128;
}

#[derive(Debug, Clone, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct RefreshRequest {
    pub refresh_token: String,
    pub device_id: String,
    /// Made afresh by the desk for each refresh token it spends and kept only in its memory: if the
    /// answer is lost, asking again with the same key is a retry; the token without it is a replay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_key: Option<String>,
}

/// What a successful sign-in or refresh returns. The refresh token is single-use: every refresh
/// returns a new one, and presenting a used one ends the device's session.
#[derive(Debug, Clone, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct SessionTokens {
    pub access_token: String,
    #[ts(type = "number")]
    pub access_expires_in_secs: u64,
    pub refresh_token: String,
    pub user: UserProfile,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub enum Role {
    Broker,
    TeamLead,
    BranchManager,
    Admin,
    /// Head office's customer service (客服): handles complaints and records return visits; no
    /// book, no team.
    Service,
    /// 经纪业务管理部: the broker force (tree, classes, appraisal) and client relationships.
    ManagerHq,
    /// 合规: reviews what brokers may push, reads the operation log.
    Compliance,
    /// 财务: pay plans, fee schedules, statements and disputes.
    Finance,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Broker,
        Role::TeamLead,
        Role::BranchManager,
        Role::Admin,
        Role::Service,
        Role::ManagerHq,
        Role::Compliance,
        Role::Finance,
    ];

    /// Works at a desk (a book or a team); head office's staff work in head office's own tools.
    pub fn uses_desk(self) -> bool {
        matches!(
            self,
            Role::Broker | Role::TeamLead | Role::BranchManager | Role::Admin
        )
    }

    /// Leads a unit: sees and acts on the team below it.
    pub fn leads(self) -> bool {
        matches!(self, Role::TeamLead | Role::BranchManager | Role::Admin)
    }
}

/// What `POST /api/v1/auth/sign-out` answers: the sign-in is over on every replica.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SignedOut {
    pub signed_out: bool,
}

/// Also what the desk's window knows of the signed-in user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, schemars::JsonSchema)]
#[ts(export)]
pub struct UserProfile {
    pub user_id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// The org unit the user belongs to or leads, e.g. "上海浦东营业部 / 财富一组".
    pub org_path: String,
}
