//! Component tests in a real browser (wasm-bindgen-test in headless Chromium):
//! mount the page on the bundled discussion, click, and read the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::{mount::mount_to, prelude::*, task::tick};
use std::sync::Arc;
use threadview::components::Page;
use threadview_core::Loaded;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const BUNDLED: &str = include_str!("../data/discussion.json");

fn mount_page() -> Element {
    mount_json(BUNDLED)
}

/// A discussion of `n` comments, each replying to the one before (`chain`) or all at
/// the top level.
fn generated(n: u64, chain: bool) -> String {
    let comments: Vec<String> = (1..=n)
        .map(|id| {
            let parent = if chain && id > 1 { (id - 1).to_string() } else { "null".into() };
            format!(
                r#"{{"id":{id},"parent":{parent},"author":"a{id}","posts":1,"member_since":"2014-05-28","body":"b{id}"}}"#
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"article":{{"headline":"h","body":[]}},"comments":[{}]}}"#,
        comments.join(",")
    )
}

/// Mounts the page in a fresh container and returns the container. Earlier tests' pages
/// and saved folds are cleared first: ids must be unique and folds start unfolded.
fn mount_json(json: &str) -> Element {
    let earlier = document().query_selector_all(".test-page").unwrap();
    for n in 0..earlier.length() {
        earlier
            .item(n)
            .unwrap()
            .unchecked_into::<Element>()
            .remove();
    }
    window().local_storage().unwrap().unwrap().clear().unwrap();
    let container = document().create_element("div").unwrap();
    container.set_class_name("test-page");
    document().body().unwrap().append_child(&container).unwrap();
    let data = Arc::new(Loaded::from_json(json).expect("the file loads"));
    // Leak the handle: the page stays mounted for the rest of the test.
    std::mem::forget(mount_to(container.clone().unchecked_into(), move || {
        view! { <Page data=data.clone() /> }
    }));
    container
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn toggle_of(root: &Element, id: u64) -> HtmlElement {
    find(root, &format!("#comment-{id} > .comment-card .toggle"))
        .unwrap_or_else(|| panic!("comment {id} has a toggle"))
        .unchecked_into()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector)
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn renders_the_article_and_the_whole_thread_nested() {
    let page = mount_page();
    tick().await;

    assert_eq!(
        text(&page, "article.story h1"),
        "Huawei reportedly in talks to license its 5G networking technology to U.S. carriers"
    );
    assert_eq!(count(&page, "article.story > p"), 7);
    assert_eq!(count(&page, "li.comment"), 13);
    let top: Vec<String> = (0..3)
        .map(|n| {
            let list = find(&page, "ol.thread").unwrap().children();
            list.item(n).unwrap().id()
        })
        .collect();
    assert_eq!(top, ["comment-1", "comment-2", "comment-11"]);
    // The DOM nests as the thread does: 17 answers 14, which answers 13, then 7, then 1.
    assert!(
        find(
            &page,
            "#comment-1 > #replies-1 > #comment-7 > #replies-7 > #comment-13 > #replies-13 > #comment-14 > #replies-14 > #comment-17"
        )
        .is_some()
    );
    assert_eq!(text(&page, "#comment-2 .comment-author"), "DellB");
    assert_eq!(
        text(&page, "#comment-2 .comment-since"),
        "Member since Jun 07, 2015"
    );
    assert_eq!(text(&page, "#comment-2 .comment-posts"), "Posts: 57");
    assert_eq!(text(&page, "#comment-9 .comment-body"), "Absolutely agree.");
    assert_eq!(
        document().title(),
        "Huawei reportedly in talks to license its 5G networking technology to U.S. carriers"
    );
}

#[wasm_bindgen_test]
async fn a_toggle_folds_and_unfolds_a_branch() {
    let page = mount_page();
    tick().await;
    let toggle = toggle_of(&page, 1);
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        toggle.get_attribute("aria-controls").as_deref(),
        Some("replies-1")
    );
    assert_eq!(
        toggle.get_attribute("aria-label").as_deref(),
        Some("Hide 8 replies to meanestgenius")
    );

    toggle.click();
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(toggle.text_content().as_deref(), Some("Show 8 replies"));
    // Folded replies are not mounted at all.
    assert!(find(&page, "#replies-1").is_none());
    assert!(find(&page, "#comment-17").is_none());
    assert_eq!(count(&page, "li.comment"), 5);
    assert_eq!(
        text(&page, "#comment-1 .folded-summary"),
        "8 hidden replies from Fred3, meanestgenius, Ashoaib, Venom and frequency"
    );

    toggle.click();
    tick().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(count(&page, "li.comment"), 13);
    assert!(find(&page, "#comment-1 .folded-summary").is_none());
}

#[wasm_bindgen_test]
async fn unfolding_restores_the_folds_inside() {
    let page = mount_page();
    tick().await;
    toggle_of(&page, 13).click();
    tick().await;
    toggle_of(&page, 1).click();
    tick().await;
    assert!(find(&page, "#comment-13").is_none());

    toggle_of(&page, 1).click();
    tick().await;
    // 13 comes back still folded; its sibling branch 9 and its parent 7 are open.
    assert_eq!(
        toggle_of(&page, 13)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
    assert!(find(&page, "#comment-14").is_none());
    assert!(find(&page, "#comment-9").is_some());
    assert_eq!(
        toggle_of(&page, 7)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert_eq!(count(&page, "li.comment"), 10);
}

#[wasm_bindgen_test]
async fn a_long_list_of_siblings_is_drawn_a_page_at_a_time() {
    let page = mount_json(&generated(1000, false));
    tick().await;
    assert_eq!(count(&page, "li.comment"), 100);
    let more: HtmlElement = find(&page, ".more-replies button")
        .unwrap()
        .unchecked_into();
    assert_eq!(
        more.text_content().as_deref(),
        Some("Show 100 more of 900 replies")
    );
    more.click();
    tick().await;
    assert_eq!(count(&page, "li.comment"), 200);
    assert!(find(&page, "#comment-200").is_some());
    assert!(find(&page, "#comment-201").is_none());
}

#[wasm_bindgen_test]
async fn a_chain_of_100000_replies_stops_at_the_depth_cap() {
    let page = mount_json(&generated(100_000, true));
    tick().await;
    assert_eq!(count(&page, "li.comment"), 8);
    assert_eq!(
        text(&page, "#comment-8 a.continue"),
        "Continue this thread (99992 replies)"
    );
    assert_eq!(
        find(&page, "#comment-8 a.continue")
            .unwrap()
            .get_attribute("href")
            .as_deref(),
        Some("#thread-8")
    );
}
