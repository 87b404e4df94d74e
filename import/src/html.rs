//! HTML (Hacker News comments) into rich-text blocks, parsed by html5ever through
//! `scraper`: paragraphs, quotes, lists, headings, preformatted code, emphasis, strong,
//! strikethrough, inline code, links and line breaks. Entities are decoded by the
//! parser; any other element is read for its text; scripts and styles are dropped.
//! White space is collapsed as a browser would, except in code.

use ego_tree::{NodeId, NodeRef};
use scraper::node::Text;
use scraper::{ElementRef, Html, Node, StrTendril};
use threadview_core::rich::{Block, Inline, List, Styled};

use crate::rich::{Inlines, MAX_BLOCK_DEPTH, Open, collapse_spaces, leaf};

/// Elements nested deeper than this are read for their text alone, so that no input can
/// exhaust the stack.
const MAX_ELEMENT_DEPTH: usize = 200;

pub fn to_blocks(html: &str) -> Vec<Block> {
    fragment_blocks(&Html::parse_fragment(html))
}

/// The blocks of a parsed fragment: for an importer that first adjusts a site's own
/// markup with [`edit`] (Discourse's quotes, Mastodon's hidden parts of links).
pub fn fragment_blocks(fragment: &Html) -> Vec<Block> {
    let mut builder = Builder::default();
    builder.children(*fragment.root_element(), 0);
    builder.finish()
}

/// What becomes of an element, for [`edit`].
pub enum Edit {
    Keep,
    /// Left out, with everything in it.
    Remove,
    /// Replaced by this text.
    Text(String),
}

/// Decides for every element of `fragment`, parents before their content; the content
/// of an element removed or replaced is not visited. No recursion, whatever the depth.
pub fn edit(fragment: &mut Html, mut decide: impl FnMut(ElementRef<'_>) -> Edit) {
    let mut stack: Vec<NodeId> = fragment
        .tree
        .root()
        .children()
        .rev()
        .map(|n| n.id())
        .collect();
    while let Some(id) = stack.pop() {
        let Some(node) = fragment.tree.get(id) else {
            continue;
        };
        match ElementRef::wrap(node).map_or(Edit::Keep, &mut decide) {
            Edit::Keep => stack.extend(node.children().rev().map(|c| c.id())),
            Edit::Remove => {
                if let Some(mut node) = fragment.tree.get_mut(id) {
                    node.detach();
                }
            }
            Edit::Text(text) => {
                if let Some(mut node) = fragment.tree.get_mut(id) {
                    node.insert_before(Node::Text(Text {
                        text: StrTendril::from_slice(&text),
                    }));
                    node.detach();
                }
            }
        }
    }
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    inlines: Inlines,
    /// Quotes and lists this one sits in.
    block_depth: usize,
}

impl Builder {
    fn nested(&self) -> Self {
        Self {
            block_depth: self.block_depth + 1,
            ..Self::default()
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.paragraph();
        self.blocks
    }

    /// Ends the paragraph being collected, if it has text.
    fn paragraph(&mut self) {
        let inlines = self.inlines.finish();
        self.blocks.extend(leaf(inlines, Block::Paragraph));
    }

    fn children(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        for child in node.children() {
            self.node(child, depth + 1);
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let element = match node.value() {
            Node::Text(text) => {
                return self
                    .inlines
                    .text(&collapse_spaces(&text.replace('\n', " ")));
            }
            Node::Element(element) => element,
            _ => return,
        };
        if depth > MAX_ELEMENT_DEPTH {
            let text: String = ElementRef::wrap(node)
                .map(|e| e.text().collect())
                .unwrap_or_default();
            return self
                .inlines
                .text(&collapse_spaces(&text.replace('\n', " ")));
        }
        let blocks_allowed = self.block_depth < MAX_BLOCK_DEPTH;
        match element.name() {
            "script" | "style" | "template" => {}
            "p" | "div" | "section" | "article" | "header" | "footer" | "figure" | "dl" | "dt"
            | "dd" | "hr" => {
                self.paragraph();
                self.children(node, depth);
                self.paragraph();
            }
            "pre" => {
                self.paragraph();
                let code: String = ElementRef::wrap(node)
                    .map(|e| e.text().collect())
                    .unwrap_or_default();
                if !code.trim().is_empty() {
                    self.blocks.push(Block::Code(code));
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.paragraph();
                self.children(node, depth);
                let inlines = self.inlines.finish();
                self.blocks.extend(leaf(inlines, Block::Heading));
            }
            "blockquote" if blocks_allowed => {
                self.paragraph();
                let mut inner = self.nested();
                inner.children(node, depth);
                let blocks = inner.finish();
                if !blocks.is_empty() {
                    self.blocks.push(Block::Quote(blocks));
                }
            }
            name @ ("ul" | "ol") if blocks_allowed => {
                self.paragraph();
                let mut items = Vec::new();
                for child in node.children() {
                    let mut inner = self.nested();
                    match child.value() {
                        Node::Element(e) if e.name() == "li" => inner.children(child, depth + 1),
                        _ => inner.node(child, depth + 1),
                    }
                    let blocks = inner.finish();
                    if !blocks.is_empty() {
                        items.push(blocks);
                    }
                }
                if !items.is_empty() {
                    self.blocks.push(Block::List(List {
                        ordered: name == "ol",
                        items,
                    }));
                }
            }
            "blockquote" | "ul" | "ol" | "li" => {
                self.paragraph();
                self.children(node, depth);
                self.paragraph();
            }
            "br" => self.inlines.text("\n"),
            "code" | "kbd" | "samp" | "tt" => {
                let code: String = ElementRef::wrap(node)
                    .map(|e| e.text().collect())
                    .unwrap_or_default();
                if !code.is_empty() {
                    self.inlines.push(Inline::Styled(Styled::Code(code)));
                }
            }
            "img" => {
                if let Some(src) = element.attr("src") {
                    let alt = element.attr("alt").unwrap_or_default();
                    self.inlines.open(Open::Link(src.to_string()));
                    self.inlines.text(alt);
                    self.inlines.close(|s| matches!(s, Open::Link(_)));
                }
            }
            name => {
                let style = match name {
                    "i" | "em" | "cite" | "var" => Some(Open::Em),
                    "b" | "strong" => Some(Open::Strong),
                    "s" | "strike" | "del" => Some(Open::Strike),
                    "a" => element
                        .attr("href")
                        .map(|href| Open::Link(href.trim().to_string())),
                    _ => None,
                };
                match style {
                    Some(style) => {
                        let is = std::mem::discriminant(&style);
                        self.inlines.open(style);
                        self.children(node, depth);
                        self.inlines.close(|s| std::mem::discriminant(s) == is);
                    }
                    None => self.children(node, depth),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use threadview_core::rich::Link;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_string())
    }

    #[test]
    fn paragraphs_styles_links_and_entities() {
        let blocks = to_blocks(
            "First line<p>It&#x27;s <i>very</i> <b>bold</b> &amp; \
             <a href=\"https:&#x2F;&#x2F;example.org&#x2F;x\" rel=\"nofollow\">a link</a>.</p>",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![text("First line")]),
                Block::Paragraph(vec![
                    text("It's "),
                    Inline::Styled(Styled::Em(vec![text("very")])),
                    text(" "),
                    Inline::Styled(Styled::Strong(vec![text("bold")])),
                    text(" & "),
                    Inline::Styled(Styled::Link(Link {
                        href: "https://example.org/x".to_string(),
                        text: vec![text("a link")],
                    })),
                    text("."),
                ]),
            ]
        );
    }

    #[test]
    fn code_keeps_its_white_space() {
        let blocks = to_blocks(
            "<p></p><p><pre><code>  a\n    b\n</code></pre>\nAfter <code>x  y</code></p>",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Code("  a\n    b\n".to_string()),
                Block::Paragraph(vec![
                    text("After "),
                    Inline::Styled(Styled::Code("x  y".to_string()))
                ]),
            ]
        );
    }

    #[test]
    fn deep_nesting_is_read_without_exhausting_the_stack() {
        let deep = "<blockquote>".repeat(5000) + "deep" + &"</blockquote>".repeat(5000);
        let blocks = to_blocks(&deep);
        assert_eq!(threadview_core::rich::plain_text(&blocks), "deep");
        let deep = "<i>".repeat(5000) + "deep";
        assert_eq!(threadview_core::rich::plain_text(&to_blocks(&deep)), "deep");
    }
}
