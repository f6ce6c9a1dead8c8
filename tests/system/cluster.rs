//! Head office as a firm deploys it for failover and load: replicas in processes of their own
//! (`hq-replica`, the server `serve` runs) against one PostgreSQL, behind HAProxy on loopback. The
//! failover test and the open-loop benchmark both start one.

use protocol::paths;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A child process, stopped with SIGKILL when dropped, so nothing outlives its test.
pub struct Running(pub Child);

impl Running {
    /// Kills it now (SIGKILL) and waits for it to be gone.
    pub fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }

    pub fn pid(&self) -> u32 {
        self.0.id()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A free loopback port (free when asked: the caller binds it soon after).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// One replica serving `db` (a `postgres://` URL) on a loopback port of its own: the process and
/// its address.
///
/// The replica's clock starts where this process's [`crate::test_clock`] stands now, so that its
/// "now" and the desks' agree however long this process ran before (a replica starting its own
/// clock at 10:00 would lag them by that long, and refuse their notes as written in the future).
pub fn replica(replica_bin: &Path, db: &str) -> (Running, String) {
    let now = crate::now().to_rfc3339();
    let mut child = Command::new(replica_bin)
        .args([db, "127.0.0.1:0", &now])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start hq-replica");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("hq-replica says where it serves");
    let addr = line
        .trim()
        .strip_prefix("serving ")
        .unwrap_or_else(|| panic!("hq-replica said {line:?}"))
        .to_string();
    (Running(child), addr)
}

/// HAProxy on `127.0.0.1:port` in front of `servers`, checking each one's health every 200 ms
/// and retrying a request a dead replica dropped on a live one (every write is idempotent by
/// its mutation id). Its configuration is written into `dir`.
pub fn balancer(dir: &Path, port: u16, servers: &[&str]) -> Running {
    let mut config = format!(
        "global\n  maxconn 4000\n\
         defaults\n  mode http\n  timeout connect 1s\n  timeout client 30s\n  timeout server 30s\n\
         \x20 retries 3\n  option redispatch\n  option http-buffer-request\n\
         \x20 retry-on conn-failure empty-response response-timeout 502 503\n\
         frontend desks\n  bind 127.0.0.1:{port}\n  default_backend head_office\n\
         backend head_office\n  balance roundrobin\n\
         \x20 option httpchk GET {}\n  default-server inter 200ms fall 1 rise 1\n",
        paths::HEALTH
    );
    for (i, server) in servers.iter().enumerate() {
        config.push_str(&format!("  server replica{i} {server} check\n"));
    }
    let file = dir.join("haproxy.cfg");
    std::fs::write(&file, config).expect("haproxy config");
    let child = Command::new("haproxy")
        .arg("-db")
        .arg("-f")
        .arg(&file)
        .stdout(Stdio::null())
        .spawn()
        .expect("haproxy (scripts/setup.sh installs it)");
    Running(child)
}

/// Whether a head office (or the balancer) at `base` answers its health check.
pub async fn healthy(base: &str) -> bool {
    let answer = reqwest::get(format!("{base}{}", paths::HEALTH)).await;
    answer.is_ok_and(|r| r.status().is_success())
}
