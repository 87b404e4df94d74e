//! The Content-Security-Policy of the release site, written into `dist/` after Trunk.
//!
//! Trunk starts the app with an inline module script whose text changes with every build,
//! so its hash is computed here rather than written by hand.

use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

use crate::Result;

/// The policy, without script hashes. `frame-ancestors` only works as a header, so the
/// `<meta>` copy leaves it out.
fn policy(script_hashes: &[String], as_header: bool) -> String {
    let scripts: String = script_hashes.iter().map(|h| format!(" '{h}'")).collect();
    let mut directives = vec![
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{scripts}"),
        "style-src 'self'".to_string(),
        "img-src 'self' data:".to_string(),
        "connect-src 'self'".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'none'".to_string(),
    ];
    if as_header {
        directives.push("frame-ancestors 'none'".to_string());
    }
    directives.join("; ")
}

/// Adds the policy to `dist/index.html` as a `<meta>` and writes `dist/_headers` for hosts
/// that read one (Netlify, Cloudflare Pages; `cargo xtask static` reads it too).
pub fn apply(dist: &Path) -> Result {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if html.contains("http-equiv=\"Content-Security-Policy\"") {
        return Ok(());
    }
    let hashes: Vec<String> = inline_scripts(&html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(&hashes, false)
    );
    let charset = "<meta charset=\"utf-8\" />";
    if !html.contains(charset) {
        return Err(format!(
            "{}: no {charset} to put the policy after",
            index.display()
        ));
    }
    let html = html.replacen(charset, &format!("{charset}\n    {meta}"), 1);
    std::fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    let headers = format!(
        "/*\n  Content-Security-Policy: {}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n",
        policy(&hashes, true)
    );
    std::fs::write(dist.join("_headers"), headers).map_err(|e| format!("_headers: {e}"))
}

/// The text of every `<script>` without a `src`, exactly as the browser hashes it.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    html.split("<script").skip(1).filter_map(|rest| {
        let (attributes, after) = rest.split_once('>')?;
        let (body, _) = after.split_once("</script>")?;
        let has_src = attributes.split_whitespace().any(|a| a.starts_with("src="));
        (!has_src).then_some(body)
    })
}

/// Reads a `_headers` file: the headers listed under `/*`, for the static server.
pub fn headers_for_all(dist: &Path) -> Vec<(String, String)> {
    let Ok(text) = std::fs::read_to_string(dist.join("_headers")) else {
        return Vec::new();
    };
    text.lines()
        .skip_while(|l| l.trim() != "/*")
        .skip(1)
        .take_while(|l| l.starts_with(' ') || l.starts_with('\t'))
        .filter_map(|l| l.trim().split_once(": "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inline_scripts_only() {
        let html =
            "<script type=\"module\">a()</script><script src=\"x.js\"></script><script>b</script>";
        assert_eq!(inline_scripts(html).collect::<Vec<_>>(), ["a()", "b"]);
    }

    #[test]
    fn the_header_alone_forbids_framing() {
        assert!(policy(&[], true).contains("frame-ancestors 'none'"));
        assert!(!policy(&[], false).contains("frame-ancestors"));
        assert!(
            policy(&["sha256-x".into()], false)
                .contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-x'")
        );
    }
}
