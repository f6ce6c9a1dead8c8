//! Strangers flooding head office must not stop a signed-in desk: connections that send half a
//! request head and wait, sign-ins with made-up names, refreshes with made-up tokens. The desk
//! still pushes and pulls, and the half-open connections are cut after the header-read timeout.

use head_office::serve::HEADER_READ_TIMEOUT;
use protocol::{RefreshRequest, SignInRequest};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;
use store::{NewContactNote, WriteIds};
use sync::HeadOffice;
use system_tests::{now, small_firm, TestDesk, TestHeadOffice};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SLOW_CONNECTIONS: usize = 300;
const FLOODERS: usize = 12;
/// A bound on the wait, so a stalled sync fails the test instead of hanging it.
const SYNC_BOUND: Duration = Duration::from_secs(60);

fn random_hex() -> String {
    format!("{:032x}", rand::random::<u128>())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_signed_in_desk_syncs_through_a_flood_and_half_open_connections_are_cut() {
    let head_office = TestHeadOffice::start(&small_firm()).await;
    let url = head_office.base_url();
    let desk = TestDesk::synced(&url, "broker01").await;

    // Connections that start a request head and never finish it.
    let mut slow = Vec::with_capacity(SLOW_CONNECTIONS);
    for _ in 0..SLOW_CONNECTIONS {
        let mut s = TcpStream::connect(head_office.addr()).await.unwrap();
        s.write_all(b"POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: head-office\r\n")
            .await
            .unwrap();
        slow.push(s);
    }

    // Sign-ins with made-up names (each costs head office a password hash) and refreshes with
    // made-up tokens, as fast as the answers come, until the desk has synced.
    let stop = Arc::new(AtomicBool::new(false));
    let sent = Arc::new(AtomicU64::new(0));
    let flooders: Vec<_> = (0..FLOODERS)
        .map(|i| {
            let (stop, sent, url) = (stop.clone(), sent.clone(), url.clone());
            tokio::spawn(async move {
                let api = HeadOffice::new(&url).unwrap();
                while !stop.load(Ordering::Relaxed) {
                    if i % 2 == 0 {
                        let _ = api
                            .sign_in(&SignInRequest {
                                username: format!("nobody-{}", random_hex()),
                                password: "guess".repeat(40),
                                device_id: random_hex(),
                            })
                            .await;
                    } else {
                        let _ = api
                            .refresh(&RefreshRequest {
                                refresh_token: random_hex(),
                                device_id: random_hex(),
                                retry_key: None,
                            })
                            .await;
                    }
                    sent.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();

    let client = desk.first_client();
    let note = NewContactNote {
        client_id: client,
        channel: "phone".into(),
        summary: "洪水中记录的电话".into(),
        follow_up_on: None,
    };
    let ids = WriteIds {
        mutation_id: "m-flood".into(),
        record_id: "N-flood".into(),
    };
    desk.store
        .lock()
        .unwrap()
        .add_contact_note(ids, "B001", &note, now())
        .unwrap();
    let synced = tokio::time::timeout(
        SYNC_BOUND,
        desk.engine.sync_once(desk.store.clone(), |_| {}),
    )
    .await
    .expect("the desk synced while strangers flooded head office")
    .unwrap();
    assert_eq!(synced.pushed, 1);
    stop.store(true, Ordering::Relaxed);
    for f in flooders {
        f.await.unwrap();
    }
    assert!(sent.load(Ordering::Relaxed) > 0, "the flood ran");

    // Every half-open connection is closed by head office once its head is overdue.
    let bound = HEADER_READ_TIMEOUT + Duration::from_secs(20);
    for (i, mut s) in slow.into_iter().enumerate() {
        let mut buf = [0u8; 256];
        let read = tokio::time::timeout(bound, s.read(&mut buf)).await;
        let closed = match read {
            Ok(Ok(0)) | Ok(Err(_)) => true,
            // An answer (408) before the close is fine too.
            Ok(Ok(n)) => String::from_utf8_lossy(&buf[..n]).contains("408"),
            Err(_) => false,
        };
        assert!(
            closed,
            "connection {i} still open after {bound:?}: {read:?}"
        );
    }
}
