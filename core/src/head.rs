//! What the page's `<head>` says about the discussion: its title, and a description and
//! link-preview tags from the article. The build writes them into the prerendered page;
//! the app sets the same ones for a discussion it loads itself.

use crate::data::{Article, Block};
use crate::limits::DESCRIPTION_CHARS;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    pub title: String,
    pub description: String,
}

/// One `<meta>` tag: the attribute that names it (`name` or `property`), its name, and
/// its content.
pub type Meta = (&'static str, &'static str, String);

impl Head {
    pub fn of(article: &Article) -> Self {
        Self {
            title: article.headline.clone(),
            description: description(article),
        }
    }

    /// Every `<meta>` tag, in the order the page has them.
    pub fn meta(&self) -> [Meta; 7] {
        let (title, description) = (&self.title, &self.description);
        [
            ("name", "description", description.clone()),
            ("property", "og:type", "article".to_string()),
            ("property", "og:title", title.clone()),
            ("property", "og:description", description.clone()),
            ("name", "twitter:card", "summary".to_string()),
            ("name", "twitter:title", title.clone()),
            ("name", "twitter:description", description.clone()),
        ]
    }
}

/// The article's first paragraph, cut at a word near [`DESCRIPTION_CHARS`].
fn description(article: &Article) -> String {
    let first = article.body.iter().find_map(|block| match block {
        Block::Paragraph(text) => Some(text.as_str()),
        Block::Subheading(_) => None,
    });
    let text = first.unwrap_or(&article.headline);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(words, _)| words);
    format!("{cut}…")
}

/// Text for an HTML attribute value in double quotes, or for element content: for the
/// head tags, and for the pages the build writes as HTML (an archive's index).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: Vec<Block>) -> Article {
        Article {
            headline: "A headline".to_string(),
            body,
            ..Article::default()
        }
    }

    #[test]
    fn the_first_paragraph_describes_the_page_cut_at_a_word() {
        let short = article(vec![
            Block::Subheading("Sub".into()),
            Block::Paragraph("First  words\nhere.".into()),
        ]);
        assert_eq!(Head::of(&short).description, "First words here.");
        let long = article(vec![Block::Paragraph("word ".repeat(100))]);
        let description = Head::of(&long).description;
        assert!(description.ends_with("word…"), "{description}");
        assert!(description.chars().count() <= DESCRIPTION_CHARS + 1);
        assert_eq!(Head::of(&article(vec![])).description, "A headline");
    }
}
