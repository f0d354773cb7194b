//! A static file server like the hosts a `handout site` is published on, and the raw
//! HTTP GET the tests fetch from it with (tests/site_browser.rs). Not in `mod.rs`:
//! only the browser test uses it, through `#[path]`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// Serves `root` on 127.0.0.1 until the test process ends: GET and HEAD, a folder's
/// index.html for an address ending in `/`, a 301 to that address for a folder asked
/// for without its `/` (as static hosts do), and 404 for anything else.
pub fn start(root: PathBuf) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen on 127.0.0.1");
    let addr = listener.local_addr().expect("the server's address");
    std::thread::spawn(move || {
        // A thread per connection: Chromium opens several at once.
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            std::thread::spawn(move || {
                // A client that hangs up early is no concern of the test's.
                let _ = serve(stream, &root);
            });
        }
    });
    addr
}

fn serve(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers say nothing this server needs; read past them.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = decode(target.split(['?', '#']).next().unwrap_or("/"));
    let file = root.join(path.trim_start_matches('/'));
    let (status, headers, body) = if method != "GET" && method != "HEAD" {
        (
            "405 Method Not Allowed",
            "Allow: GET, HEAD\r\n".into(),
            Vec::new(),
        )
    } else if path.split('/').any(|c| c == "..") {
        ("404 Not Found", String::new(), Vec::new())
    } else if file.is_dir() && !path.ends_with('/') {
        let to = format!("Location: {path}/\r\n");
        ("301 Moved Permanently", to, Vec::new())
    } else {
        let file = if file.is_dir() {
            file.join("index.html")
        } else {
            file
        };
        match (std::fs::read(&file), content_type(&file)) {
            (Ok(body), Some(t)) => ("200 OK", format!("Content-Type: {t}\r\n"), body),
            _ => ("404 Not Found", String::new(), Vec::new()),
        }
    };
    // One request per connection keeps the server simple; HTTP/1.1 allows it.
    let length = body.len();
    write!(
        stream,
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {length}\r\nConnection: close\r\n\r\n"
    )?;
    if method == "GET" {
        stream.write_all(&body)?;
    }
    stream.flush()
}

fn content_type(file: &Path) -> Option<&'static str> {
    Some(match file.extension()?.to_str()? {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// A request path percent-decoded (as UTF-8; a bad escape stays as written).
fn decode(path: &str) -> String {
    let b = path.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (b[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut found = self
            .headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name));
        found.next().map(|(_, v)| v.as_str())
    }
}

/// GETs `path` (relative, without its leading `/`) from `base`, an `http://host:port/`.
pub fn get(base: &str, path: &str) -> std::io::Result<Response> {
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut s = TcpStream::connect(host)?;
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    write!(
        s,
        "GET /{path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let bad = || std::io::Error::new(std::io::ErrorKind::InvalidData, "malformed HTTP response");
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(bad)?;
    let head = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1));
    let status = status.and_then(|c| c.parse().ok()).ok_or_else(bad)?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Ok(Response {
        status,
        headers,
        body: raw[end + 4..].to_vec(),
    })
}

/// GETs `path` from `base` as a browser would: following the redirects a static host
/// gives a folder asked for without its `/`.
pub fn get_following(base: &str, path: &str) -> std::io::Result<Response> {
    let mut path = path.split('#').next().unwrap_or(path).to_string();
    for _ in 0..3 {
        let r = get(base, &path)?;
        match r.header("location") {
            Some(to) if r.status == 301 => path = to.trim_start_matches('/').to_string(),
            _ => return Ok(r),
        }
    }
    let loops = format!("/{path}: redirected too often");
    Err(std::io::Error::new(std::io::ErrorKind::InvalidData, loops))
}
