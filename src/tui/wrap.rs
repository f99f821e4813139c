//! Word-wraps one span of a document into display lines that keep their byte
//! offsets, so highlights can be laid over the text after wrapping.

use crate::engine::Span;
use crate::sanitize::replacement;
use std::ops::Range;
use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// A word with the whitespace after it, in document bytes and display cells.
#[derive(Debug)]
struct Piece {
    start: usize,
    word_end: usize,
    width: usize,
    space: usize,
}

impl Fragment for Piece {
    #[allow(clippy::cast_precision_loss)]
    fn width(&self) -> f64 {
        self.width as f64
    }
    #[allow(clippy::cast_precision_loss)]
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// What a grapheme of the document looks like on screen: whitespace becomes
/// one space, control characters their visible stand-ins.
#[must_use]
pub fn display(grapheme: &str) -> (String, usize) {
    if grapheme.chars().all(char::is_whitespace) {
        return (" ".to_owned(), 1);
    }
    let shown: String = grapheme.chars().map(replacement).collect();
    let width = shown.width();
    (shown, width)
}

/// The lines of `span` wrapped to `width` cells, as byte ranges of `text`
/// without trailing whitespace. Always at least one line.
#[must_use]
pub fn wrap(text: &str, span: Span, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let pieces = pieces(text, span, width);
    if pieces.is_empty() {
        return std::iter::once(span.start..span.start).collect();
    }
    #[allow(clippy::cast_precision_loss)]
    let lines = wrap_first_fit(&pieces, &[width as f64]);
    lines
        .iter()
        .filter_map(|l| Some(l.first()?.start..l.last()?.word_end))
        .collect()
}

/// Splits a span into words (each followed by its whitespace), cutting words
/// wider than a line into line-sized chunks.
fn pieces(text: &str, span: Span, width: usize) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut open: Option<Piece> = None;
    for (i, g) in text[span.range()].grapheme_indices(true) {
        let at = span.start + i;
        let (_, w) = display(g);
        if g.chars().all(char::is_whitespace) {
            // A run of whitespace (even a paragraph break) shows as one space.
            if let Some(p) = open.as_mut() {
                p.space = 1;
            }
            continue;
        }
        match open.as_mut() {
            Some(p) if p.space == 0 && p.width + w <= width => {
                p.width += w;
                p.word_end = at + g.len();
            }
            _ => {
                out.extend(open.take());
                open = Some(Piece {
                    start: at,
                    word_end: at + g.len(),
                    width: w,
                    space: 0,
                });
            }
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, Span::new(0, text.len()), width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_at_words() {
        assert_eq!(lines("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(lines("one\n\n  two", 7), ["one\n\n  two"]);
    }

    #[test]
    fn cuts_long_words() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(lines("日本語 テキスト", 6), ["日本語", "テキス", "ト"]);
    }

    #[test]
    fn control_characters_are_shown_inert() {
        assert_eq!(display("\u{1b}"), ("␛".to_owned(), 1));
        assert_eq!(display("\t"), (" ".to_owned(), 1));
    }

    #[test]
    fn empty_span_is_one_empty_line() {
        assert_eq!(wrap("", Span::new(0, 0), 5), vec![Range { start: 0, end: 0 }]);
    }
}
