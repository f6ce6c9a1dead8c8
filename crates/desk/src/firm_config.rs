//! The firm-wide settings branch IT drops on every desk machine (`/etc/brokerdesk/desk.toml`), so
//! that brokers never type a server address and the firm's own certificate authority is trusted
//! without each broker's help:
//!
//! ```toml
//! server_url = "https://hq.example-securities.cn"
//! ca_file = "firm-ca.pem"   # relative to this file's folder, or absolute
//! ```
//!
//! A missing file is the usual case on a developer's machine and means "no firm settings". A file
//! that is there but wrong must not stop the desk: the broker is told what to ask IT to fix and
//! can still type the address.

use crate::error::{DeskError, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Where the installed desk looks, unless `BROKERDESK_FIRM_CONFIG` names another file.
pub const FIRM_CONFIG_PATH: &str = "/etc/brokerdesk/desk.toml";

/// The firm's own certificate authority (PEM), beside the desk's data, when branch IT puts one
/// there: head office's certificate is then trusted as the system's authorities would be.
pub const FIRM_CA_FILE: &str = "firm-ca.pem";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FirmConfig {
    /// The head office every desk of the firm signs in to; the sign-in form shows it, fixed.
    pub server_url: Option<String>,
    /// The firm's root certificate (PEM), trusted besides the public and system authorities.
    pub ca_file: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileForm {
    server_url: Option<String>,
    ca_file: Option<PathBuf>,
}

impl FirmConfig {
    /// A firm that signs its servers' certificates itself gives its branches the root: through
    /// the firm file, or as `firm-ca.pem` beside the desk's data (both are trusted).
    /// A root that went missing since start is only logged: the desk must still open offline,
    /// and head office's certificate is then refused with its own clear message.
    pub fn roots(&self, data_dir: &Path) -> Option<Vec<u8>> {
        let mut pem = Vec::new();
        if let Some(file) = &self.ca_file {
            match std::fs::read(file) {
                Ok(root) => {
                    pem = root;
                    pem.push(b'\n');
                }
                Err(e) => tracing::warn!("firm root {} unreadable: {e}", file.display()),
            }
        }
        if let Ok(own) = std::fs::read(data_dir.join(FIRM_CA_FILE)) {
            pem.extend(own);
        }
        (!pem.is_empty()).then_some(pem)
    }

    /// The settings in `path`; `None` when there is no such file.
    pub fn load(path: &Path) -> Result<Option<FirmConfig>> {
        let bad = |reason: String| DeskError::FirmConfig {
            path: path.display().to_string(),
            reason,
        };
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|_| bad("不是 UTF-8 文本".into()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(bad(format!("无法读取（{e}）"))),
        };
        let form: FileForm = toml::from_str(&text).map_err(|e| bad(describe_toml_error(&e)))?;
        let server_url = match form.server_url.map(|u| u.trim().trim_end_matches('/').to_string()) {
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => Some(url),
            Some(url) => {
                return Err(bad(format!(
                    "server_url「{url}」须以 https:// 开头，例如 server_url = \"https://hq.example.cn\""
                )))
            }
            None => None,
        };
        let ca_file = match form.ca_file {
            Some(file) => {
                let file = path.parent().map_or(file.clone(), |dir| dir.join(&file));
                if !file.is_file() {
                    return Err(bad(format!(
                        "ca_file 指向的证书文件 {} 不存在",
                        file.display()
                    )));
                }
                Some(file)
            }
            None => None,
        };
        Ok(Some(FirmConfig {
            server_url,
            ca_file,
        }))
    }
}

/// toml's own message is English and multi-line; the broker's IT needs the line and the gist.
fn describe_toml_error(e: &toml::de::Error) -> String {
    let first_line = e.message().lines().next().unwrap_or_default();
    match e.span() {
        Some(span) => format!("格式错误（第 {} 个字符附近：{first_line}）", span.start + 1),
        None => format!("格式错误（{first_line}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("desk.toml");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn no_file_means_no_firm_settings() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            FirmConfig::load(&dir.path().join("desk.toml")).unwrap(),
            None
        );
    }

    #[test]
    fn server_and_a_relative_root_are_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("firm-ca.pem"), "PEM").unwrap();
        let path = write(
            dir.path(),
            "server_url = \"https://hq.example.cn/\"\nca_file = \"firm-ca.pem\"\n",
        );
        let firm = FirmConfig::load(&path).unwrap().unwrap();
        assert_eq!(firm.server_url.as_deref(), Some("https://hq.example.cn"));
        assert_eq!(firm.ca_file, Some(dir.path().join("firm-ca.pem")));
    }

    #[test]
    fn mistakes_are_told_in_chinese_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        for (text, says) in [
            ("server_url = https://x\n", "格式错误"),
            ("server_url = \"hq.example.cn\"\n", "须以 https:// 开头"),
            ("server = \"https://x\"\n", "格式错误"),
            ("ca_file = \"missing.pem\"\n", "不存在"),
        ] {
            let path = write(dir.path(), text);
            let e = FirmConfig::load(&path).unwrap_err().to_string();
            assert!(e.contains(says), "{text}: {e}");
            assert!(e.contains(&path.display().to_string()), "{e}");
        }
    }
}
