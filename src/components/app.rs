use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

use threadview_core::Loaded;
use threadview_core::load_error::LoadError;

use super::load_error::LoadErrorView;
use super::page::Page;
use super::theme::ThemeSwitch;
use crate::api;
use crate::browser::address;
use crate::takeover;

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Arc<Loaded>),
    Failed(LoadError),
}

/// Loads the discussion the address names and shows it, or says why it could not.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let load = move || {
        state.set(LoadState::Loading);
        spawn_local(async move {
            let loaded = match address::data_url() {
                Ok(url) => api::load(&url).await,
                Err(refused) => Err(refused.into()),
            };
            state.set(match loaded {
                Ok(loaded) => LoadState::Ready(Arc::new(loaded)),
                Err(error) => LoadState::Failed(error),
            });
        });
    };
    load();
    // Once the app has something to show, the page or an error with its Retry, it takes
    // the prerendered page's place. Created before the page's own effects, so that links
    // and focus act on the page the reader sees.
    Effect::new(move |_| {
        if state.with(|s| !matches!(s, LoadState::Loading)) {
            takeover::take_over();
        }
    });

    view! {
        <Frame>
            {move || match state.get() {
                LoadState::Loading => {
                    view! { <p class="loading" role="status">"Loading the discussion…"</p> }
                        .into_any()
                }
                LoadState::Ready(data) => view! { <Page data /> }.into_any(),
                LoadState::Failed(error) => {
                    view! { <LoadErrorView error on_retry=move || load() /> }.into_any()
                }
            }}
        </Frame>
    }
}

/// Around everything the page shows, the same whether the app draws it or the build
/// prerenders it.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    view! {
        <main id="main">
            <ThemeSwitch />
            {children()}
        </main>
    }
}
