//! The page prerendered at build time (src/prerender.rs): the whole first view of the
//! bundled discussion as static HTML, the preview tags, and hostile text kept as text.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::Arc;

use threadview::prerender;
use threadview_core::Loaded;

/// Trunk's page as far as the prerender cares: a title and a noscript line to replace.
const INDEX: &str = "<!DOCTYPE html><html><head><title>threadview</title></head>\
                     <body><noscript>needs JavaScript</noscript></body></html>";

fn load(text: &str) -> Arc<Loaded> {
    Arc::new(Loaded::from_json(text).expect("the file loads"))
}

fn bundled() -> Arc<Loaded> {
    load(include_str!("../data/discussion.json"))
}

/// Opening tags named `tag` in `html`.
fn count_tags(html: &str, tag: &str) -> usize {
    html.matches(&format!("<{tag}")).count()
}

#[test]
fn the_bundled_page_has_every_comment_nested_with_its_text() {
    let data = bundled();
    let html = prerender::body(data.clone());
    for comment in &data.discussion.comments {
        let anchor = format!("id=\"comment-{}\"", comment.id);
        assert_eq!(html.matches(&anchor).count(), 1, "{anchor}");
        for paragraph in comment.paragraphs() {
            // Leptos escapes &, < and > in text; the seed's paragraphs have none of them.
            assert!(
                html.contains(paragraph),
                "comment {}: {paragraph}",
                comment.id
            );
        }
    }
    assert_eq!(html.matches("class=\"comment\"").count(), 13);
    // 17 answers 14, which answers 13: 17 sits inside the list of 14's replies.
    let replies_14 = html
        .find("id=\"replies-14\"")
        .expect("14's replies are open");
    let comment_17 = html.find("id=\"comment-17\"").unwrap();
    let comment_15 = html.find("id=\"comment-15\"").unwrap();
    assert!(replies_14 < comment_17 && comment_17 < comment_15);
    assert!(html.contains(&data.discussion.article.headline));
    assert!(html.contains("Hidden comments: 5, 6, 8 and 10"));
    assert!(
        html.contains("href=\"#comment-13\""),
        "permalinks are plain links"
    );
    assert_eq!(count_tags(&html, "script"), 0);
    assert_eq!(count_tags(&html, "style"), 0);
    assert!(
        !html.contains(" style="),
        "no inline style: the CSP forbids it"
    );
}

#[test]
fn names_are_disabled_buttons_until_the_app_takes_over() {
    let html = prerender::body(bundled());
    let buttons: Vec<&str> = html
        .split("<button")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').unwrap()])
        .filter(|tag| tag.contains("class=\"comment-author\""))
        .collect();
    assert_eq!(buttons.len(), 13);
    assert!(
        buttons.iter().all(|tag| tag.contains(" disabled")),
        "{buttons:?}"
    );
}

#[test]
fn the_index_gets_the_page_the_title_and_preview_tags() {
    let page = prerender::into_index(INDEX, bundled()).unwrap();
    let headline =
        "Huawei reportedly in talks to license its 5G networking technology to U.S. carriers";
    assert!(page.contains(&format!("<title>{headline}</title>")));
    assert!(page.contains(&format!(
        "<meta property=\"og:title\" content=\"{headline}\" />"
    )));
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary\" />"));
    // The first paragraph, cut at a word before 200 characters.
    let description = "Earlier this month, we told you that the Trump administration had painted \
                       itself into a corner by banning Huawei, the world&#39;s largest networking \
                       equipment company, from providing gear to U.S.…";
    assert!(page.contains(&format!(
        "<meta name=\"description\" content=\"{description}\" />"
    )));
    assert!(page.contains("<div id=\"prerendered\" class=\"prerendered\"><main id=\"main\">"));
    assert!(page.contains("<noscript><p class=\"noscript\">Folding replies"));
    assert!(!page.contains("needs JavaScript</noscript>"));
}

#[test]
fn an_index_without_its_landmarks_is_an_error_not_a_broken_page() {
    let error = prerender::into_index("<html><body></body></html>", bundled()).unwrap_err();
    assert!(error.contains("<title>"), "{error}");
}

#[test]
fn hostile_text_stays_text_in_the_page_and_in_the_head() {
    for name in [
        "hostile-html.json",
        "hostile-script.json",
        "hostile-javascript-url.json",
        "hostile-template.json",
    ] {
        let text = std::fs::read_to_string(format!("core/tests/corpus/{name}")).unwrap();
        let page = prerender::into_index(INDEX, load(&text)).unwrap();
        for tag in ["script", "img", "iframe", "b>"] {
            assert_eq!(count_tags(&page, tag), 0, "{name}: <{tag} made from data");
        }
        // Text may say `href="javascript:…"`; no real link may point there.
        for link in page.split("<a ").skip(1) {
            let tag = &link[..link.find('>').unwrap()];
            let href = tag
                .split("href=\"")
                .nth(1)
                .map(|v| &v[..v.find('"').unwrap()]);
            assert!(
                href.is_some_and(|h| h.starts_with('#')),
                "{name}: <a {tag}>"
            );
        }
        // Every attribute value the head adds is closed where it was opened.
        for meta in page.split("<meta").skip(1) {
            let tag = &meta[..meta.find("/>").unwrap()];
            assert_eq!(tag.matches('"').count(), 4, "{name}: {tag}");
        }
    }
    let escaped = prerender::escape("<a href=\"x\">'&'</a>");
    assert_eq!(
        escaped,
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}

#[test]
fn kinds_warnings_and_notes_are_in_the_page_before_the_app() {
    let data = load(include_str!("../core/tests/corpus/format-2-kinds.json"));
    let html = prerender::body(data);
    assert!(html.contains(">Pingback</span>"), "{html}");
    assert!(html.contains(">Trackback</span>"));
    assert!(html.contains(">Moderator action</span>"));
    // A native disclosure: closed, and it opens with JavaScript off.
    assert_eq!(count_tags(&html, "details class=\"content-warning\""), 1);
    assert!(!html.contains("content-warning\" open"));
    assert!(html.contains("Spoilers for the ending"));
    assert!(html.contains("3 comments marked as spam in the export are left out."));
    // The prerendered page knows no reader, so nothing is new in it.
    assert!(!html.contains("new-mark") && !html.contains("New comments"));
}
