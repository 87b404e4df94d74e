//! Reddit's additions to Markdown, around the CommonMark parser: `>!spoilers!<` marked
//! before parsing (so that `>!` at the start of a line is no quote), `^superscript` read
//! as plain text, and what Reddit links in bare text: `https://…`, `www.…`, `r/name`
//! and `u/name`, and its own paths in links (`/r/…`).

/// Where a spoiler opens and closes, marked before parsing so that `>!` at the start of
/// a line is not read as a quote. Characters from Unicode's private use area, removed
/// from the input first.
pub const SPOILER_OPEN: char = '\u{e000}';
pub const SPOILER_CLOSE: char = '\u{e001}';

/// Replaces each `>!…!<` within a paragraph by the spoiler marks.
pub fn mark_spoilers(markdown: &str) -> String {
    let source: String = markdown
        .chars()
        .filter(|&c| c != SPOILER_OPEN && c != SPOILER_CLOSE)
        .collect();
    let mut out = String::with_capacity(source.len());
    let mut rest = source.as_str();
    while let Some(start) = rest.find(">!") {
        let after = &rest[start + 2..];
        let paragraph_end = after.find("\n\n").unwrap_or(after.len());
        match after[..paragraph_end].find("!<") {
            Some(end) if end > 0 => {
                out.push_str(&rest[..start]);
                out.push(SPOILER_OPEN);
                out.push_str(&after[..end]);
                out.push(SPOILER_CLOSE);
                rest = &after[end + 2..];
            }
            _ => {
                out.push_str(&rest[..start + 2]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Spoiler marks back as written, for code.
pub fn unmark(text: &str) -> String {
    text.replace(SPOILER_OPEN, ">!")
        .replace(SPOILER_CLOSE, "!<")
}

/// A path on Reddit (`/r/…`, `/u/…`, written as links) as its address: the page
/// shows relative links as text.
pub fn on_reddit(href: &str) -> String {
    if href.starts_with('/') && !href.starts_with("//") {
        format!("https://www.reddit.com{href}")
    } else {
        href.to_string()
    }
}

/// Reddit's superscript, `^word` and `^(some words)`, as plain text.
pub fn without_carets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut in_group = 0usize;
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('^', Some('(')) => {
                chars.next();
                in_group += 1;
            }
            ('^', Some(next)) if !next.is_whitespace() && *next != '^' => {}
            (')', _) if in_group > 0 => in_group -= 1,
            _ => out.push(c),
        }
    }
    out
}

/// Where Reddit would link bare text: `(start, end, href)`, in order.
pub fn autolinks(text: &str) -> Vec<(usize, usize, String)> {
    let mut links = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let boundary = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '/' && c != '_' && c != '-');
        if boundary && let Some((len, href)) = web_address(rest).or_else(|| reddit_name(rest)) {
            links.push((at, at + len, href));
            at += len;
            continue;
        }
        at += rest.chars().next().map_or(1, char::len_utf8);
    }
    links
}

/// `https://…`, `http://…` or `www.…` at the start of `text`: its length and address.
fn web_address(text: &str) -> Option<(usize, String)> {
    let lower: String = text
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let prefix = ["https://", "http://", "www."]
        .into_iter()
        .find(|p| lower.starts_with(p))?;
    let mut end = text
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
        .unwrap_or(text.len());
    // Punctuation after an address ends the sentence, not the address; a closing
    // bracket belongs to it only if it opened one.
    loop {
        let url = &text[..end];
        let Some(last) = url.chars().next_back() else {
            break;
        };
        let unbalanced = last == ')' && url.matches('(').count() < url.matches(')').count();
        if ".,:;!?'*_~".contains(last) || unbalanced {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > prefix.len()).then(|| {
        let url = &text[..end];
        let href = if prefix == "www." {
            format!("http://{url}")
        } else {
            url.to_string()
        };
        (end, href)
    })
}

/// `r/name`, `/r/name`, `u/name` or `/u/name` at the start of `text`.
fn reddit_name(text: &str) -> Option<(usize, String)> {
    let slash = usize::from(text.starts_with('/'));
    let kind = text.get(slash..slash + 2)?;
    if kind != "r/" && kind != "u/" {
        return None;
    }
    let name_start = slash + 2;
    let name_len = text[name_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || (kind == "u/" && c == '-')))
        .unwrap_or(text.len() - name_start);
    (name_len >= 2).then(|| {
        let end = name_start + name_len;
        (
            end,
            format!("https://www.reddit.com/{kind}{}", &text[name_start..end]),
        )
    })
}
