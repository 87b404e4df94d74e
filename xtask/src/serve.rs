//! The static file server for the built site, under any base path, so that tests see the
//! site as a publisher's static host would serve it: tower-http's `ServeDir` under axum.
//!
//! GET and HEAD (anything else is a 405); a folder means its `index.html`; a missing file
//! is a 404, with the site's `404.html` where it has one; the `.br` and `.gz` copies `xtask dist` wrote go to clients that accept them,
//! as nginx's `brotli_static`/`gzip_static` would send them, with `Vary: Accept-Encoding`;
//! ranges and conditional requests are answered. Every answer has `Cache-Control:
//! no-cache` and the headers of the site's `_headers` file (its Content-Security-Policy),
//! and text is declared UTF-8.

use std::path::Path;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use axum::response::{Redirect, Response};
use axum::routing::get;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::Result;

pub fn run(dir: &Path, port: u16, base: &str) -> Result {
    let base = format!("/{}/", base.trim_matches('/')).replace("//", "/");
    // A missing file is the site's own 404 page where it has one, as Netlify serves it.
    let files = ServeDir::new(dir)
        .precompressed_br()
        .precompressed_gzip()
        .not_found_service(tower_http::services::ServeFile::new(dir.join("404.html")));
    let mut app = if base == "/" {
        Router::new().fallback_service(files)
    } else {
        // `/base` alone redirects to `/base/`, where the page's relative URLs resolve.
        let location = base.clone();
        Router::new().nest_service(&base, files).route(
            base.trim_end_matches('/'),
            get(move || async move { Redirect::permanent(&location) }),
        )
    };
    // Served as a host that reads `_headers` would: the CSP header is part of the site.
    for (name, value) in crate::csp::headers_for_all(dir) {
        let name = HeaderName::try_from(&name).map_err(|e| format!("_headers: {name}: {e}"))?;
        let value = HeaderValue::try_from(&value).map_err(|e| format!("_headers: {value}: {e}"))?;
        app = app.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    let app = app
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        // The site's text is UTF-8 (mime_guess names no charset).
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_TYPE,
            |response: &Response| {
                let kind = response
                    .headers()
                    .get(header::CONTENT_TYPE)?
                    .to_str()
                    .ok()?;
                let text = kind.starts_with("text/") && !kind.contains("charset");
                text.then(|| HeaderValue::from_str(&format!("{kind}; charset=utf-8")).ok())?
            },
        ));

    let runtime = tokio::runtime::Runtime::new().map_err(|e| format!("tokio: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .map_err(|e| format!("port {port}: {e}"))?;
        println!(
            "xtask: serving {} at http://127.0.0.1:{port}{base}",
            dir.display()
        );
        axum::serve(listener, app)
            .await
            .map_err(|e| format!("serving: {e}"))
    })
}
