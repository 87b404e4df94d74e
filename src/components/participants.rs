use leptos::prelude::*;
use std::collections::HashMap;

use super::ThreadContext;
use crate::data::Comment;

/// Each author with the number of comments they wrote in `order`: most first, ties in
/// order of first appearance.
pub fn count_by_author<'a>(comments: &'a [Comment], order: &[usize]) -> Vec<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    let mut slot: HashMap<&str, usize> = HashMap::new();
    for &i in order {
        let author = comments[i].author.as_str();
        match slot.get(author) {
            Some(&k) => counts[k].1 += 1,
            None => {
                slot.insert(author, counts.len());
                counts.push((author, 1));
            }
        }
    }
    // A stable sort keeps first appearance among equal counts.
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts
}

/// "Venom wrote 4 comments", "Fred3 wrote 1 comment".
pub fn status(author: &str, count: usize) -> String {
    let unit = if count == 1 { "comment" } else { "comments" };
    format!("{author} wrote {count} {unit}")
}

/// Names listed before "Show all": a thread of thousands has a thousand authors, and the
/// most active ones are what a reader looks for.
pub const FIRST_NAMES: usize = 30;

/// Who takes part and how often; pressing a name highlights that author's comments.
#[component]
pub fn Participants() -> impl IntoView {
    let ThreadContext { data, reader, .. } = expect_context::<ThreadContext>();
    let counts: Vec<(String, usize)> =
        count_by_author(&data.discussion.comments, data.thread.display_order())
            .into_iter()
            .map(|(author, n)| (author.to_string(), n))
            .collect();
    let heading = format!("Participants ({})", counts.len());
    let lookup: HashMap<String, usize> = counts.iter().cloned().collect();
    // A selector, so that pressing a name updates two buttons, not every one.
    let selected = Selector::new(move || reader.author.get());

    let total = counts.len();
    let show_all = RwSignal::new(false);
    let item = move |(author, n): (String, usize)| {
        let key = Some(author.clone());
        let selected = selected.clone();
        let pressed = move || selected.selected(&key).to_string();
        let name = author.clone();
        let press = move |_| {
            reader.author.update(|current| {
                *current = match current {
                    Some(a) if *a == name => None,
                    _ => Some(name.clone()),
                }
            })
        };
        view! {
            <li>
                <button
                    type="button"
                    class="participant"
                    aria-pressed=pressed
                    disabled=super::PRERENDERING
                    on:click=press
                >
                    {author}
                    " "
                    <span class="count">{n}</span>
                </button>
            </li>
        }
    };
    let items = move || {
        let shown = if show_all.get() { total } else { FIRST_NAMES };
        counts
            .iter()
            .take(shown)
            .cloned()
            .map(item.clone())
            .collect_view()
    };
    let more = (total > FIRST_NAMES).then(|| {
        view! {
            <button
                type="button"
                class="all-participants"
                aria-expanded=move || show_all.get().to_string()
                on:click=move |_| show_all.update(|all| *all = !*all)
            >
                {move || {
                    if show_all.get() {
                        format!("Show the first {FIRST_NAMES}")
                    } else {
                        format!("Show all {total}")
                    }
                }}
            </button>
        }
    });

    // Always in the page, so that screen readers announce each change of text.
    let status_text = move || {
        reader.author.with(|a| {
            a.as_deref()
                .map(|a| status(a, lookup.get(a).copied().unwrap_or(0)))
                .unwrap_or_default()
        })
    };

    view! {
        <section class="participants" aria-labelledby="participants-title">
            <h2 id="participants-title">{heading}</h2>
            <ul>{items}</ul>
            {more}
            <p class="author-status" role="status">{status_text}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Loaded;

    #[test]
    fn counts_comments_per_author_most_first_then_first_seen() {
        let loaded = Loaded::from_json(include_str!("../../data/discussion.json")).unwrap();
        let counts = count_by_author(&loaded.discussion.comments, loaded.thread.display_order());
        assert_eq!(
            counts,
            [
                ("meanestgenius", 5),
                ("Venom", 4),
                ("Fred3", 1),
                ("Ashoaib", 1),
                ("frequency", 1),
                ("DellB", 1),
            ]
        );
        // Ties follow the order given, whatever the file order.
        let reversed: Vec<usize> = loaded
            .thread
            .display_order()
            .iter()
            .rev()
            .copied()
            .collect();
        let names: Vec<&str> = count_by_author(&loaded.discussion.comments, &reversed)
            .into_iter()
            .map(|(author, _)| author)
            .collect();
        assert_eq!(
            names,
            [
                "meanestgenius",
                "Venom",
                "DellB",
                "frequency",
                "Ashoaib",
                "Fred3"
            ]
        );
        assert!(count_by_author(&loaded.discussion.comments, &[]).is_empty());
    }

    #[test]
    fn says_how_many_comments() {
        assert_eq!(status("Venom", 4), "Venom wrote 4 comments");
        assert_eq!(status("Fred3", 1), "Fred3 wrote 1 comment");
    }
}
