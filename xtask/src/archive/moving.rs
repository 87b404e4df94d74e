//! Moving a site (being written): redirects from the old addresses, the sitemap.
//!
//! Interface the archive build (`archive/mod.rs`) calls:
//! - `pub struct Moved { pub slug: String, pub old: Vec<String> }`: a discussion's page
//!   `d/<slug>/` and its old addresses (absolute URLs: a Disqus thread `<link>`, a WordPress
//!   permalink, `https://site/?p=123`).
//! - `pub fn netlify_redirects(moved: &[Moved], base_path: &str) -> String`: `_redirects`
//!   (Netlify and Cloudflare Pages), `base_path` the archive's path on its host ("/" or
//!   "/comments/").
//! - `pub fn nginx_map(moved: &[Moved], base_path: &str) -> String`.
//! - `pub fn sitemap(base_url: &str, slugs: &[String]) -> String`.
