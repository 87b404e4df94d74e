//! Rich text in format 2: blocks and inlines, as importers write them from Markdown and
//! HTML at build time. The app draws them as elements; nothing here is ever markup.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Block {
    Paragraph(Vec<Inline>),
    Heading(Vec<Inline>),
    Quote(Vec<Block>),
    /// Code, its whitespace kept.
    Code(String),
    List(List),
    Table(Table),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct List {
    pub ordered: bool,
    pub items: Vec<Vec<Block>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    #[serde(default)]
    pub head: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Inline {
    /// Text; a `"\n"` in it is a line break.
    Text(String),
    Styled(Styled),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", deny_unknown_fields)]
pub enum Styled {
    Em(Vec<Inline>),
    Strong(Vec<Inline>),
    Strike(Vec<Inline>),
    /// Hidden until the reader reveals it.
    Spoiler(Vec<Inline>),
    Code(String),
    Link(Link),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub href: String,
    pub text: Vec<Inline>,
}

/// Whether `href` may be a link on the page: `http:`, `https:` and `mailto:` only. Any
/// other (`javascript:`, `data:`, a relative path) is shown as text.
pub fn is_safe_href(href: &str) -> bool {
    let scheme = href.split_once(':').map(|(s, _)| s.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("http" | "https" | "mailto"))
        && !href.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// The blocks as plain text, paragraphs apart by a blank line: what search reads, and
/// what counts as the comment's words.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    for block in blocks {
        block_text(block, &mut out);
    }
    out.join("\n\n")
}

fn block_text(block: &Block, out: &mut Vec<String>) {
    match block {
        Block::Paragraph(inlines) | Block::Heading(inlines) => out.push(inline_text(inlines)),
        Block::Quote(blocks) => blocks.iter().for_each(|b| block_text(b, out)),
        Block::Code(code) => out.push(code.trim_end().to_string()),
        Block::List(list) => list.items.iter().flatten().for_each(|b| block_text(b, out)),
        Block::Table(table) => {
            for row in std::iter::once(&table.head).chain(&table.rows) {
                let cells: Vec<String> = row.iter().map(|c| inline_text(c)).collect();
                out.push(cells.join(" "));
            }
        }
    }
}

/// Inlines as plain text.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Styled(Styled::Code(code)) => out.push_str(code),
            Inline::Styled(
                Styled::Em(inner)
                | Styled::Strong(inner)
                | Styled::Strike(inner)
                | Styled::Spoiler(inner),
            ) => out.push_str(&inline_text(inner)),
            Inline::Styled(Styled::Link(link)) => out.push_str(&inline_text(&link.text)),
        }
    }
    out
}

/// Plain text as blocks: paragraphs at blank lines, as version 1 reads a body.
pub fn from_plain(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| Block::Paragraph(vec![Inline::Text(p.to_string())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_documented_form() {
        let json = r#"[
            {"paragraph": ["Read ", {"link": {"href": "https://example.org", "text": ["this"]}},
                           ", it is ", {"em": ["good"]}, "."]},
            {"quote": [{"paragraph": ["quoted"]}]},
            {"code": "fn main() {}\n"},
            {"list": {"ordered": false, "items": [[{"paragraph": ["one"]}]]}}
        ]"#;
        let blocks: Vec<Block> = serde_json::from_str(json).unwrap();
        assert_eq!(
            plain_text(&blocks),
            "Read this, it is good.\n\nquoted\n\nfn main() {}\n\none"
        );
        assert!(serde_json::from_str::<Vec<Block>>(r#"[{"script": "x"}]"#).is_err());
        assert!(serde_json::from_str::<Vec<Inline>>(r#"[{"img": "x"}]"#).is_err());
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        for good in ["https://a.org/x?y#z", "HTTP://A.ORG", "mailto:a@b.org"] {
            assert!(is_safe_href(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "/relative",
            "x",
            "https://a.org/\nx",
            "vbscript:x",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }
}
