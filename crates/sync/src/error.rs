use protocol::{ApiError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// No connection to the head office: the desk works on from its cache and retries later.
    #[error("无法连接总部服务器（{0}），已切换为离线模式")]
    Offline(String),
    #[error("总部服务器地址无效：{0}")]
    BadAddress(String),
    #[error("总部服务器地址 {0} 未加密：除本机测试外，必须使用 https:// 开头的地址，请向总部信息技术部核对")]
    Unencrypted(String),
    #[error("企业根证书无法读取：{0}（应为 PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）")]
    FirmCa(String),
    /// The head office answered with a refusal it explained.
    #[error("{}", .0.message)]
    Refused(ApiError),
    #[error("总部服务器返回了无法识别的响应（HTTP {status}）")]
    UnexpectedResponse { status: u16 },
    #[error("尚未登录")]
    NotSignedIn,
    #[error("无法读取或保存登录凭据：{0}")]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error("后台任务中断：{0}")]
    Task(String),
    /// Head office's database changed life twice within one sync: someone is restoring it now.
    #[error("总部数据库正在从备份恢复，稍后将自动重新同步")]
    HeadOfficeRestoredAgain,
}

impl SyncError {
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            SyncError::Refused(e) => Some(e.code),
            _ => None,
        }
    }

    /// The broker must sign in again: the session is gone for good.
    pub fn needs_sign_in(&self) -> bool {
        matches!(self, SyncError::NotSignedIn)
            || matches!(
                self.code(),
                Some(ErrorCode::SessionEnded | ErrorCode::AccountDisabled)
            )
    }
}

pub type Result<T, E = SyncError> = std::result::Result<T, E>;

/// The refresh token could not be read or kept where the desk keeps it (the OS keyring).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct VaultError(pub String);
