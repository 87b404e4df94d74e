use leptos::prelude::*;

use threadview_core::limits::FIRST_VIEW;
use threadview_core::url::comment_href;
use threadview_core::words;

use super::comment::Comment;
use super::comment_list::CommentList;
use super::missing_replies::MissingReplies;
use super::toolbar::Toolbar;
use crate::state::use_store;

/// The reader comments: the whole thread, or one branch of it.
#[component]
pub fn Discussion() -> impl IntoView {
    let store = use_store();
    let (data, view_root) = (store.data(), store.view_root);
    let thread = &data.thread;
    let count = thread.len();
    let heading = format!("Reader comments ({count})");

    let warnings = (!thread.warnings().is_empty()).then(|| {
        let items = thread
            .warnings()
            .iter()
            .map(|w| view! { <li>{w.to_string()}</li> })
            .collect_view();
        view! {
            <div class="data-warnings" role="note">
                <p>"This discussion file has problems. Every comment in it is still shown."</p>
                <ul>{items}</ul>
            </div>
        }
    });

    // What the import left out or changed: said where the comments are, so that nothing
    // is lost silently.
    let notes = (!data.discussion.notes.is_empty()).then(|| {
        let items = data
            .discussion
            .notes
            .iter()
            .map(|note| view! { <li>{note.clone()}</li> })
            .collect_view();
        view! {
            <aside class="import-notes" aria-labelledby="import-notes-title">
                <p id="import-notes-title">"About this copy of the discussion"</p>
                <ul>{items}</ul>
            </aside>
        }
    });

    let branch_nav = {
        let data = data.clone();
        move || {
            view_root.get().map(|root| {
                let id = data.discussion.comments[root].id;
                view! {
                    <nav class="branch-nav" aria-label="Thread branch">
                        <p>"You are reading one branch of the discussion."</p>
                        <a href=comment_href(id)>
                            {format!("Back to the full discussion at #{id}")}
                        </a>
                    </nav>
                }
            })
        }
    };

    // Two frames after the first drawing, when every card on screen has been laid out at
    // its real height, and only for threads longer than the first view.
    let lazy_cards = RwSignal::new(false);
    if count > FIRST_VIEW {
        Effect::new(move |_| {
            request_animation_frame(move || request_animation_frame(move || lazy_cards.set(true)))
        });
    }

    let list = move || match view_root.get() {
        None => view! { <CommentList parent=None depth=0 /> }.into_any(),
        Some(root) => view! { <Comment index=root depth=0 /> }.into_any(),
    };

    let missing = view! {
        <MissingReplies
            count=data.discussion.missing_replies
            link=data.discussion.article.url.clone()
        />
    };

    let hidden = &data.discussion.hidden;
    let notice = hidden
        .notice
        .clone()
        .map(|n| view! { <p class="hidden-notice">{n}</p> });
    let hidden_ids = (!hidden.ids.is_empty()).then(|| {
        view! {
            <p class="hidden-ids">
                {format!("Hidden comments: {}", words::numbers(&hidden.ids))}
            </p>
        }
    });

    view! {
        <section class="discussion" aria-labelledby="discussion-title">
            <h2 id="discussion-title">{heading}</h2>
            <Toolbar />
            {warnings}
            {notes}
            {branch_nav}
            <ol class="thread" class:lazy-cards=lazy_cards>
                {list}
            </ol>
            {missing}
            {notice}
            {hidden_ids}
        </section>
    }
}
