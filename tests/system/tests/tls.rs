//! HTTPS between desk and head office: a server certificate signed by the firm's own authority,
//! made here with rcgen. A desk that trusts the firm's root signs in; one that does not is refused
//! with words a broker can pass on; and no desk sends a password over plain HTTP to another machine.

use head_office::{DeliveryOptions, RunningHeadOffice};
use head_office_storage::SqlStorage;
use protocol::SignInRequest;
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair};
use std::sync::Arc;
use sync::{HeadOffice, SyncError};
use system_tests::{small_firm, test_clock, PASSWORD};

/// The firm's root (PEM) and a server certificate and key for this machine signed by it.
fn firm_pki() -> (String, String, String) {
    let mut root = CertificateParams::new(Vec::<String>::new()).unwrap();
    root.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    root.distinguished_name
        .push(DnType::CommonName, "华信证券 企业根证书");
    let root_key = KeyPair::generate().unwrap();
    let root = root.self_signed(&root_key).unwrap();
    let server =
        CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
    let server_key = KeyPair::generate().unwrap();
    let server = server.signed_by(&server_key, &root, &root_key).unwrap();
    (root.pem(), server.pem(), server_key.serialize_pem())
}

fn sign_in() -> SignInRequest {
    SignInRequest {
        username: "broker01".into(),
        password: PASSWORD.into(),
        device_id: "tls-desk".into(),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn desks_reach_head_office_over_https_only() {
    let dir = tempfile::tempdir().unwrap();
    let (root, cert, key) = firm_pki();
    let (cert_file, key_file) = (dir.path().join("server.pem"), dir.path().join("server.key"));
    std::fs::write(&cert_file, &cert).unwrap();
    std::fs::write(&key_file, &key).unwrap();

    // A key file that is not one is refused at start, saying what it should be.
    match head_office::tls::acceptor(&cert_file, &cert_file) {
        Err(wrong) => assert!(wrong.to_string().contains("私钥"), "{wrong}"),
        Ok(_) => panic!("a certificate is not a key"),
    }

    let db = system_tests::generated_firm(&small_firm(), dir.path());
    let storage = SqlStorage::open(&db).unwrap();
    let acceptor = head_office::tls::acceptor(&cert_file, &key_file).unwrap();
    let server = RunningHeadOffice::start_serving(
        Arc::new(storage),
        "127.0.0.1:0".parse().unwrap(),
        test_clock(),
        DeliveryOptions::simulated(),
        Some(acceptor),
    )
    .await
    .unwrap();
    let base = server.base_url();
    assert!(base.starts_with("https://"), "{base}");

    // The desk that trusts the firm's root signs in over TLS.
    let trusted = HeadOffice::trusting(&base, Some(root.as_bytes())).unwrap();
    let tokens = trusted.sign_in(&sign_in()).await.unwrap();
    assert!(!tokens.access_token.is_empty());

    // One that does not is refused before any password leaves it, and says why.
    let stranger = HeadOffice::new(&base).unwrap();
    match stranger.sign_in(&sign_in()).await {
        Err(SyncError::Offline(why)) => assert!(why.contains("证书"), "{why}"),
        other => panic!("an untrusted certificate must be refused: {other:?}"),
    }

    // Nor does head office answer in clear on its HTTPS port.
    let clear = HeadOffice::new(&base.replace("https://", "http://")).unwrap();
    assert!(clear.sign_in(&sign_in()).await.is_err());

    // Plain HTTP to another machine is refused outright; to this machine it stays allowed.
    match HeadOffice::new("http://10.20.30.40:8787") {
        Err(e @ SyncError::Unencrypted(_)) => assert!(e.to_string().contains("https://"), "{e}"),
        Err(e) => panic!("refused for the wrong reason: {e}"),
        Ok(_) => panic!("plain HTTP to another machine must be refused"),
    }
    assert!(HeadOffice::new("http://localhost:8787").is_ok());
    assert!(HeadOffice::new("http://[::1]:8787").is_ok());
    match HeadOffice::trusting(&base, Some(b"not a certificate")) {
        Err(e @ SyncError::FirmCa(_)) => assert!(e.to_string().contains("根证书"), "{e}"),
        Err(e) => panic!("refused for the wrong reason: {e}"),
        Ok(_) => panic!("a root that is not one must be refused"),
    }
    server.stop().await;
}
