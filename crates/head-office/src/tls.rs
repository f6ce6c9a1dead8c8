//! HTTPS for `serve --tls-cert --tls-key`: the firm's certificate chain and key, in PEM, as its
//! CA issued them. rustls with the ring provider, TLS 1.2 and 1.3 only.

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error(
        "无法读取证书文件 {path}：{why}（应为 PEM 格式，以 -----BEGIN CERTIFICATE----- 开头）"
    )]
    Certificate { path: String, why: String },
    #[error("无法读取私钥文件 {path}：{why}（应为 PEM 格式的 PKCS#8、PKCS#1 或 SEC1 私钥）")]
    Key { path: String, why: String },
    #[error("证书与私钥不匹配或不受支持：{0}")]
    Config(String),
}

/// The acceptor for every connection, from the PEM files IT was given.
pub fn acceptor(cert: &Path, key: &Path) -> Result<tokio_rustls::TlsAcceptor, TlsError> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .and_then(|certs| certs.collect())
        .map_err(|e| TlsError::Certificate {
            path: cert.display().to_string(),
            why: e.to_string(),
        })?;
    if certs.is_empty() {
        return Err(TlsError::Certificate {
            path: cert.display().to_string(),
            why: "文件中没有证书".into(),
        });
    }
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| TlsError::Key {
        path: key.display().to_string(),
        why: e.to_string(),
    })?;
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| TlsError::Config(e.to_string()))?
    .with_no_client_auth()
    .with_single_cert(certs, key)
    .map_err(|e| TlsError::Config(e.to_string()))?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}
