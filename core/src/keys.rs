//! Keyboard shortcuts: which key does what. The page wires them in `components/shortcuts.rs`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    NextComment,
    PreviousComment,
    NextTopLevel,
    PreviousTopLevel,
    Parent,
    NextNew,
    Toggle,
    Help,
    Close,
}

/// The list the help dialog shows, in this order.
pub const HELP: [(&str, &str); 9] = [
    ("j", "Next comment"),
    ("k", "Previous comment"),
    ("Shift+J", "Next top-level comment"),
    ("Shift+K", "Previous top-level comment"),
    ("p", "Parent comment"),
    ("n", "Next comment new since your last visit"),
    ("o or Enter", "Fold or unfold the current comment"),
    ("?", "Show these shortcuts"),
    ("Escape", "Close this dialog, or leave the current comment"),
];

/// The action for a key press, if any. `key` is `KeyboardEvent.key`. Presses with Ctrl,
/// Alt or Meta belong to the browser. Enter only counts on the comment itself, since on a
/// button or link it already does that control's job.
pub fn action(key: &str, modifier: bool, on_comment: bool) -> Option<Action> {
    if modifier {
        return None;
    }
    Some(match key {
        "j" => Action::NextComment,
        "k" => Action::PreviousComment,
        "J" => Action::NextTopLevel,
        "K" => Action::PreviousTopLevel,
        "p" => Action::Parent,
        "n" => Action::NextNew,
        "o" => Action::Toggle,
        "Enter" if on_comment => Action::Toggle,
        "?" => Action::Help,
        "Escape" => Action::Close,
        _ => return None,
    })
}

/// Shortcuts must not fire while the reader types.
pub fn is_text_field(tag: &str, content_editable: bool) -> bool {
    content_editable
        || matches!(
            tag.to_ascii_uppercase().as_str(),
            "INPUT" | "TEXTAREA" | "SELECT"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_keys_to_actions() {
        assert_eq!(action("j", false, false), Some(Action::NextComment));
        assert_eq!(action("J", false, false), Some(Action::NextTopLevel));
        assert_eq!(action("j", true, false), None);
        assert_eq!(action("Enter", false, false), None);
        assert_eq!(action("Enter", false, true), Some(Action::Toggle));
        assert_eq!(action("x", false, false), None);
        assert!(is_text_field("input", false));
        assert!(is_text_field("DIV", true));
        assert!(!is_text_field("BUTTON", false));
    }
}
