//! Headless Chromium for tests/site_browser.rs: launched as it runs as root on a
//! closed network, pages loaded, the viewport and colour scheme emulated, scripts
//! evaluated. Not in `mod.rs`: only the browser test uses it, through `#[path]`.

use headless_chrome::protocol::cdp::{types::Method, Emulation, Page, Runtime};
use headless_chrome::{Browser, LaunchOptions, Tab};
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Chromium at `chrome`, its profile in `profile` (a fresh folder).
pub fn launch(chrome: &Path, profile: &Path) -> Browser {
    // As root on a closed network Chromium hangs or fails without these: no sandbox,
    // no GPU (headless_chrome's default), no network of its own. Hidden scrollbars
    // make the layout width the viewport width, as on phones.
    let args = [
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ];
    let options = LaunchOptions::default_builder()
        .path(Some(chrome.to_path_buf()))
        .headless(true)
        .sandbox(false)
        .user_data_dir(Some(profile.to_path_buf()))
        .window_size(Some((1280, 800)))
        // A slow CI can leave the connection quiet for longer than the default 30 s
        // (the site is built, links are fetched).
        .idle_browser_timeout(Duration::from_secs(600))
        .args(args.iter().map(std::ffi::OsStr::new).collect())
        .build()
        .expect("Chromium launch options");
    Browser::new(options).unwrap_or_else(|e| panic!("start {}: {e:#}", chrome.display()))
}

/// Navigates to `url` and waits until it, its fonts (text is measured in them) and
/// axe-core (added to every new document) are in. headless_chrome's own
/// `wait_until_navigated` waits for half a second of network quiet on every page;
/// asking the page is quicker.
pub fn open(tab: &Tab, url: &str) -> Result<()> {
    // Marks the page being left, so that it is never taken for the new one.
    eval(tab, "window.handoutLeft = true", false)?;
    let navigate = serde_json::from_value::<Page::Navigate>(json!({ "url": url }))?;
    if let Some(e) = tab.call_method(navigate)?.error_text {
        return Err(e.into());
    }
    let ready = "window.handoutLeft || document.readyState !== 'complete' ? 'loading' \
                 : document.fonts.ready.then(() => typeof axe)";
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        // While the documents change places an evaluation may fail; try again.
        match eval(tab, ready, true) {
            Ok(v) if v == "object" => return Ok(()),
            Ok(v) if v != "loading" => return Err(format!("no axe-core ({v})").into()),
            _ => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    Err("not loaded within 60 s".into())
}

/// A `width` × `height` CSS px viewport at `scale` device pixels per CSS px; `mobile`
/// as a phone, where a page without <meta name=viewport> is laid out 980 px wide.
pub fn viewport(tab: &Tab, width: u32, height: u32, scale: f64, mobile: bool) -> Result<()> {
    let metrics =
        json!({"width": width, "height": height, "deviceScaleFactor": scale, "mobile": mobile});
    call::<Emulation::SetDeviceMetricsOverride>(tab, metrics)
}

/// The system's colour scheme as `scheme` ("dark", "light"; "" ends the emulation,
/// which would outlive the page otherwise).
pub fn color_scheme(tab: &Tab, scheme: &str) -> Result<()> {
    let feature = json!({"name": "prefers-color-scheme", "value": scheme});
    call::<Emulation::SetEmulatedMedia>(tab, json!({ "features": [feature] }))
}

/// Runs `source` at the start of every document the tab opens from now on.
pub fn add_to_every_page(tab: &Tab, source: &str) -> Result<()> {
    call::<Page::AddScriptToEvaluateOnNewDocument>(tab, json!({ "source": source }))
}

pub fn screenshot(tab: &Tab) -> Result<Vec<u8>> {
    let png = Page::CaptureScreenshotFormatOption::Png;
    Ok(tab.capture_screenshot(png, None, None, true)?)
}

/// Evaluates `script` in the page and returns its value (awaited if a promise); a
/// thrown error is an error.
pub fn eval(tab: &Tab, script: &str, await_promise: bool) -> Result<Value> {
    let params =
        json!({"expression": script, "returnByValue": true, "awaitPromise": await_promise});
    let r = tab.call_method(serde_json::from_value::<Runtime::Evaluate>(params)?)?;
    if let Some(e) = r.exception_details {
        let what = e.exception.and_then(|x| x.description).unwrap_or(e.text);
        return Err(format!("script error: {what}").into());
    }
    Ok(r.result.value.unwrap_or(Value::Null))
}

/// Calls a DevTools method given as JSON: its generated struct has a dozen optional
/// fields, the JSON names only those that matter.
fn call<M: Method + serde::de::DeserializeOwned + serde::Serialize>(
    tab: &Tab,
    params: Value,
) -> Result<()> {
    tab.call_method(serde_json::from_value::<M>(params)?)?;
    Ok(())
}
