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
    !segments(text, query).iter().all(|(hit, _)| !hit)
}

/// `text` cut into pieces, each marked whether it matches `query` (ignoring case), so the
/// page can wrap the matches in `<mark>` while every piece stays plain text.
pub fn segments<'a>(text: &'a str, query: &str) -> Vec<(bool, &'a str)> {
    let query: Vec<char> = query.trim().chars().flat_map(char::to_lowercase).collect();
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

/// The byte length of the prefix of `text` that equals `query` (lowercased), if any.
fn match_len(text: &str, query: &[char]) -> Option<usize> {
    let mut wanted = query.iter();
    let mut next = wanted.next();
    for (at, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            match next {
                Some(&q) if q == lower => next = wanted.next(),
                Some(_) => return None,
                None => return Some(at),
            }
        }
        if next.is_none() {
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
    }
}
