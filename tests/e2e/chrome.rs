//! Debian's Chromium through its chromedriver, headless, for head office's web console: the
//! browser head office's staff open it in. Headless needs no display, and each browser gets a
//! profile of its own in the test's directory.

use crate::webdriver::Session;
use crate::{free_port, log_path, wait_for_port, Guarded};
use anyhow::Result;
use serde_json::json;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

pub struct Chrome {
    port: u16,
    _process: Guarded,
}

impl Chrome {
    pub fn start() -> Result<Chrome> {
        let port = free_port()?;
        let log = log_path("chromedriver.log");
        let mut cmd = Command::new("chromedriver");
        cmd.arg(format!("--port={port}"));
        let process = Guarded::spawn("chromedriver", &mut cmd, &log)?;
        wait_for_port(port, Duration::from_secs(30))?;
        Ok(Chrome {
            port,
            _process: process,
        })
    }

    /// A new browser window, 1440×900 like the desk's screenshots, in Chinese.
    pub fn open(&self, profile: &Path) -> Result<Session> {
        Session::create_with(
            self.port,
            json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new",
                        // CI runs as root, where Chromium's sandbox cannot start.
                        "--no-sandbox",
                        "--disable-dev-shm-usage",
                        "--disable-gpu",
                        "--window-size=1440,900",
                        "--force-device-scale-factor=1",
                        "--lang=zh-CN",
                        format!("--user-data-dir={}", profile.display()),
                    ],
                    "prefs": { "intl.accept_languages": "zh-CN" },
                }
            }),
        )
    }
}
