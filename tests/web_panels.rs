//! Component tests of the side panels in a real browser: the overview, the participants
//! and the theme switch, mounted on their own with a context built here.
#![cfg(target_arch = "wasm32")]

use leptos::{mount::mount_to, prelude::*, task::tick};
use std::sync::Arc;
use threadview::components::overview::Overview;
use threadview::components::participants::Participants;
use threadview::components::theme::ThemeSwitch;
use threadview::state::{Reader, Store};
use threadview_core::{CommentId, Loaded, sort::SortOrder, url::Route};
use wasm_bindgen::{JsCast, prelude::wasm_bindgen};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

// SVG elements have no click(): dispatch a real, bubbling click, as a mouse would.
#[wasm_bindgen(inline_js = "export function click_svg(el) { \
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })); }")]
extern "C" {
    fn click_svg(element: &Element);
}

const BUNDLED: &str = include_str!("../data/discussion.json");

/// The panels in a fresh container, sharing one context; the reader is returned so tests
/// can play the rest of the page. Drop the handle to unmount.
fn mount_panels() -> (Element, Reader, impl Sized) {
    mount_panels_on(BUNDLED)
}

fn mount_panels_on(json: &str) -> (Element, Reader, impl Sized) {
    let container = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&container).unwrap();
    let data = Arc::new(Loaded::from_json(json).expect("the file loads"));
    let store = Store::new(data, Route::Full, SortOrder::default(), None);
    let reader = store.reader;
    let handle = mount_to(container.clone().unchecked_into(), move || {
        provide_context(store);
        view! {
            <ThemeSwitch />
            <Participants />
            <Overview />
        }
    });
    (container, reader, handle)
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The comment a mark stands for, as `#comment-N`: read from its title, since a mark is
/// a link only while its comment is drawn, and these panels are mounted without the thread.
fn mark_target(mark: &Element) -> String {
    let title = find(mark, "title").text_content().unwrap();
    let id = title[1..].split(' ').next().unwrap().to_string();
    format!("#comment-{id}")
}

fn mark(root: &Element, id: u64) -> Element {
    all(root, ".overview a.mark")
        .into_iter()
        .find(|m| mark_target(m) == format!("#comment-{id}"))
        .unwrap_or_else(|| panic!("mark {id} is in the overview"))
}

fn bar_x(root: &Element, id: u64) -> f64 {
    let rect = find(&mark(root, id), "rect");
    rect.get_attribute("x").unwrap().parse().unwrap()
}

fn participant(root: &Element, name: &str) -> Element {
    all(root, "button.participant")
        .into_iter()
        .find(|b| b.first_child().and_then(|t| t.text_content()).as_deref() == Some(name))
        .unwrap_or_else(|| panic!("{name} is a participant"))
}

#[wasm_bindgen_test]
async fn overview_has_one_mark_per_comment_in_reading_order() {
    let (page, reader, _handle) = mount_panels();
    tick().await;

    let hrefs: Vec<String> = all(&page, ".overview a.mark")
        .iter()
        .map(mark_target)
        .collect();
    assert_eq!(hrefs.len(), 13);
    assert_eq!(hrefs.first().unwrap(), "#comment-1");
    assert_eq!(hrefs.last().unwrap(), "#comment-16");
    // 17 answers 14: one level deeper, further right.
    assert!(bar_x(&page, 17) > bar_x(&page, 14));
    assert_eq!(
        find(&mark(&page, 3), "title").text_content().unwrap(),
        "#3 Fred3, 29 words"
    );
    assert_eq!(
        find(&page, "details.overview-panel > summary")
            .text_content()
            .unwrap(),
        "Thread overview"
    );
    assert!(page.query_selector(".overview-note").unwrap().is_none());
    // With no comment drawn, a mark is a button that goes there, not a link without a
    // target.
    assert_eq!(
        mark(&page, 1).get_attribute("role").as_deref(),
        Some("button")
    );
    assert_eq!(mark(&page, 1).get_attribute("href"), None);
    // The marks are SVG elements, not HTML ones that an <svg> would not draw.
    for part in ["", " > title", " > rect"] {
        let selector = format!(".overview a.mark:first-of-type{part}");
        assert_eq!(
            find(&page, &selector).namespace_uri().as_deref(),
            Some("http://www.w3.org/2000/svg"),
            "{selector}"
        );
    }

    // A mark is a link to its comment, and makes it the reader's place.
    let link = mark(&page, 13);
    click_svg(&link);
    tick().await;
    assert_eq!(window().location().hash().unwrap(), "#comment-13");
    assert_eq!(reader.current.get_untracked(), Some(CommentId::new(13)));
    assert_eq!(all(&page, ".overview a.current").len(), 1);
    assert!(link.class_list().contains("current"));
    assert_eq!(
        link.get_attribute("aria-current").as_deref(),
        Some("location")
    );

    // The rest of the page moving the reader moves the mark.
    reader.current.set(Some(CommentId::new(2)));
    tick().await;
    assert!(!link.class_list().contains("current"));
    assert_eq!(link.get_attribute("aria-current"), None);
    assert!(mark(&page, 2).class_list().contains("current"));
    window().location().set_hash("").unwrap();
}

#[wasm_bindgen_test]
async fn a_big_thread_draws_only_the_first_marks_and_says_so() {
    let comments: Vec<String> = (1..=2001)
        .map(|id| {
            let parent = if id == 1 {
                "null".to_string()
            } else {
                (id - 1).to_string()
            };
            format!(
                r#"{{"id": {id}, "parent": {parent}, "author": "a{}", "posts": 1,
                    "member_since": "2020-01-01", "body": "word"}}"#,
                id % 7
            )
        })
        .collect();
    let json = format!(
        r#"{{"version": 1, "article": {{"headline": "Big", "body": []}},
            "comments": [{}]}}"#,
        comments.join(",")
    );
    let (page, _reader, _handle) = mount_panels_on(&json);
    tick().await;
    assert_eq!(threadview_core::limits::OVERVIEW_MARKS, 500);
    assert_eq!(all(&page, ".overview a.mark").len(), 500);
    assert_eq!(
        find(&page, ".overview-note").text_content().unwrap(),
        "Showing the first 500 of 2001 comments"
    );
    // A chain this deep stops indenting: its bars stay inside the drawing.
    assert_eq!(bar_x(&page, 500), bar_x(&page, 100));
}

#[wasm_bindgen_test]
async fn overview_marks_search_matches() {
    let (page, reader, _handle) = mount_panels();
    tick().await;
    assert!(all(&page, ".overview a.match").is_empty());

    reader.query.set("absolutely".into());
    tick().await;
    let matched: Vec<String> = all(&page, ".overview a.match")
        .iter()
        .map(mark_target)
        .collect();
    assert_eq!(matched, ["#comment-9"]);

    reader.query.set(String::new());
    tick().await;
    assert!(all(&page, ".overview a.match").is_empty());
}

#[wasm_bindgen_test]
async fn pressing_a_participant_highlights_their_comments() {
    let (page, reader, _handle) = mount_panels();
    tick().await;

    assert_eq!(
        find(&page, "#participants-title").text_content().unwrap(),
        "Participants (6)"
    );
    let names: Vec<String> = all(&page, "button.participant")
        .iter()
        .map(|b| b.text_content().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "meanestgenius 5",
            "Venom 4",
            "Fred3 1",
            "Ashoaib 1",
            "frequency 1",
            "DellB 1"
        ]
    );
    let venom = participant(&page, "Venom");
    assert_eq!(
        venom.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(find(&page, ".author-status").text_content().unwrap(), "");

    venom.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(venom.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(reader.author.get_untracked().as_deref(), Some("Venom"));
    assert_eq!(
        find(&page, ".author-status[role=status]")
            .text_content()
            .unwrap(),
        "Venom wrote 4 comments"
    );
    let by_venom: Vec<String> = all(&page, ".overview a.by-author")
        .iter()
        .map(mark_target)
        .collect();
    assert_eq!(
        by_venom,
        ["#comment-13", "#comment-17", "#comment-12", "#comment-11"]
    );

    // Another name moves the highlight; pressing the pressed one clears it.
    let fred = participant(&page, "Fred3");
    fred.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(
        venom.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(fred.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(
        find(&page, ".author-status").text_content().unwrap(),
        "Fred3 wrote 1 comment"
    );
    assert_eq!(all(&page, ".overview a.by-author").len(), 1);

    fred.unchecked_ref::<HtmlElement>().click();
    tick().await;
    assert_eq!(fred.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(reader.author.get_untracked(), None);
    assert_eq!(find(&page, ".author-status").text_content().unwrap(), "");
    assert!(all(&page, ".overview a.by-author").is_empty());
}

#[wasm_bindgen_test]
async fn the_theme_switch_sets_and_remembers_the_theme() {
    let storage = window().local_storage().unwrap().unwrap();
    let root = document().document_element().unwrap();
    storage.remove_item("threadview:theme").unwrap();
    root.remove_attribute("data-theme").unwrap();

    let (page, _reader, handle) = mount_panels();
    tick().await;
    let radio = |value: &str| -> HtmlInputElement {
        find(&page, &format!(".theme-switch input[value={value}]")).unchecked_into()
    };
    assert_eq!(
        find(&page, ".theme-switch legend").text_content().unwrap(),
        "Theme"
    );
    assert!(radio("auto").checked());
    assert_eq!(root.get_attribute("data-theme"), None);

    radio("dark").click();
    tick().await;
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("dark"));
    assert_eq!(
        storage.get_item("threadview:theme").unwrap().as_deref(),
        Some("dark")
    );
    radio("light").click();
    tick().await;
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    assert!(radio("light").checked() && !radio("dark").checked());

    // A later visit starts from the stored choice.
    drop(handle);
    root.remove_attribute("data-theme").unwrap();
    threadview::components::theme::apply_saved_theme();
    assert_eq!(root.get_attribute("data-theme").as_deref(), Some("light"));
    let (page, _reader, _handle) = mount_panels();
    tick().await;
    let checked: HtmlInputElement = find(&page, ".theme-switch input:checked").unchecked_into();
    assert_eq!(checked.value(), "light");

    // Back to auto: the attribute goes and nothing is stored.
    find(&page, ".theme-switch input[value=auto]")
        .unchecked_into::<HtmlElement>()
        .click();
    tick().await;
    assert_eq!(root.get_attribute("data-theme"), None);
    assert_eq!(storage.get_item("threadview:theme").unwrap(), None);

    // A damaged stored value is ignored.
    storage.set_item("threadview:theme", "purple").unwrap();
    threadview::components::theme::apply_saved_theme();
    assert_eq!(root.get_attribute("data-theme"), None);
    storage.remove_item("threadview:theme").unwrap();
}
