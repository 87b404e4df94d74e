//! Reddit's Markdown into rich-text blocks, parsed by `pulldown-cmark` (CommonMark with
//! tables and strikethrough): paragraphs, headings, quotes, lists, code blocks, tables,
//! emphasis, strong, strikethrough, inline code and links; an image becomes a link.
//! Reddit's own additions (`reddit_text`) are read too: spoilers, superscript, and the
//! addresses and names Reddit links. HTML in the source is text, never markup.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use threadview_core::rich::{Block, Inline, List, Table};

use crate::reddit_text::{
    SPOILER_CLOSE, SPOILER_OPEN, autolinks, mark_spoilers, on_reddit, unmark, without_carets,
};
use crate::rich::{Inlines, MAX_BLOCK_DEPTH, Open, collapse_spaces, leaf};

pub fn to_blocks(markdown: &str) -> Vec<Block> {
    let marked = mark_spoilers(markdown);
    let mut builder = Builder::default();
    for event in Parser::new_ext(
        &marked,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        builder.event(event);
    }
    builder.finish()
}

/// A block that holds blocks.
enum Container {
    Quote(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    Table(Table, Vec<Vec<Inline>>, bool),
    /// Past [`MAX_BLOCK_DEPTH`]: its blocks join the container around it.
    Flat,
}

#[derive(Default)]
struct Builder {
    root: Vec<Block>,
    containers: Vec<Container>,
    inlines: Inlines,
    /// The code block being read.
    code: Option<String>,
    /// Inside a heading (its inlines become a heading, not a paragraph).
    heading: bool,
    /// Text read but not yet added: the parser may split one run of text into several
    /// events (at `_`, `&`, a backslash), and a bare address must be seen whole.
    pending: String,
}

impl Builder {
    fn finish(mut self) -> Vec<Block> {
        self.flush_text();
        self.paragraph();
        while !self.containers.is_empty() {
            self.end_container();
        }
        self.root
    }

    fn push_block(&mut self, block: Block) {
        for container in self.containers.iter_mut().rev() {
            match container {
                Container::Quote(blocks) | Container::Item(blocks) => return blocks.push(block),
                Container::List { items, .. } => return items.push(vec![block]),
                // A table holds no blocks; what a broken one leaves is dropped.
                Container::Table(..) => return,
                Container::Flat => {}
            }
        }
        self.root.push(block);
    }

    /// Ends the paragraph being collected (in a list item, text comes without one).
    fn paragraph(&mut self) {
        let inlines = self.inlines.finish();
        let make = if self.heading {
            Block::Heading
        } else {
            Block::Paragraph
        };
        if let Some(block) = leaf(inlines, make) {
            self.push_block(block);
        }
    }

    fn depth(&self) -> usize {
        self.containers
            .iter()
            .filter(|c| !matches!(c, Container::Item(_)))
            .count()
    }

    fn start_container(&mut self, container: Container) {
        self.paragraph();
        let container = if self.depth() >= MAX_BLOCK_DEPTH {
            Container::Flat
        } else {
            container
        };
        self.containers.push(container);
    }

    fn end_container(&mut self) {
        self.paragraph();
        let block = match self.containers.pop() {
            Some(Container::Quote(blocks)) if !blocks.is_empty() => Block::Quote(blocks),
            Some(Container::List { ordered, items }) if !items.is_empty() => {
                Block::List(List { ordered, items })
            }
            Some(Container::Item(blocks)) => {
                if let Some(Container::List { items, .. }) = self.containers.last_mut() {
                    items.push(blocks);
                } else {
                    blocks.into_iter().for_each(|b| self.push_block(b));
                }
                return;
            }
            Some(Container::Table(table, ..))
                if !table.rows.is_empty() || !table.head.is_empty() =>
            {
                Block::Table(table)
            }
            _ => return,
        };
        self.push_block(block);
    }

    fn table(&mut self) -> Option<(&mut Table, &mut Vec<Vec<Inline>>, &mut bool)> {
        match self.containers.last_mut() {
            Some(Container::Table(table, row, head)) => Some((table, row, head)),
            _ => None,
        }
    }

    fn flush_text(&mut self) {
        if !self.pending.is_empty() {
            let text = std::mem::take(&mut self.pending);
            self.text(&text);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if let (Event::Text(text), None) = (&event, &self.code) {
            return self.pending.push_str(text);
        }
        self.flush_text();
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => {
                if let Some(code) = &mut self.code {
                    code.push_str(&unmark(&text));
                }
            }
            Event::Code(code) => {
                self.inlines
                    .push(Inline::Styled(threadview_core::rich::Styled::Code(unmark(
                        &code,
                    ))))
            }
            Event::Html(html) | Event::InlineHtml(html) => self.inlines.text(&unmark(&html)),
            Event::SoftBreak => self.inlines.text(" "),
            Event::HardBreak => self.inlines.text("\n"),
            Event::Rule => self.paragraph(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.paragraph(),
            Tag::Heading { .. } => {
                self.paragraph();
                self.heading = true;
            }
            Tag::BlockQuote(_) => self.start_container(Container::Quote(Vec::new())),
            Tag::CodeBlock(_) => {
                self.paragraph();
                self.code = Some(String::new());
            }
            Tag::List(first) => self.start_container(Container::List {
                ordered: first.is_some(),
                items: Vec::new(),
            }),
            Tag::Item => {
                self.paragraph();
                self.containers.push(Container::Item(Vec::new()));
            }
            Tag::Table(_) => self.start_container(Container::Table(
                Table {
                    head: Vec::new(),
                    rows: Vec::new(),
                },
                Vec::new(),
                false,
            )),
            Tag::TableHead => {
                if let Some((_, _, head)) = self.table() {
                    *head = true;
                }
            }
            Tag::TableRow => {
                if let Some((_, row, _)) = self.table() {
                    row.clear();
                }
            }
            Tag::Emphasis => self.inlines.open(Open::Em),
            Tag::Strong => self.inlines.open(Open::Strong),
            Tag::Strikethrough => self.inlines.open(Open::Strike),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.inlines.open(Open::Link(on_reddit(dest_url.trim())));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock => self.paragraph(),
            TagEnd::Heading(_) => {
                self.paragraph();
                self.heading = false;
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code.take().filter(|c| !c.trim().is_empty()) {
                    self.push_block(Block::Code(code));
                }
            }
            TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item | TagEnd::Table => {
                self.end_container();
            }
            TagEnd::TableCell => {
                let cell = self.inlines.finish();
                if let Some((table, row, head)) = self.table() {
                    if *head {
                        table.head.push(cell);
                    } else {
                        row.push(cell);
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some((_, _, head)) = self.table() {
                    *head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some((table, row, _)) = self.table() {
                    table.rows.push(std::mem::take(row));
                }
            }
            TagEnd::Emphasis => self.inlines.close(|s| *s == Open::Em),
            TagEnd::Strong => self.inlines.close(|s| *s == Open::Strong),
            TagEnd::Strikethrough => self.inlines.close(|s| *s == Open::Strike),
            TagEnd::Link | TagEnd::Image => self.inlines.close(|s| matches!(s, Open::Link(_))),
            _ => {}
        }
    }

    /// Text outside code: spoiler marks, superscript carets, and what Reddit links.
    fn text(&mut self, text: &str) {
        let mut rest = text;
        while let Some(at) = rest.find([SPOILER_OPEN, SPOILER_CLOSE]) {
            self.plain(&rest[..at]);
            let mark = rest[at..].chars().next().unwrap_or(SPOILER_OPEN);
            if mark == SPOILER_OPEN {
                self.inlines.open(Open::Spoiler);
            } else if self.inlines.is_open(|s| *s == Open::Spoiler) {
                self.inlines.close(|s| *s == Open::Spoiler);
            } else {
                self.inlines.text("!<");
            }
            rest = &rest[at + mark.len_utf8()..];
        }
        self.plain(rest);
    }

    fn plain(&mut self, text: &str) {
        let text = collapse_spaces(&without_carets(text));
        if self.inlines.is_open(|s| matches!(s, Open::Link(_))) {
            return self.inlines.text(&text);
        }
        let mut last = 0;
        for (start, end, href) in autolinks(&text) {
            self.inlines.text(&text[last..start]);
            self.inlines.open(Open::Link(href));
            self.inlines.text(&text[start..end]);
            self.inlines.close(|s| matches!(s, Open::Link(_)));
            last = end;
        }
        self.inlines.text(&text[last..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use threadview_core::rich::{Link, Styled, plain_text};

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    fn link(href: &str, t: &str) -> Inline {
        Inline::Styled(Styled::Link(Link {
            href: href.to_string(),
            text: vec![text(t)],
        }))
    }

    #[test]
    fn blocks_of_every_kind() {
        let blocks = to_blocks(
            "# Title\n\n> quoted *em* **strong** ~~gone~~ `code`\n\n\
             1. one\n2. two\n\n```\nlet x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
             ![cat](https://i.example/cat.png)",
        );
        assert_eq!(blocks.len(), 6, "{blocks:#?}");
        assert_eq!(blocks[0], Block::Heading(vec![text("Title")]));
        assert_eq!(
            blocks[1],
            Block::Quote(vec![Block::Paragraph(vec![
                text("quoted "),
                Inline::Styled(Styled::Em(vec![text("em")])),
                text(" "),
                Inline::Styled(Styled::Strong(vec![text("strong")])),
                text(" "),
                Inline::Styled(Styled::Strike(vec![text("gone")])),
                text(" "),
                Inline::Styled(Styled::Code("code".to_string())),
            ])])
        );
        assert_eq!(
            blocks[2],
            Block::List(List {
                ordered: true,
                items: vec![
                    vec![Block::Paragraph(vec![text("one")])],
                    vec![Block::Paragraph(vec![text("two")])]
                ],
            })
        );
        assert_eq!(blocks[3], Block::Code("let x = 1;\n".to_string()));
        assert_eq!(
            blocks[4],
            Block::Table(Table {
                head: vec![vec![text("a")], vec![text("b")]],
                rows: vec![vec![vec![text("1")], vec![text("2")]]],
            })
        );
        assert_eq!(
            blocks[5],
            Block::Paragraph(vec![link("https://i.example/cat.png", "cat")])
        );
    }

    #[test]
    fn spoilers_even_at_the_start_of_a_line() {
        assert_eq!(
            to_blocks(">!Snape kills!< Dumbledore, >!not a spoiler"),
            vec![Block::Paragraph(vec![
                Inline::Styled(Styled::Spoiler(vec![text("Snape kills")])),
                text(" Dumbledore, >!not a spoiler"),
            ])]
        );
        assert_eq!(
            to_blocks("`>!code!<`"),
            vec![Block::Paragraph(vec![Inline::Styled(Styled::Code(
                ">!code!<".to_string()
            ))])]
        );
    }

    #[test]
    fn bare_addresses_and_reddit_names_are_links() {
        assert_eq!(
            to_blocks("See https://a.org/x_(y). and /r/funny, u/some-one; and/or r/a [w](/r/w)"),
            vec![Block::Paragraph(vec![
                text("See "),
                link("https://a.org/x_(y)", "https://a.org/x_(y)"),
                text(". and "),
                link("https://www.reddit.com/r/funny", "/r/funny"),
                text(", "),
                link("https://www.reddit.com/u/some-one", "u/some-one"),
                text("; and/or r/a "),
                link("https://www.reddit.com/r/w", "w"),
            ])]
        );
        assert_eq!(
            plain_text(&to_blocks("^HelperBot_™ ^v1.0 ^(I am a bot) x^2 ^_^")),
            "HelperBot_™ v1.0 I am a bot x2 _^"
        );
    }

    #[test]
    fn html_is_text() {
        assert_eq!(
            plain_text(&to_blocks("<script>alert(1)</script>\n\nhi <b>x</b>")),
            "<script>alert(1)</script>\n\nhi <b>x</b>"
        );
    }

    #[test]
    fn deep_nesting_is_flattened() {
        let blocks = to_blocks(&(">".repeat(10_000) + " deep"));
        assert_eq!(plain_text(&blocks), "deep");
        let json = serde_json::to_string(&blocks).unwrap();
        assert!(json.matches("quote").count() <= MAX_BLOCK_DEPTH);
        let blocks = to_blocks(&("- ".repeat(2_000) + "deep"));
        assert_eq!(plain_text(&blocks), "deep");
    }
}
