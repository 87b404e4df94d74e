//! The words of the discussion: a tiny English grammar (clauses, sentences, paragraphs)
//! and the comment bodies and headlines built from it. The vocabulary is in
//! [`crate::words`].

use crate::rng::Rng;
use crate::words::{
    ADJECTIVES, ADVERBS, DETERMINERS, LINKS, NOUNS, OPENERS, PREPOSITIONS, PRONOUNS, PROPER_NOUNS,
    VERBS,
};

/// 1 to 5 paragraphs, most often 1 or 2, of 1 to 3 sentences: about 200 bytes on average.
pub(crate) fn comment_body(rng: &mut Rng, out: &mut String) {
    let paragraphs = match rng.below(1000) {
        0..550 => 1,
        550..820 => 2,
        820..930 => 3,
        930..975 => 4,
        _ => 5,
    };
    for k in 0..paragraphs {
        if k > 0 {
            out.push_str("\n\n");
        }
        let sentences = 1 + rng.below(3);
        paragraph(rng, out, sentences);
    }
}

/// A headline or subheading: one clause, capitalised, no full stop.
pub(crate) fn heading(rng: &mut Rng, out: &mut String) {
    let start = out.len();
    clause(rng, out);
    capitalise_at(out, start);
}

pub(crate) fn paragraph(rng: &mut Rng, out: &mut String, sentences: usize) {
    for k in 0..sentences {
        if k > 0 {
            out.push(' ');
        }
        let start = out.len();
        if rng.per_mille(250) {
            out.push_str(rng.pick(OPENERS));
            out.push(' ');
        }
        clause(rng, out);
        if rng.per_mille(350) {
            // ", but" follows the clause directly, "and" after a space.
            let link = rng.pick(LINKS);
            if !link.starts_with(',') {
                out.push(' ');
            }
            out.push_str(link);
            out.push(' ');
            clause(rng, out);
        }
        capitalise_at(out, start);
        out.push_str(match rng.below(100) {
            0..80 => ".",
            80..92 => "?",
            _ => "!",
        });
    }
}

/// A tiny grammar (subject, verb, object, sometimes a place) rather than a word salad, so
/// that the text reads like comments and has their word and sentence lengths.
fn clause(rng: &mut Rng, out: &mut String) {
    noun_phrase(rng, out);
    out.push(' ');
    if rng.per_mille(150) {
        out.push_str(rng.pick(ADVERBS));
        out.push(' ');
    }
    out.push_str(rng.pick(VERBS));
    out.push(' ');
    noun_phrase(rng, out);
    if rng.per_mille(300) {
        out.push(' ');
        out.push_str(rng.pick(PREPOSITIONS));
        out.push(' ');
        noun_phrase(rng, out);
    }
}

fn noun_phrase(rng: &mut Rng, out: &mut String) {
    match rng.below(100) {
        0..20 => out.push_str(rng.pick(PROPER_NOUNS)),
        20..32 => out.push_str(rng.pick(PRONOUNS)),
        _ => {
            let determiner = rng.pick(DETERMINERS);
            let adjective = rng.per_mille(400).then(|| rng.pick(ADJECTIVES));
            let noun = rng.pick(NOUNS);
            let next = adjective.unwrap_or(noun);
            if determiner == "a" && next.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E']) {
                out.push_str("an");
            } else {
                out.push_str(determiner);
            }
            out.push(' ');
            if let Some(adjective) = adjective {
                out.push_str(adjective);
                out.push(' ');
            }
            out.push_str(noun);
        }
    }
}

fn capitalise_at(text: &mut str, at: usize) {
    if let Some(first) = text.get_mut(at..at + 1) {
        first.make_ascii_uppercase();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_start_with_a_capital_and_end_with_a_stop() {
        let mut rng = Rng::stream(11, 3);
        for _ in 0..500 {
            let mut text = String::new();
            paragraph(&mut rng, &mut text, 1);
            assert!(text.starts_with(|c: char| c.is_ascii_uppercase()), "{text}");
            assert!(text.ends_with(['.', '?', '!']), "{text}");
            assert!(!text.contains("  ") && !text.contains(" ,"), "{text}");
        }
    }
}
