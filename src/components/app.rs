use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

use super::load_error::LoadErrorView;
use super::page::Page;
use super::theme::ThemeSwitch;
use crate::Loaded;
use crate::api::{self, LoadError};

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Arc<Loaded>),
    Failed(LoadError),
}

/// Loads the bundled discussion and shows it, or says why it could not.
#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let load = move || {
        state.set(LoadState::Loading);
        spawn_local(async move {
            let query = window().location().search().unwrap_or_default();
            let loaded = match api::data_url(&query) {
                Ok(url) => api::load(&url).await,
                Err(refused) => Err(refused),
            };
            state.set(match loaded {
                Ok(loaded) => LoadState::Ready(Arc::new(loaded)),
                Err(error) => LoadState::Failed(error),
            });
        });
    };
    load();

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
