//! The Content-Security-Policy of the release site, written into `dist/` after Trunk.
//!
//! Trunk starts the app with an inline module script whose text changes with every build,
//! so its hash is computed here rather than written by hand.

use base64::Engine;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str, text};
use sha2::{Digest, Sha256};
use std::cell::RefCell;
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
    apply_to(dist, &[dist.join("index.html")])
}

/// The same for every page of a site of many (an archive): each page gets the policy for
/// its own scripts, and the header, which covers every path, allows the scripts of all.
pub fn apply_to(dist: &Path, pages: &[std::path::PathBuf]) -> Result {
    let mut all_hashes: Vec<String> = Vec::new();
    for page in pages {
        let html = std::fs::read_to_string(page).map_err(|e| format!("{}: {e}", page.display()))?;
        let Some((html, hashes)) =
            with_policy(&html).map_err(|e| format!("{}: {e}", page.display()))?
        else {
            continue;
        };
        std::fs::write(page, html).map_err(|e| format!("{}: {e}", page.display()))?;
        for hash in hashes {
            if !all_hashes.contains(&hash) {
                all_hashes.push(hash);
            }
        }
    }
    let headers = format!(
        "/*\n  Content-Security-Policy: {}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n",
        policy(&all_hashes, true)
    );
    std::fs::write(dist.join("_headers"), headers).map_err(|e| format!("_headers: {e}"))
}

/// The page with the policy in a `<meta>` right after its `<meta charset>`, and the hashes
/// of its scripts; `None` if the page has a policy already (`dist` ran on it before).
fn with_policy(html: &str) -> Result<Option<(String, Vec<String>)>> {
    let (scripts, has_policy) = read_page(html)?;
    if has_policy {
        return Ok(None);
    }
    let hashes: Vec<String> = scripts.iter().map(|script| hash(script)).collect();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
        policy(&hashes, false)
    );
    let mut placed = false;
    let html = rewrite_str(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!("meta[charset]", |el| {
            if !placed {
                el.after(&format!("\n    {meta}"), ContentType::Html);
                placed = true;
            }
            Ok(())
        })),
    )
    .map_err(|e| e.to_string())?;
    if !placed {
        return Err("no <meta charset> to put the policy after".to_string());
    }
    Ok(Some((html, hashes)))
}

/// The text of every `<script>` without a `src`, as the browser hashes it, and whether the
/// page has a Content-Security-Policy `<meta>`.
fn read_page(html: &str) -> Result<(Vec<String>, bool)> {
    // Both script handlers add to the list.
    let scripts = RefCell::new(Vec::<String>::new());
    let mut has_policy = false;
    rewrite_str(
        html,
        RewriteStrSettings::new()
            .append_element_content_handler(element!(
                r#"meta[http-equiv="Content-Security-Policy" i]"#,
                |_| {
                    has_policy = true;
                    Ok(())
                }
            ))
            // An element handler too, so that an empty script counts.
            .append_element_content_handler(element!("script:not([src])", |_| {
                scripts.borrow_mut().push(String::new());
                Ok(())
            }))
            .append_element_content_handler(text!("script:not([src])", |text| {
                if let Some(script) = scripts.borrow_mut().last_mut() {
                    script.push_str(text.as_str());
                }
                Ok(())
            })),
    )
    .map_err(|e| e.to_string())?;
    Ok((scripts.into_inner(), has_policy))
}

/// The source expression of a script: the SHA-256 of its text, line ends normalised as
/// the HTML parser does before the browser hashes it.
fn hash(script: &str) -> String {
    let text = script.replace("\r\n", "\n").replace('\r', "\n");
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
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

    /// `dist/index.html` as Trunk 0.21 writes it from index.html (hashes shortened), with
    /// a prerendered discussion in its body as `src/prerender.rs` puts it there.
    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>Two spacecraft meet</title>
    <!-- wasm-opt must allow the wasm features rustc enables by default since 1.82. -->
    <link rel="icon" href="./icon-3f2a.svg" integrity="sha384-aaaa"/>
    <link rel="stylesheet" href="./main-51c0.css" integrity="sha384-bbbb"/>
    <link rel="stylesheet" href="./theme-9e1d.css" integrity="sha384-cccc"/>
    <!-- The discussion downloads while the wasm does: <script>not(this)</script> -->
    <link rel="preload" href="discussion.json" as="fetch" crossorigin="anonymous" />
  <link rel="modulepreload" href="./threadview-8b3e.js" crossorigin="anonymous" integrity="sha384-dddd"><link rel="preload" href="./threadview-8b3e_bg.wasm" crossorigin="anonymous" integrity="sha384-eeee" as="fetch" type="application/wasm"></head>
  <body>
    <noscript><p class="noscript">Folding replies needs JavaScript.</p></noscript>
    <div id="prerendered"><p class="comment-body">Try &lt;script&gt;alert(1)&lt;/script&gt; here</p></div>
  
<script type="module">
import init, * as bindings from './threadview-8b3e.js';
const wasm = await init({ module_or_path: './threadview-8b3e_bg.wasm' });


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));

</script></body>
</html>
"#;

    /// The text of Trunk's inline script in `PAGE`, between its tags.
    fn trunk_script() -> &'static str {
        let start =
            PAGE.find("<script type=\"module\">").unwrap() + "<script type=\"module\">".len();
        &PAGE[start..PAGE.rfind("</script>").unwrap()]
    }

    fn meta_content(html: &str) -> &str {
        let start = html
            .find("http-equiv=\"Content-Security-Policy\" content=\"")
            .unwrap();
        let rest = &html[start + "http-equiv=\"Content-Security-Policy\" content=\"".len()..];
        &rest[..rest.find('"').unwrap()]
    }

    #[test]
    fn hashes_as_the_csp_specification_does() {
        // The example of CSP Level 3, section "hash-source".
        assert_eq!(
            hash("alert('Hello, world.');"),
            "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
        );
        // The parser turns CRLF and CR into LF before the browser hashes the text.
        assert_eq!(hash("a();\r\nb();\rc();"), hash("a();\nb();\nc();"));
    }

    #[test]
    fn the_policy_follows_the_charset_and_allows_trunks_script_alone() {
        let (html, header) = with_policy(PAGE).unwrap().unwrap();
        let meta = format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />",
            policy(&[hash(trunk_script())], false)
        );
        assert!(html.contains(&format!(
            "<meta charset=\"utf-8\" />\n    {meta}\n    <meta name=\"viewport\""
        )));
        assert_eq!(html.matches("Content-Security-Policy").count(), 1);
        // Nothing else changes.
        assert_eq!(html.replacen(&format!("\n    {meta}"), "", 1), PAGE);

        let content = meta_content(&html);
        let script_src = content
            .split("; ")
            .find(|d| d.starts_with("script-src"))
            .unwrap();
        assert_eq!(
            script_src,
            format!(
                "script-src 'self' 'wasm-unsafe-eval' '{}'",
                hash(trunk_script())
            )
        );
        for directive in [
            "default-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ] {
            assert!(
                content.split("; ").any(|d| d == directive),
                "{directive} in {content}"
            );
        }
        assert!(!content.contains("frame-ancestors"));
        assert_eq!(
            policy(&header, true),
            format!("{content}; frame-ancestors 'none'")
        );
    }

    #[test]
    fn only_inline_scripts_get_hashes() {
        // Scripts with a source, escaped text and commented-out markup are not scripts of
        // the page; an empty inline script is, and every one keeps its place.
        let html = "<html><head><meta charset=\"utf-8\" /><!-- <script>no()</script> -->\
                    <script src=\"x.js\"></script><script type=\"module\">a()</script></head>\
                    <body><p>&lt;script&gt;no()&lt;/script&gt;</p><script></script>\
                    <script>b</script></body></html>";
        let (scripts, has_policy) = read_page(html).unwrap();
        assert_eq!(scripts, ["a()", "", "b"]);
        assert!(!has_policy);
        let (html, _) = with_policy(html).unwrap().unwrap();
        let hashes = [hash("a()"), hash(""), hash("b")]
            .map(|h| format!("'{h}'"))
            .join(" ");
        assert!(meta_content(&html).contains(&format!("'wasm-unsafe-eval' {hashes};")));
        assert!(!meta_content(&html).contains(&hash("no()")));
    }

    #[test]
    fn a_page_with_a_policy_is_left_alone() {
        let (html, _) = with_policy(PAGE).unwrap().unwrap();
        assert_eq!(with_policy(&html).unwrap(), None);
    }

    #[test]
    fn a_page_without_a_charset_is_refused() {
        let error = with_policy("<html><head><title>t</title></head><body></body></html>");
        assert!(error.unwrap_err().contains("<meta charset>"));
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

    #[test]
    fn apply_writes_the_page_and_the_headers_the_server_reads() {
        let dist = std::env::temp_dir().join(format!("xtask-csp-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), PAGE).unwrap();
        apply(&dist).unwrap();
        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        let headers = headers_for_all(&dist);
        apply(&dist).unwrap();
        assert_eq!(
            std::fs::read_to_string(dist.join("index.html")).unwrap(),
            html
        );
        std::fs::remove_dir_all(&dist).unwrap();

        let names: Vec<&str> = headers.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Content-Security-Policy",
                "X-Content-Type-Options",
                "Referrer-Policy"
            ]
        );
        assert_eq!(
            headers[0].1,
            format!("{}; frame-ancestors 'none'", meta_content(&html))
        );
        assert_eq!(headers[1].1, "nosniff");
        assert_eq!(headers[2].1, "no-referrer");
    }
}
