use leptos::prelude::*;

use threadview_core::load_error::LoadError;

/// What failed, for which file and where, and a way to try again.
#[component]
pub fn LoadErrorView(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="load-error" role="alert">
            <h1>"The discussion could not be loaded"</h1>
            <p class="error-detail">{error.to_string()}</p>
            <button class="retry" type="button" on:click=move |_| on_retry()>
                "Retry"
            </button>
        </div>
    }
}
