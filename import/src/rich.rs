//! What the HTML and Markdown converters share: inlines collected inside the styles open
//! around them, tidy text, the limits on nesting, and a comment body or an article made
//! from blocks.

use threadview_core::rich::{Block, Inline, Link, Styled, inline_text, plain_text};

use crate::output::ArticleBlock;

/// Quotes and lists nested deeper than this are read as if flat, and so are styles
/// inside styles: the page never needs more, and the written file stays well within the
/// nesting a JSON parser accepts.
pub const MAX_BLOCK_DEPTH: usize = 12;
pub const MAX_INLINE_DEPTH: usize = 12;

/// A style open around the inlines being collected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Open {
    Em,
    Strong,
    Strike,
    Spoiler,
    Link(String),
}

/// An open style; past [`MAX_INLINE_DEPTH`] it is `flat`: its content joins the style
/// around it when it closes.
#[derive(Debug)]
struct Frame {
    style: Open,
    flat: bool,
    inlines: Vec<Inline>,
}

/// The inlines of one paragraph, heading or table cell, as they are read.
#[derive(Debug, Default)]
pub struct Inlines {
    root: Vec<Inline>,
    open: Vec<Frame>,
}

impl Inlines {
    fn current(&mut self) -> &mut Vec<Inline> {
        match self.open.last_mut() {
            Some(frame) => &mut frame.inlines,
            None => &mut self.root,
        }
    }

    /// Text, joined to the text before it.
    pub fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let current = self.current();
        if let Some(Inline::Text(last)) = current.last_mut() {
            last.push_str(text);
        } else {
            current.push(Inline::Text(text.to_string()));
        }
    }

    pub fn push(&mut self, inline: Inline) {
        match inline {
            Inline::Text(text) => self.text(&text),
            styled => self.current().push(styled),
        }
    }

    pub fn open(&mut self, style: Open) {
        let flat = self.open.len() >= MAX_INLINE_DEPTH;
        self.open.push(Frame {
            style,
            flat,
            inlines: Vec::new(),
        });
    }

    /// Whether a style that `test` accepts is open, at any depth.
    pub fn is_open(&self, test: impl Fn(&Open) -> bool) -> bool {
        self.open.iter().any(|frame| test(&frame.style))
    }

    /// Closes the innermost open style that `test` accepts, and any open inside it.
    pub fn close(&mut self, test: impl Fn(&Open) -> bool) {
        let Some(at) = self.open.iter().rposition(|frame| test(&frame.style)) else {
            return;
        };
        while self.open.len() > at {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        let Some(Frame {
            style,
            flat,
            inlines,
        }) = self.open.pop()
        else {
            return;
        };
        if flat {
            inlines.into_iter().for_each(|i| self.push(i));
            return;
        }
        let styled = match style {
            Open::Em => Styled::Em(inlines),
            Open::Strong => Styled::Strong(inlines),
            Open::Strike => Styled::Strike(inlines),
            Open::Spoiler => Styled::Spoiler(inlines),
            Open::Link(href) => {
                let text = if inline_text(&inlines).trim().is_empty() {
                    vec![Inline::Text(href.clone())]
                } else {
                    inlines
                };
                Styled::Link(Link { href, text })
            }
        };
        if matches!(styled, Styled::Link(_)) || !inline_text(styled_inner(&styled)).is_empty() {
            self.push(Inline::Styled(styled));
        }
    }

    /// Everything collected, every style closed, tidied; empty afterwards.
    pub fn finish(&mut self) -> Vec<Inline> {
        while !self.open.is_empty() {
            self.close_top();
        }
        tidy(std::mem::take(&mut self.root))
    }
}

fn styled_inner(styled: &Styled) -> &[Inline] {
    match styled {
        Styled::Em(i) | Styled::Strong(i) | Styled::Strike(i) | Styled::Spoiler(i) => i,
        Styled::Link(link) => &link.text,
        Styled::Code(_) => &[],
    }
}

/// Runs of spaces as one; a line break (`"\n"`) stays.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if c == '\t' || c == '\r' { ' ' } else { c };
        if c == ' ' && (out.ends_with(' ') || out.ends_with('\n')) {
            continue;
        }
        if c == '\n' && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

/// A paragraph's inlines without white space at either end, nor empty text.
fn tidy(mut inlines: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        *first = first.trim_start().to_string();
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        *last = last.trim_end().to_string();
    }
    inlines.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    inlines
}

/// A paragraph or heading, unless it has no text.
pub fn leaf(inlines: Vec<Inline>, make: fn(Vec<Inline>) -> Block) -> Option<Block> {
    (!inline_text(&inlines).trim().is_empty()).then(|| make(inlines))
}

/// A comment's body: its blocks, or, when they hold no text (an empty quote, markup
/// alone), the source as written, shown as text. The format needs some text.
pub fn body(blocks: Vec<Block>, source: &str) -> Vec<Block> {
    if !plain_text(&blocks).trim().is_empty() {
        return blocks;
    }
    let source = source.trim();
    let text = if source.is_empty() {
        "(no text)"
    } else {
        source
    };
    vec![Block::Paragraph(vec![Inline::Text(text.to_string())])]
}

/// An article's body, which is plain paragraphs and subheadings: headings become
/// subheadings, every other block a paragraph of its text, and a link keeps its address
/// in brackets after its text.
pub fn article(blocks: &[Block]) -> Vec<ArticleBlock> {
    let mut out = Vec::new();
    for block in blocks {
        article_block(block, &mut out);
    }
    out
}

fn article_block(block: &Block, out: &mut Vec<ArticleBlock>) {
    let text = |inlines: &[Inline]| collapse_spaces(&with_addresses(inlines)).trim().to_string();
    match block {
        Block::Heading(inlines) => out.push(ArticleBlock::Subheading(text(inlines))),
        Block::Paragraph(inlines) => out.push(ArticleBlock::Paragraph(text(inlines))),
        Block::Quote(blocks) => blocks.iter().for_each(|b| article_block(b, out)),
        Block::List(list) => list
            .items
            .iter()
            .flatten()
            .for_each(|b| article_block(b, out)),
        Block::Code(_) | Block::Table(_) => {
            out.push(ArticleBlock::Paragraph(plain_text(std::slice::from_ref(
                block,
            ))));
        }
    }
    out.retain(|b| !matches!(b, ArticleBlock::Paragraph(t) | ArticleBlock::Subheading(t) if t.trim().is_empty()));
}

fn with_addresses(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Styled(Styled::Link(link)) => {
                let text = with_addresses(&link.text);
                out.push_str(&text);
                if text.trim() != link.href {
                    out.push_str(&format!(" ({})", link.href));
                }
            }
            Inline::Styled(other) => match other {
                Styled::Code(code) => out.push_str(code),
                styled => out.push_str(&with_addresses(styled_inner(styled))),
            },
            Inline::Text(text) => out.push_str(text),
        }
    }
    out
}
