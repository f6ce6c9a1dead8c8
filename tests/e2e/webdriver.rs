//! Just enough of the W3C WebDriver protocol, over blocking HTTP with timeouts on every call.

use anyhow::{anyhow, bail, Context, Result};
use base64::Engine;
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Session {
    http: reqwest::blocking::Client,
    base: String,
    closed: bool,
}

#[derive(Clone)]
pub struct Element {
    id: String,
}

impl Session {
    /// A session of the Tauri app at `application`, through tauri-driver.
    pub fn create(port: u16, application: &Path) -> Result<Session> {
        Session::create_with(
            port,
            json!({ "tauri:options": { "application": application } }),
        )
    }

    /// A session with these capabilities (`alwaysMatch`), e.g. a browser's through its driver.
    pub fn create_with(port: u16, capabilities: Value) -> Result<Session> {
        let http = reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(120))
            .build()?;
        let root = format!("http://127.0.0.1:{port}");
        let caps = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let response: Value = http
            .post(format!("{root}/session"))
            .json(&caps)
            .send()?
            .json()?;
        let id = response["value"]["sessionId"]
            .as_str()
            .ok_or_else(|| anyhow!("no session created: {response}"))?
            .to_string();
        Ok(Session {
            http,
            base: format!("{root}/session/{id}"),
            closed: false,
        })
    }

    /// Loads `url` in the browser's window.
    pub fn navigate(&self, url: &str) -> Result<()> {
        self.call(reqwest::Method::POST, "/url", Some(json!({ "url": url })))?;
        Ok(())
    }

    fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Result<Value> {
        let mut request = self.http.request(method, format!("{}{path}", self.base));
        if let Some(b) = body {
            request = request.json(&b);
        }
        let response: Value = request.send()?.json()?;
        if let Some(error) = response["value"]["error"].as_str() {
            bail!("{error}: {}", response["value"]["message"]);
        }
        Ok(response["value"].clone())
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let v = self.call(
            reqwest::Method::POST,
            "/elements",
            Some(json!({ "using": "css selector", "value": css })),
        )?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| {
                        e[ELEMENT_KEY]
                            .as_str()
                            .map(|id| Element { id: id.to_string() })
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    pub fn find(&self, css: &str) -> Result<Option<Element>> {
        Ok(self.find_all(css)?.into_iter().next())
    }

    /// Waits for an element to be there, bounded.
    pub fn wait(&self, css: &str, timeout: Duration) -> Result<Element> {
        crate::wait_for(&format!("element {css}"), timeout, || self.find(css))
    }

    /// Waits until the element's text satisfies `check`, bounded; returns the text.
    pub fn wait_text(
        &self,
        css: &str,
        timeout: Duration,
        check: impl Fn(&str) -> bool,
    ) -> Result<String> {
        crate::wait_for(&format!("text of {css}"), timeout, || {
            let Some(e) = self.find(css)? else {
                return Ok(None);
            };
            let text = self.text(&e)?;
            Ok(check(&text).then_some(text))
        })
    }

    /// Waits until no element matches `css` (a toast has faded), bounded.
    pub fn wait_gone(&self, css: &str, timeout: Duration) -> Result<()> {
        crate::wait_for(&format!("{css} to go"), timeout, || {
            Ok(self.find(css)?.is_none().then_some(()))
        })
    }

    /// Waits until an element is there and no longer animating (antd marks motion with classes),
    /// so a screenshot shows it in place.
    pub fn wait_settled(&self, css: &str, timeout: Duration) -> Result<()> {
        crate::wait_for(&format!("{css} to settle"), timeout, || {
            let Some(e) = self.find(css)? else {
                return Ok(None);
            };
            let class = self.attribute(&e, "class")?.unwrap_or_default();
            Ok((!class.contains("motion")).then_some(()))
        })?;
        // One more frame for the paint after the last class change.
        std::thread::sleep(Duration::from_millis(300));
        Ok(())
    }

    pub fn text(&self, e: &Element) -> Result<String> {
        let v = self.call(
            reqwest::Method::GET,
            &format!("/element/{}/text", e.id),
            None,
        )?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    pub fn attribute(&self, e: &Element, name: &str) -> Result<Option<String>> {
        let v = self.call(
            reqwest::Method::GET,
            &format!("/element/{}/attribute/{name}", e.id),
            None,
        )?;
        Ok(v.as_str().map(str::to_string))
    }

    pub fn click(&self, e: &Element) -> Result<()> {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/click", e.id),
            Some(json!({})),
        )?;
        Ok(())
    }

    /// Presses and releases one key (a WebDriver key code such as `\u{E00C}` for Escape) on
    /// whatever has the focus.
    pub fn press_key(&self, key: &str) -> Result<()> {
        let actions = json!({ "actions": [{
            "type": "key", "id": "keyboard",
            "actions": [{ "type": "keyDown", "value": key }, { "type": "keyUp", "value": key }]
        }]});
        self.call(reqwest::Method::POST, "/actions", Some(actions))?;
        Ok(())
    }

    /// Holds `modifier` (a WebDriver key code such as `\u{E009}` for Control) while pressing
    /// `key`, on whatever has the focus.
    pub fn press_chord(&self, modifier: &str, key: &str) -> Result<()> {
        let actions = json!({ "actions": [{
            "type": "key", "id": "keyboard",
            "actions": [
                { "type": "keyDown", "value": modifier },
                { "type": "keyDown", "value": key },
                { "type": "keyUp", "value": key },
                { "type": "keyUp", "value": modifier }
            ]
        }]});
        self.call(reqwest::Method::POST, "/actions", Some(actions))?;
        self.call(reqwest::Method::DELETE, "/actions", None)?;
        Ok(())
    }

    /// The element that has the focus (the document's body when none does).
    pub fn active(&self) -> Result<Element> {
        let v = self.call(reqwest::Method::GET, "/element/active", None)?;
        let id = v[ELEMENT_KEY]
            .as_str()
            .ok_or_else(|| anyhow!("no active element: {v}"))?;
        Ok(Element { id: id.to_string() })
    }

    /// Scrolls the page so that `e` is in the middle of the window, for a screenshot of it.
    pub fn scroll_to(&self, e: &Element) -> Result<()> {
        let script = json!({
            "script": "arguments[0].scrollIntoView({ block: 'center' });",
            "args": [{ ELEMENT_KEY: e.id }],
        });
        self.call(reqwest::Method::POST, "/execute/sync", Some(script))?;
        Ok(())
    }

    pub fn type_text(&self, e: &Element, text: &str) -> Result<()> {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{}/value", e.id),
            Some(json!({ "text": text })),
        )?;
        Ok(())
    }

    pub fn screenshot(&self, name: &str) -> Result<()> {
        let v = self.call(reqwest::Method::GET, "/screenshot", None)?;
        let png = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .context("decoding screenshot")?;
        let path = crate::screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        eprintln!("e2e: screenshot {}", path.display());
        Ok(())
    }

    /// The page as the browser prints it (headless Chromium only), kept as `<name>.pdf`; returns
    /// its size in bytes.
    pub fn print_pdf(&self, name: &str) -> Result<usize> {
        let v = self.call(
            reqwest::Method::POST,
            "/print",
            Some(json!({ "orientation": "landscape", "background": true })),
        )?;
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(v.as_str().unwrap_or_default())
            .context("decoding the printed page")?;
        if !pdf.starts_with(b"%PDF") {
            bail!("the printed page is not a PDF");
        }
        let path = crate::screenshot_dir().join(format!("{name}.pdf"));
        std::fs::write(&path, &pdf)?;
        eprintln!("e2e: printed {}", path.display());
        Ok(pdf.len())
    }

    /// Runs a scripted part of a test; if it fails, the window at that moment is kept as
    /// `failure-<name>.png` next to the other screenshots. Each step says how long
    /// it took, so a slow one shows in CI's log.
    pub fn step<T>(&self, name: &str, f: impl FnOnce(&Session) -> Result<T>) -> Result<T> {
        let started = std::time::Instant::now();
        let result = f(self);
        eprintln!(
            "e2e: step \"{name}\" {} in {:.1} s",
            if result.is_ok() { "done" } else { "failed" },
            started.elapsed().as_secs_f64()
        );
        if result.is_err() {
            let _ = self.screenshot(&format!("failure-{name}"));
            let _ = self.save_page(&format!("failure-{name}"));
        }
        result.with_context(|| format!("step \"{name}\""))
    }

    /// Keeps the page's HTML as `<name>.html` beside the screenshots.
    pub fn save_page(&self, name: &str) -> Result<()> {
        let html = self.execute("return document.documentElement.outerHTML", Vec::new())?;
        let path = crate::screenshot_dir().join(format!("{name}.html"));
        std::fs::write(&path, html.as_str().unwrap_or_default())?;
        Ok(())
    }

    /// Runs `script` in the page (its `arguments` are `args`) and returns what it returns.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call(
            reqwest::Method::POST,
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Runs `script`, which ends by calling its last argument with the result (WebDriver's
    /// asynchronous script; the page's script timeout bounds it).
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> Result<Value> {
        self.call(
            reqwest::Method::POST,
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Ends the session, which closes the app.
    pub fn close(mut self) -> Result<()> {
        self.closed = true;
        self.http.delete(&self.base).send()?;
        Ok(())
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if !self.closed {
            let _ = self.http.delete(&self.base).send();
        }
    }
}
