//! A Markdown article read as prose with pulldown-cmark's offset iterator:
//! emphasis markers, link URLs, images (alt text and path), code, HTML and
//! front matter are not prose; headings are weak paragraphs; block quotes,
//! list items and table cells are paragraphs.

use super::prose::{Builder, Prose};
use crate::engine::Span;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Reads the prose of a Markdown text.
#[must_use]
pub fn prose(src: &str) -> Prose {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = Builder::new();
    // Depth inside elements whose text is not prose.
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        let span = Span::new(range.start, range.end);
        match event {
            Event::Start(tag) => {
                if hides(&tag) {
                    hidden += 1;
                } else if hidden == 0 {
                    match tag {
                        Tag::Heading { .. } => b.start_weak(),
                        Tag::Paragraph
                        | Tag::Item
                        | Tag::BlockQuote(_)
                        | Tag::List(_)
                        | Tag::TableCell
                        | Tag::DefinitionListTitle
                        | Tag::DefinitionListDefinition => b.end_block(),
                        _ => {}
                    }
                }
            }
            Event::End(end) => {
                if hidden > 0 {
                    if ends_hidden(end) {
                        hidden -= 1;
                    }
                } else if matches!(end, TagEnd::Heading(_)) {
                    b.end_weak();
                } else if matches!(
                    end,
                    TagEnd::Paragraph
                        | TagEnd::Item
                        | TagEnd::BlockQuote(_)
                        | TagEnd::List(_)
                        | TagEnd::TableCell
                        | TagEnd::DefinitionListTitle
                        | TagEnd::DefinitionListDefinition
                ) {
                    b.end_block();
                }
            }
            Event::Text(text) if hidden == 0 => {
                let raw = &src[span.range()];
                if raw == text.as_ref() {
                    b.verbatim(raw, span.start);
                } else {
                    b.decoded(&text, span);
                }
            }
            Event::SoftBreak if hidden == 0 => b.verbatim(&src[span.range()], span.start),
            Event::HardBreak if hidden == 0 => b.line_break(span.start),
            _ => {}
        }
    }
    b.finish()
}

/// Elements whose whole content is left out.
fn hides(tag: &Tag<'_>) -> bool {
    match tag {
        Tag::Image { .. }
        | Tag::CodeBlock(_)
        | Tag::HtmlBlock
        | Tag::MetadataBlock(_)
        | Tag::FootnoteDefinition(_) => true,
        // An autolink's text is its URL.
        Tag::Link { link_type, .. } => matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    }
}

/// The end of an element [`hides`] opened (the same kinds, so nesting counts).
fn ends_hidden(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Image
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_)
            | TagEnd::FootnoteDefinition
            | TagEnd::Link
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_prose_drops_markup() {
        let md = "---\ntitle: x\n---\n\n## A heading\n\nSaid *very* **loudly** that [42 people](https://x.org/a/2021/17) came.\n\n\
            ![Photo of 12 ships](img/2020-05.jpg)\n\n> A quoted line\n> goes on.\n\n```\ncode 99\n```\n\n- item `x = 3` one\n- item two\n\n<div>html 7</div>\n";
        let p = prose(md);
        assert_eq!(
            p.document.text(),
            "A heading\n\nSaid very loudly that 42 people came.\n\nA quoted line goes on.\n\nitem one\n\nitem two"
        );
    }

    #[test]
    fn spans_map_into_the_source() {
        let md = "# Title\n\nThe *blaze* cost \\$5 &amp; more, said [Ann](http://a/1).\n";
        let p = prose(md);
        let t = p.document.text();
        assert!(p.document.is_weak(Span::new(0, 5)));
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            &md[p.map.to_file(Span::new(s, s + w.len())).range()]
        };
        assert_eq!(at("blaze"), "blaze");
        assert_eq!(at("blaze cost"), "blaze* cost");
        assert_eq!(at("$5"), "$5");
        assert_eq!(at("&"), "&amp;");
        assert_eq!(at("Ann"), "Ann");
    }
}
