//! The HMAC-SHA256 signature both directions of the gateway carry (`protocol::gateway`).

use hmac::{Hmac, Mac};
use protocol::gateway::SIGNATURE_PREFIX;
use sha2::Sha256;

fn mac(secret: &str) -> Hmac<Sha256> {
    // HMAC takes a key of any length; `new_from_slice` cannot fail for it.
    <Hmac<Sha256> as Mac>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of every length"))
}

/// The header value for `body`: `sha256=` and the hex digest.
pub fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac = mac(secret);
    mac.update(body);
    format!(
        "{SIGNATURE_PREFIX}{}",
        hex::encode(mac.finalize().into_bytes())
    )
}

/// Whether `header` signs `body` under `secret`; compared in constant time, so a forger learns
/// nothing from how long a refusal took.
pub fn verify(secret: &str, body: &[u8], header: &str) -> bool {
    let Some(digest) = header
        .trim()
        .strip_prefix(SIGNATURE_PREFIX)
        .and_then(|h| hex::decode(h).ok())
    else {
        return false;
    };
    let mut mac = mac(secret);
    mac.update(body);
    mac.verify_slice(&digest).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_body_and_secret_only() {
        let body = br#"{"receipts":[]}"#;
        let header = sign("a shared secret of 32 characters", body);
        assert!(header.starts_with("sha256=") && header.len() == 7 + 64);
        assert!(verify("a shared secret of 32 characters", body, &header));
        assert!(!verify("another secret of 32 characters!", body, &header));
        assert!(!verify("a shared secret of 32 characters", b"{}", &header));
        assert!(!verify(
            "a shared secret of 32 characters",
            body,
            "sha256=zz"
        ));
        assert!(!verify(
            "a shared secret of 32 characters",
            body,
            &header[7..]
        ));
    }
}
