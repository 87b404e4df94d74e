//! A discussion's page in an archive, `d/<slug>/index.html`: Trunk's page with its shared
//! assets two folders up, the discussion's language, its public address where there is
//! one, and a way back to the index. The prerender fills in the discussion afterwards.

use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, element, rewrite_str, text};
use threadview_core::head::escape;

use crate::Result;

/// How far a page of `d/<slug>/` is from the shared assets at the archive's root.
pub const UP: &str = "../../";

/// The template for one discussion's page, from Trunk's page.
pub fn template(trunk_page: &str, lang: &str, canonical: Option<&str>) -> Result<String> {
    let head_extra = canonical.map(|url| {
        let url = escape(url);
        format!(
            "\n    <link rel=\"canonical\" href=\"{url}\" />\n    <meta property=\"og:url\" content=\"{url}\" />"
        )
    });
    rewrite_str(
        trunk_page,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("html", |html| {
                html.set_attribute("lang", lang)?;
                Ok(())
            }))
            .append_element_content_handler(element!("link[href^='./'], script[src^='./']", |el| {
                for name in ["href", "src"] {
                    if let Some(value) = el.get_attribute(name)
                        && let Some(rest) = value.strip_prefix("./")
                    {
                        el.set_attribute(name, &format!("{UP}{rest}"))?;
                    }
                }
                Ok(())
            }))
            // Trunk's start-up script imports the app and its wasm by relative paths.
            .append_element_content_handler(text!("script:not([src])", |script| {
                let moved = script.as_str().replace("'./", &format!("'{UP}"));
                script.replace(&moved, ContentType::Text);
                Ok(())
            }))
            .append_element_content_handler(element!("head > meta[charset]", |meta| {
                if let Some(extra) = &head_extra {
                    meta.after(extra, ContentType::Html);
                }
                Ok(())
            }))
            .append_element_content_handler(element!("body", |body| {
                body.prepend(
                    &format!(
                        "\n    <nav class=\"archive-nav\" aria-label=\"Archive\"><a href=\"{UP}\">All discussions</a></nav>"
                    ),
                    ContentType::Html,
                );
                Ok(())
            })),
    )
    .map_err(|e| format!("Trunk's page could not be rewritten: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>threadview</title>
    <link rel="stylesheet" href="./main-51c0.css" integrity="sha384-bbbb"/>
    <link rel="preload" href="discussion.json" as="fetch" crossorigin="anonymous" />
  <link rel="modulepreload" href="./threadview-8b3e.js" crossorigin="anonymous"></head>
  <body>
    <noscript>needs JavaScript</noscript>
<script type="module">
import init, * as bindings from './threadview-8b3e.js';
const wasm = await init({ module_or_path: './threadview-8b3e_bg.wasm' });
</script></body>
</html>
"#;

    #[test]
    fn assets_two_folders_up_the_data_beside_the_page() {
        let page = template(TRUNK, "zh-CN", Some("https://example.org/c/d/x/")).unwrap();
        assert!(page.contains(r#"<html lang="zh-CN">"#));
        assert!(page.contains(r#"href="../../main-51c0.css""#));
        assert!(page.contains(r#"href="../../threadview-8b3e.js""#));
        assert!(page.contains("from '../../threadview-8b3e.js'"));
        assert!(page.contains("module_or_path: '../../threadview-8b3e_bg.wasm'"));
        assert!(
            page.contains(r#"href="discussion.json""#),
            "the data stays beside the page"
        );
        assert!(page.contains(r#"<link rel="canonical" href="https://example.org/c/d/x/" />"#));
        assert!(page.contains(r#"<a href="../../">All discussions</a>"#));
        let relative = template(TRUNK, "en", None).unwrap();
        assert!(!relative.contains("canonical") && !relative.contains("og:url"));
    }
}
