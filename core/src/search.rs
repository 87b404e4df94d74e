//! Finding text in the discussion, folded replies included.

use crate::data::Comment;
use crate::thread::Thread;

/// Comments whose author or body contains `query`, ignoring case, in reading order.
pub fn matches(query: &str, comments: &[Comment], thread: &Thread) -> Vec<usize> {
    let query = query.trim();
    if query.is_empty() {
        return Vec::new();
    }
    thread
        .display_order()
        .iter()
        .copied()
        .filter(|&i| contains(&comments[i].author, query) || contains(&comments[i].body, query))
        .collect()
}

pub fn contains(text: &str, query: &str) -> bool {
    let query = lowercase(query);
    !query.is_empty()
        && text
            .char_indices()
            .any(|(at, _)| match_len(&text[at..], &query).is_some())
}

fn lowercase(query: &str) -> Vec<char> {
    query.trim().chars().flat_map(char::to_lowercase).collect()
}

/// `text` cut into pieces, each marked whether it matches `query` (ignoring case), so the
/// page can wrap the matches in `<mark>` while every piece stays plain text.
pub fn segments<'a>(text: &'a str, query: &str) -> Vec<(bool, &'a str)> {
    let query = lowercase(query);
    if query.is_empty() {
        return vec![(false, text)];
    }
    let mut pieces = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < text.len() {
        match match_len(&text[i..], &query) {
            Some(len) => {
                if plain_start < i {
                    pieces.push((false, &text[plain_start..i]));
                }
                pieces.push((true, &text[i..i + len]));
                i += len;
                plain_start = i;
            }
            None => i += text[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    if plain_start < text.len() {
        pieces.push((false, &text[plain_start..]));
    }
    pieces
}

/// The byte length of the prefix of `text` that equals `query` (lowercased), if any. A
/// match ends on a character boundary of `text` and covers whole lowercase expansions
/// ("İ" lowercases to two characters), so it is never empty.
fn match_len(text: &str, query: &[char]) -> Option<usize> {
    let mut rest = query;
    for (at, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            match rest.split_first() {
                Some((&q, tail)) if q == lower => rest = tail,
                _ => return None,
            }
        }
        if rest.is_empty() {
            return Some(at + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_text_around_matches_ignoring_case() {
        assert_eq!(
            segments("Huawei and HUAWEI", "huawei"),
            vec![(true, "Huawei"), (false, " and "), (true, "HUAWEI")]
        );
        assert_eq!(segments("no match", "zzz"), vec![(false, "no match")]);
        assert_eq!(segments("abc", "  "), vec![(false, "abc")]);
        assert_eq!(
            segments("It’s ok", "’s"),
            vec![(false, "It"), (true, "’s"), (false, " ok")]
        );
        assert!(contains("Absolutely agree.", "AGREE"));
        assert!(!contains("Absolutely agree.", "disagree"));
        assert!(!contains("anything", ""));
    }

    #[test]
    fn characters_that_lowercase_to_several_never_stall_the_search() {
        // "İ" lowercases to "i" plus a combining dot: half of it is not a match.
        assert_eq!(segments("xİ", "i"), vec![(false, "xİ")]);
        assert_eq!(segments("aİb", "ai"), vec![(false, "aİb")]);
        assert_eq!(segments("İx", "i̇"), vec![(true, "İ"), (false, "x")]);
        assert_eq!(
            segments("Straße STRASSE", "ß"),
            vec![(false, "Stra"), (true, "ß"), (false, "e STRASSE")]
        );
        assert!(contains("ẞ", "ß"));
    }
}
