//! A TCP proxy that misbehaves on purpose, between a desk and its head office: it cuts
//! connections at random byte offsets, delays chunks, sends requests twice and swallows answers.
//! Decisions come from a seeded generator, so a failing run can be replayed.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// How often each fault strikes, per connection. All zero: a faithful proxy.
#[derive(Debug, Clone, Copy, Default)]
pub struct FaultRates {
    pub cut_request: f64,
    pub cut_response: f64,
    pub drop_response: f64,
    pub duplicate_request: f64,
    pub delay: f64,
}

impl FaultRates {
    pub fn hostile() -> FaultRates {
        FaultRates {
            cut_request: 0.08,
            cut_response: 0.08,
            drop_response: 0.08,
            duplicate_request: 0.15,
            delay: 0.2,
        }
    }
}

struct Plan {
    cut_request_at: Option<usize>,
    cut_response_at: Option<usize>,
    duplicate: bool,
    delay_ms: u64,
}

pub struct FaultProxy {
    pub addr: SocketAddr,
    state: Arc<Mutex<(ChaCha8Rng, FaultRates)>>,
    task: JoinHandle<()>,
}

impl FaultProxy {
    pub async fn start(upstream: SocketAddr, seed: u64) -> std::io::Result<FaultProxy> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(Mutex::new((
            ChaCha8Rng::seed_from_u64(seed),
            FaultRates::default(),
        )));
        let shared = state.clone();
        let task = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let plan = plan(&shared);
                tokio::spawn(relay(client, upstream, plan));
            }
        });
        Ok(FaultProxy { addr, state, task })
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn set_rates(&self, rates: FaultRates) {
        if let Ok(mut s) = self.state.lock() {
            s.1 = rates;
        }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn plan(state: &Mutex<(ChaCha8Rng, FaultRates)>) -> Plan {
    let Ok(mut guard) = state.lock() else {
        return Plan {
            cut_request_at: None,
            cut_response_at: None,
            duplicate: false,
            delay_ms: 0,
        };
    };
    let (rng, rates) = &mut *guard;
    let rates = *rates;
    let cut_request_at = rng
        .gen_bool(rates.cut_request)
        .then(|| rng.gen_range(0..600));
    let cut_response_at = if rng.gen_bool(rates.drop_response) {
        Some(0)
    } else {
        rng.gen_bool(rates.cut_response)
            .then(|| rng.gen_range(1..4_000))
    };
    Plan {
        cut_request_at,
        cut_response_at,
        duplicate: rng.gen_bool(rates.duplicate_request),
        delay_ms: if rng.gen_bool(rates.delay) {
            rng.gen_range(1..60)
        } else {
            0
        },
    }
}

/// Copies `from` to `to` until EOF or until `cut_at` bytes went through, then closes both ways.
async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    cut_at: Option<usize>,
    delay_ms: u64,
    mut copy: Option<tokio::net::tcp::OwnedWriteHalf>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    let mut sent = 0usize;
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        if delay_ms > 0 {
            tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        }
        let allowed = cut_at.map_or(n, |c| c.saturating_sub(sent).min(n));
        if let Some(c) = copy.as_mut() {
            let _ = c.write_all(&buf[..n]).await;
        }
        if allowed > 0 && to.write_all(&buf[..allowed]).await.is_err() {
            break;
        }
        sent += allowed;
        if allowed < n {
            break;
        }
    }
    let _ = to.shutdown().await;
}

async fn relay(client: TcpStream, upstream: SocketAddr, plan: Plan) {
    let Ok(server) = TcpStream::connect(upstream).await else {
        return;
    };
    // A duplicate request goes to head office on a second connection whose answer is thrown away.
    let copy = if plan.duplicate {
        match TcpStream::connect(upstream).await {
            Ok(dup) => {
                let (mut dup_read, dup_write) = dup.into_split();
                tokio::spawn(async move {
                    let mut sink = vec![0u8; 16 * 1024];
                    while matches!(dup_read.read(&mut sink).await, Ok(n) if n > 0) {}
                });
                Some(dup_write)
            }
            Err(_) => None,
        }
    } else {
        None
    };
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    let up = tokio::spawn(pump(
        client_read,
        server_write,
        plan.cut_request_at,
        plan.delay_ms,
        copy,
    ));
    let down = tokio::spawn(pump(
        server_read,
        client_write,
        plan.cut_response_at,
        plan.delay_ms,
        None,
    ));
    let _ = tokio::join!(up, down);
}
