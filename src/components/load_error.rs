use leptos::prelude::*;

use crate::api::LoadError;

/// What failed, for which file and where, and a way to try again.
#[component]
pub fn LoadErrorView(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    // The prerendered page gives way to the error, so that Retry is there to press.
    Effect::new(|_| super::take_over_prerendered());
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
