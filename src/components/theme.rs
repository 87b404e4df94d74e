use leptos::prelude::*;

use crate::takeover::is_prerendering;

/// Where the reader's choice is kept in this browser.
const KEY: &str = "threadview:theme";

/// Light or dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Self; 3] = [Self::Auto, Self::Light, Self::Dark];

    /// The stored value, and the value of `data-theme` on `<html>`.
    pub fn key(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Auto => "Auto",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    /// A stored value; anything unknown reads as nothing stored.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// None when prerendering: the build has no browser and no reader's choice.
fn storage() -> Option<web_sys::Storage> {
    if !is_prerendering() {
        window().local_storage().ok().flatten()
    } else {
        None
    }
}

fn saved() -> Theme {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|value| Theme::from_key(&value))
        .unwrap_or_default()
}

/// Storage can be disabled or full; the choice then lasts only for this visit.
fn save(theme: Theme) {
    if let Some(storage) = storage() {
        let _ = match theme {
            Theme::Auto => storage.remove_item(KEY),
            _ => storage.set_item(KEY, theme.key()),
        };
    }
}

/// `data-theme` on `<html>` sets `color-scheme` (style/theme.css); auto removes it.
fn apply(theme: Theme) {
    if is_prerendering() {
        return;
    }
    if let Some(root) = document().document_element() {
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            _ => root.set_attribute("data-theme", theme.key()),
        };
    }
}

/// Applies the stored theme: call before mounting, so the page never flashes the other one.
pub fn apply_saved_theme() {
    apply(saved());
}

/// Auto, light or dark, remembered in this browser.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let theme = RwSignal::new(saved());
    apply(theme.get_untracked());

    let options = Theme::ALL
        .into_iter()
        .map(|option| {
            view! {
                <label>
                    <input
                        type="radio"
                        name="threadview-theme"
                        value=option.key()
                        prop:checked=move || theme.get() == option
                        on:change=move |_| {
                            theme.set(option);
                            save(option);
                            apply(option);
                        }
                    />
                    {option.label()}
                </label>
            }
        })
        .collect_view();

    view! {
        <fieldset class="theme-switch">
            <legend>"Theme"</legend>
            {options}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_values_round_trip_and_anything_else_is_ignored() {
        for theme in Theme::ALL {
            assert_eq!(Theme::from_key(theme.key()), Some(theme));
        }
        for bad in ["", "Dark", "dark ", "blue", "{\"theme\":\"dark\"}"] {
            assert_eq!(Theme::from_key(bad), None, "{bad}");
        }
        assert_eq!(Theme::default(), Theme::Auto);
    }
}
