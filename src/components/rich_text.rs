//! A format 2 rich body, drawn as elements: never as markup. Links are links only for
//! `http`, `https` and `mailto`; anything else stays text.

use leptos::prelude::*;
use threadview_core::rich::{Block, Inline, Styled, is_safe_href};
use threadview_core::search;

/// What every link in a comment carries: the reader's data is not vouched for.
pub const LINK_REL: &str = "nofollow ugc noopener noreferrer";

/// The blocks of a comment, with the search text (if any) marked in their words.
pub fn blocks(blocks: &[Block], highlight: Memo<Option<String>>) -> AnyView {
    blocks
        .iter()
        .map(|b| block(b, highlight))
        .collect_view()
        .into_any()
}

fn block(block: &Block, highlight: Memo<Option<String>>) -> AnyView {
    match block {
        Block::Paragraph(inlines) => view! { <p dir="auto">{inline_list(inlines, highlight)}</p> }.into_any(),
        Block::Heading(inlines) => {
            view! { <p class="rich-heading" dir="auto"><strong>{inline_list(inlines, highlight)}</strong></p> }
                .into_any()
        }
        Block::Quote(inner) => view! { <blockquote>{blocks(inner, highlight)}</blockquote> }.into_any(),
        Block::Code(code) => {
            let code = code.clone();
            view! {
                <pre class="code" tabindex="0">
                    <code>{text(code, highlight)}</code>
                </pre>
            }
            .into_any()
        }
        Block::List(list) => {
            let items = list
                .items
                .iter()
                .map(|item| view! { <li>{blocks(item, highlight)}</li> })
                .collect_view();
            if list.ordered {
                view! { <ol class="rich-list">{items}</ol> }.into_any()
            } else {
                view! { <ul class="rich-list">{items}</ul> }.into_any()
            }
        }
        Block::Table(table) => {
            let head = table
                .head
                .iter()
                .map(|cell| view! { <th scope="col">{inline_list(cell, highlight)}</th> })
                .collect_view();
            let rows = table
                .rows
                .iter()
                .map(|row| {
                    let cells = row
                        .iter()
                        .map(|cell| view! { <td>{inline_list(cell, highlight)}</td> })
                        .collect_view();
                    view! { <tr>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div class="table-box" tabindex="0">
                    <table>
                        <thead>
                            <tr>{head}</tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    }
}

fn inline_list(inlines: &[Inline], highlight: Memo<Option<String>>) -> AnyView {
    inlines
        .iter()
        .map(|i| inline(i, highlight))
        .collect_view()
        .into_any()
}

fn inline(inline: &Inline, highlight: Memo<Option<String>>) -> AnyView {
    match inline {
        Inline::Text(t) => lines(t, highlight),
        Inline::Styled(Styled::Em(inner)) => {
            view! { <em>{inline_list(inner, highlight)}</em> }.into_any()
        }
        Inline::Styled(Styled::Strong(inner)) => {
            view! { <strong>{inline_list(inner, highlight)}</strong> }.into_any()
        }
        Inline::Styled(Styled::Strike(inner)) => {
            view! { <s>{inline_list(inner, highlight)}</s> }.into_any()
        }
        Inline::Styled(Styled::Code(code)) => {
            view! { <code>{text(code.clone(), highlight)}</code> }.into_any()
        }
        Inline::Styled(Styled::Spoiler(inner)) => {
            let revealed = RwSignal::new(false);
            let inner = inner.clone();
            view! {
                <span class="spoiler" class:revealed=revealed>
                    <button
                        type="button"
                        class="spoiler-button"
                        aria-expanded=move || revealed.get().to_string()
                        on:click=move |_| revealed.update(|r| *r = !*r)
                    >
                        "Spoiler"
                    </button>
                    " "
                    <span class="spoiler-text" hidden=move || !revealed.get()>
                        {inline_list(&inner, highlight)}
                    </span>
                </span>
            }
            .into_any()
        }
        Inline::Styled(Styled::Link(link)) if is_safe_href(&link.href) => view! {
            <a href=link.href.clone() rel=LINK_REL>
                {inline_list(&link.text, highlight)}
            </a>
        }
        .into_any(),
        // Not a scheme the page links to: the words, and the address, as text.
        Inline::Styled(Styled::Link(link)) => {
            let shown = format!(" ({})", link.href);
            view! {
                <span class="unlinked">{inline_list(&link.text, highlight)} {shown}</span>
            }
            .into_any()
        }
    }
}

/// Text whose `\n`s are line breaks.
fn lines(t: &str, highlight: Memo<Option<String>>) -> AnyView {
    let mut parts = t.split('\n');
    let first = parts.next().unwrap_or_default().to_string();
    let rest: Vec<String> = parts.map(str::to_string).collect();
    view! {
        {text(first, highlight)}
        {rest
            .into_iter()
            .map(|line| view! { <br />{text(line, highlight)} })
            .collect_view()}
    }
    .into_any()
}

/// `text`, with the parts that match the search wrapped in `<mark>`. Always text nodes.
pub fn text(text: String, highlight: Memo<Option<String>>) -> impl IntoView {
    move || match highlight.get() {
        None => text.clone().into_any(),
        Some(query) => search::segments(&text, &query)
            .into_iter()
            .map(|(hit, piece)| {
                let piece = piece.to_string();
                if hit {
                    view! { <mark>{piece}</mark> }.into_any()
                } else {
                    piece.into_any()
                }
            })
            .collect_view()
            .into_any(),
    }
}
