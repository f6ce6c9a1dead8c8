use crate::ipc::{IpcError, IpcErrorCode};
use protocol::ErrorCode;
use sync::SyncError;

/// Everything a desk operation can fail with. Messages are Chinese and say what to do.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    #[error("{0}")]
    Validation(String),
    #[error("尚未登录，请先登录")]
    NotSignedIn,
    #[error("工作台已锁定，请输入登录密码解锁")]
    Locked,
    #[error("未找到客户 {0}")]
    ClientNotFound(String),
    #[error("无法把客户名单写入 {path}：{reason}。请确认该文件夹存在、可以写入且磁盘有空间，然后重新导出")]
    Export { path: String, reason: String },
    #[error("无法访问系统钥匙串：{0}")]
    Keyring(String),
    #[error("无法读写本地数据目录 {path}：{source}")]
    Files {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "分支机构配置文件 {path} 有误：{reason}。请联系分支 IT 修正；在此之前可手动填写服务器地址"
    )]
    FirmConfig { path: String, reason: String },
    #[error("这是开发版本，不能自动更新：请安装分支 IT 分发的安装包")]
    NotUpdatable,
    #[error("总部没有可安装的新版本")]
    NoUpdate,
    #[error("还有 {pending} 条记录未上传到总部：为免丢失，请联网同步完成后再安装更新")]
    UpdateWaitsForSync { pending: u64 },
    #[error("已拒绝安装更新：{0}。当前版本未作任何改动，请联系总部信息技术部")]
    UpdateRefused(String),
    #[error("更新未能安装：{0}。当前版本未作改动，可稍后重试")]
    UpdateInstall(String),
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Sync(#[from] SyncError),
}

impl DeskError {
    pub fn code(&self) -> IpcErrorCode {
        match self {
            DeskError::Validation(_) | DeskError::FirmConfig { .. } => IpcErrorCode::Validation,
            DeskError::NotSignedIn => IpcErrorCode::NotSignedIn,
            DeskError::Locked => IpcErrorCode::Locked,
            DeskError::ClientNotFound(_) => IpcErrorCode::NotFound,
            DeskError::Keyring(_) => IpcErrorCode::Keyring,
            DeskError::NotUpdatable
            | DeskError::NoUpdate
            | DeskError::UpdateWaitsForSync { .. } => IpcErrorCode::Validation,
            DeskError::UpdateRefused(_) | DeskError::UpdateInstall(_) => IpcErrorCode::Update,
            DeskError::Store(store::StoreError::Invalid(_)) => IpcErrorCode::Validation,
            DeskError::Files { .. } | DeskError::Store(_) | DeskError::Export { .. } => {
                IpcErrorCode::Storage
            }
            DeskError::Sync(e) => match e {
                SyncError::Offline(_) | SyncError::HeadOfficeRestoredAgain => IpcErrorCode::Offline,
                SyncError::BadAddress(_) | SyncError::Unencrypted(_) | SyncError::FirmCa(_) => {
                    IpcErrorCode::Validation
                }
                SyncError::NotSignedIn => IpcErrorCode::SessionEnded,
                SyncError::Vault(_) => IpcErrorCode::Keyring,
                SyncError::Store(store::StoreError::Invalid(_)) => IpcErrorCode::Validation,
                SyncError::Store(_) => IpcErrorCode::Storage,
                SyncError::Refused(r) => match r.code {
                    ErrorCode::BadCredentials => IpcErrorCode::BadCredentials,
                    ErrorCode::AccountDisabled => IpcErrorCode::AccountDisabled,
                    ErrorCode::RateLimited => IpcErrorCode::RateLimited,
                    ErrorCode::Unauthorized | ErrorCode::SessionEnded => IpcErrorCode::SessionEnded,
                    ErrorCode::Forbidden
                    | ErrorCode::Validation
                    | ErrorCode::Unsuitable
                    | ErrorCode::PayloadTooLarge => IpcErrorCode::Validation,
                    // The desk itself sent what head office cannot read: ours to fix, not the
                    // broker's; the message still says what head office refused.
                    ErrorCode::BadRequest | ErrorCode::MethodNotAllowed => IpcErrorCode::Internal,
                    ErrorCode::ProtocolMismatch => IpcErrorCode::ProtocolMismatch,
                    ErrorCode::NotFound => IpcErrorCode::NotFound,
                    ErrorCode::Internal => IpcErrorCode::Internal,
                },
                SyncError::UnexpectedResponse { .. } | SyncError::Task(_) => IpcErrorCode::Internal,
            },
        }
    }
}

impl From<keyring::Error> for DeskError {
    fn from(e: keyring::Error) -> DeskError {
        DeskError::Keyring(e.to_string())
    }
}

pub type Result<T, E = DeskError> = std::result::Result<T, E>;

impl From<DeskError> for IpcError {
    fn from(e: DeskError) -> IpcError {
        IpcError {
            code: e.code(),
            message: e.to_string(),
        }
    }
}
