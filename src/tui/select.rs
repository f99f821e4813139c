//! A span of one side chosen for a free note, grown and shrunk by words.

use super::action::Edge;
use super::pair::Side;
use crate::engine::Span;
use crate::engine::segment::tokens;

/// The selected text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub side: Side,
    pub span: Span,
}

impl Selection {
    /// Moves one edge by a word within `text` (the whole document), never
    /// leaving the selection empty.
    #[must_use]
    pub fn moved(self, text: &str, edge: Edge) -> Self {
        let mut span = self.span;
        match edge {
            Edge::EndRight => {
                if let Some(t) = tokens(&text[span.end..], span.end)
                    .find(|t| t.kind != crate::engine::segment::TokenKind::Punct)
                {
                    span.end = t.span.end;
                }
            }
            Edge::EndLeft => {
                if let Some(t) = word_starts(text, span).last().filter(|&s| s > span.start) {
                    span.end = trim_end(text, t);
                }
            }
            Edge::StartLeft => {
                // Back over the whitespace, then to just after the previous
                // whitespace character (which may be wider than one byte).
                let before = text[..span.start].trim_end();
                span.start = before
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
            }
            Edge::StartRight => {
                if let Some(s) = word_starts(text, span).nth(1) {
                    span.start = s;
                }
            }
        }
        Self {
            side: self.side,
            span,
        }
    }
}

/// Starts of the words inside `span`.
fn word_starts(text: &str, span: Span) -> impl Iterator<Item = usize> + '_ {
    tokens(&text[span.range()], span.start)
        .filter(|t| t.kind != crate::engine::segment::TokenKind::Punct)
        .map(|t| t.span.start)
}

/// The end of the text before `at`, whitespace dropped.
fn trim_end(text: &str, at: usize) -> usize {
    text[..at].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_and_shrinks_by_words() {
        let text = "one two three four";
        let s = Selection {
            side: Side::Original,
            span: Span::new(4, 7),
        };
        let s = s.moved(text, Edge::EndRight);
        assert_eq!(&text[s.span.range()], "two three");
        let s = s.moved(text, Edge::StartLeft);
        assert_eq!(&text[s.span.range()], "one two three");
        let s = s.moved(text, Edge::StartRight);
        assert_eq!(&text[s.span.range()], "two three");
        let s = s.moved(text, Edge::EndLeft);
        assert_eq!(&text[s.span.range()], "two");
        assert_eq!(s.moved(text, Edge::EndLeft), s);
    }

    #[test]
    fn wide_whitespace_is_a_word_boundary() {
        let text = "一\u{3000}二";
        let s = Selection {
            side: Side::Original,
            span: Span::new(6, 9),
        };
        assert_eq!(&text[s.moved(text, Edge::StartLeft).span.range()], "一\u{3000}二");
    }
}
