//! The word lists, kept as data in `threadgen/words/*.txt` (one entry per line) and split
//! into `&[&str]` at compile time, so the crate needs no dependency and no runtime set-up.
//!
//! The generator picks an entry by its index, so reordering, adding or removing a line
//! changes the output for every seed (and the hashes pinned in `tests/stable.rs`). A line
//! that appears twice is drawn twice as often. A list file that is empty or has a blank
//! line or a line with spaces at either end does not compile; a `\r` before a line's end
//! is ignored, so a checkout with Windows line endings gives the same bytes.

/// Declares `pub(crate) const NAME: &[&str]` from `words/FILE`.
macro_rules! word_list {
    ($($(#[$doc:meta])* $name:ident = $file:literal;)*) => {$(
        $(#[$doc])*
        pub(crate) const $name: &[&str] = {
            const TEXT: &str = include_str!(concat!("../words/", $file));
            const LINES: [&str; count_lines(TEXT)] = lines(TEXT);
            &LINES
        };
    )*};
}

word_list! {
    // Author names (see `people.rs`): "quietowl", "Tiger42", "iron_monk", "AnnaK".
    /// The first half of a made-up user name.
    NAME_STARTS = "name_starts.txt";
    /// The second half of a made-up user name, or a name of its own followed by a number.
    NAME_ENDS = "name_ends.txt";
    /// Lower-case first names, capitalised and followed by an initial.
    FIRST_NAMES = "first_names.txt";

    // The grammar's words (see `text.rs`). Verbs are past tense or take a modal, so that
    // they agree with any subject.
    /// What a sentence may start with, before its clause.
    OPENERS = "openers.txt";
    /// What joins two clauses: written right after the first clause if it starts with a
    /// comma, after a space otherwise.
    LINKS = "links.txt";
    /// Noun phrases that need no determiner.
    PROPER_NOUNS = "proper_nouns.txt";
    PRONOUNS = "pronouns.txt";
    /// "a" becomes "an" before a vowel.
    DETERMINERS = "determiners.txt";
    ADJECTIVES = "adjectives.txt";
    NOUNS = "nouns.txt";
    VERBS = "verbs.txt";
    ADVERBS = "adverbs.txt";
    PREPOSITIONS = "prepositions.txt";
}

/// The number of lines in `text`, the last one with or without its `\n`.
const fn count_lines(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            count += 1;
        }
        i += 1;
    }
    if !bytes.is_empty() && bytes[bytes.len() - 1] != b'\n' {
        count += 1;
    }
    count
}

/// The `N` lines of `text` (`N` from [`count_lines`]), checked: see the module docs.
const fn lines<const N: usize>(text: &'static str) -> [&'static str; N] {
    assert!(N > 0, "a word list is empty");
    let mut out = [""; N];
    let mut rest = text.as_bytes();
    let mut k = 0;
    while !rest.is_empty() {
        let mut end = 0;
        while end < rest.len() && rest[end] != b'\n' {
            end += 1;
        }
        let (mut line, tail) = rest.split_at(end);
        rest = match tail {
            [_, tail @ ..] => tail,
            [] => tail,
        };
        if let [head @ .., b'\r'] = line {
            line = head;
        }
        if line.is_empty() {
            panic!("a word list has a blank line");
        }
        if line[0].is_ascii_whitespace() || line[line.len() - 1].is_ascii_whitespace() {
            panic!("a word list has a line that starts or ends with a space");
        }
        // Cut at a `\n` or a `\r`, both ASCII, so still UTF-8.
        out[k] = match std::str::from_utf8(line) {
            Ok(word) => word,
            Err(_) => panic!("a word list is not UTF-8"),
        };
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_split_like_str_lines() {
        const TEXT: &str = "one\ntwo words\r\nthree";
        const LINES: [&str; count_lines(TEXT)] = lines(TEXT);
        assert_eq!(LINES, ["one", "two words", "three"]);
        assert_eq!(count_lines("a\n"), 1);
        assert_eq!(count_lines(""), 0);
    }

    #[test]
    fn lists_have_their_entries() {
        // The sizes the pinned outputs were made with.
        let sizes = [
            NAME_STARTS.len(),
            NAME_ENDS.len(),
            FIRST_NAMES.len(),
            OPENERS.len(),
            LINKS.len(),
            PROPER_NOUNS.len(),
            PRONOUNS.len(),
            DETERMINERS.len(),
            ADJECTIVES.len(),
            NOUNS.len(),
            VERBS.len(),
            ADVERBS.len(),
            PREPOSITIONS.len(),
        ];
        assert_eq!(sizes, [30, 30, 30, 13, 7, 14, 7, 14, 28, 55, 36, 10, 12]);
        assert_eq!(LINKS[0], ", but");
        assert_eq!(VERBS[VERBS.len() - 1], "looks like");
    }
}
