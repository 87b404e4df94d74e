//! A small static file server for the built site, under any base path, so that tests see
//! the site as a publisher's static host would serve it. GET and HEAD only.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

use crate::Result;

pub fn run(dir: &Path, port: u16, base: &str) -> Result {
    // Served as a host that reads `_headers` would: the CSP header is part of the site.
    let headers: String = crate::csp::headers_for_all(dir)
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect();
    let base = format!("/{}/", base.trim_matches('/')).replace("//", "/");
    let listener =
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| format!("port {port}: {e}"))?;
    println!(
        "xtask: serving {} at http://127.0.0.1:{port}{base}",
        dir.display()
    );
    for stream in listener.incoming().flatten() {
        let (dir, base, headers) = (dir.to_path_buf(), base.clone(), headers.clone());
        std::thread::spawn(move || {
            // A client that hangs up mid-answer is its own business.
            let _ = answer(stream, &dir, &base, &headers);
        });
    }
    Ok(())
}

fn answer(mut stream: TcpStream, dir: &Path, base: &str, headers: &str) -> std::io::Result<()> {
    // A client that never finishes its request must not hold a thread forever.
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10)))?;
    let mut request_line = String::new();
    let mut reader = BufReader::new(stream.try_clone()?);
    reader.read_line(&mut request_line)?;
    // Read the headers to their end; only the accepted encodings change the answer.
    let mut header = String::new();
    let mut accepted = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("accept-encoding")
        {
            accepted = value.to_ascii_lowercase();
        }
        header.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");

    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            method,
        );
    }
    if format!("{path}/") == base {
        let location = format!("Location: {base}\r\n");
        return respond_with(
            &mut stream,
            "301 Moved Permanently",
            "text/plain",
            b"",
            method,
            &location,
        );
    }
    match path.strip_prefix(base).and_then(|rest| file_for(dir, rest)) {
        Some(file) => {
            // The precompressed copy `xtask dist` wrote, as a host with brotli_static or
            // gzip_static would send it.
            let encoded = ["br", "gzip"].into_iter().find_map(|encoding| {
                let extension = if encoding == "br" { "br" } else { "gz" };
                let mut copy = file.clone().into_os_string();
                copy.push(format!(".{extension}"));
                let copy = PathBuf::from(copy);
                (accepted.contains(encoding) && copy.is_file()).then_some((encoding, copy))
            });
            let (body, headers) = match encoded {
                Some((encoding, copy)) => (
                    std::fs::read(copy)?,
                    format!("{headers}Content-Encoding: {encoding}\r\nVary: Accept-Encoding\r\n"),
                ),
                None => (std::fs::read(&file)?, headers.to_string()),
            };
            respond_with(
                &mut stream,
                "200 OK",
                content_type(&file),
                &body,
                method,
                &headers,
            )
        }
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found\n",
            method,
        ),
    }
}

/// The file a request path names inside `dir`, refusing anything that climbs out of it.
fn file_for(dir: &Path, rest: &str) -> Option<PathBuf> {
    let relative = Path::new(rest);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let path = dir.join(relative);
    let path = if path.is_dir() {
        path.join("index.html")
    } else {
        path
    };
    path.is_file().then_some(path)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    method: &str,
) -> std::io::Result<()> {
    respond_with(stream, status, kind, body, method, "")
}

fn respond_with(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    method: &str,
    extra_headers: &str,
) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n{extra_headers}Connection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        stream.write_all(body)?;
    }
    stream.flush()
}
