//! A prose view of a marked-up file: the text the engine compares (markup
//! dropped, entities decoded, blocks as paragraphs) and a map from every
//! byte of that text back to the bytes of the file as read.

use crate::engine::{Document, Span};

/// One stretch of the prose and where it came from in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Start of the stretch in the prose.
    prose: usize,
    /// Where it came from in the file.
    file: Span,
    /// The prose bytes are the file bytes (same length, same text); otherwise
    /// the stretch stands for `file` as a whole (an entity, a run of
    /// whitespace, a paragraph break that markup implied).
    exact: bool,
}

/// Maps byte offsets of a prose view back to the file it was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProseMap {
    pieces: Vec<Piece>,
}

impl ProseMap {
    /// The file span a prose span came from. Both ends land on character
    /// boundaries of the file: a piece's ends are, and inside an exact piece
    /// the prose and file bytes are the same characters.
    #[must_use]
    pub fn to_file(&self, span: Span) -> Span {
        if self.pieces.is_empty() {
            return Span::new(0, 0);
        }
        let start = self.file_start(span.start);
        let end = if span.is_empty() {
            start
        } else {
            self.file_end(span.end).max(start)
        };
        Span::new(start, end)
    }

    /// The prose a file span holds: what a reader saw there (entities
    /// decoded, markup left out).
    #[must_use]
    pub fn prose_of(&self, prose: &str, file: Span) -> String {
        let first = self.pieces.partition_point(|p| p.file.end <= file.start);
        let mut out = String::new();
        for (i, p) in self.pieces.iter().enumerate().skip(first) {
            if p.file.start >= file.end {
                break;
            }
            let prose_end = self.pieces.get(i + 1).map_or(prose.len(), |n| n.prose);
            let text = &prose[p.prose..prose_end];
            if p.exact {
                let from = file.start.saturating_sub(p.file.start);
                let to = file.end.min(p.file.end) - p.file.start;
                if from < to {
                    out.push_str(&text[from..to]);
                }
            } else {
                // An entity, a collapsed space or a break inside the span.
                out.push_str(text);
            }
        }
        out
    }

    fn piece_at(&self, prose: usize) -> &Piece {
        let i = self.pieces.partition_point(|p| p.prose <= prose);
        &self.pieces[i.saturating_sub(1)]
    }

    fn file_start(&self, prose: usize) -> usize {
        let p = self.piece_at(prose);
        if p.exact {
            (p.file.start + (prose - p.prose)).min(p.file.end)
        } else {
            p.file.start
        }
    }

    /// The file offset just after the prose byte before `prose_end`.
    fn file_end(&self, prose_end: usize) -> usize {
        let p = self.piece_at(prose_end - 1);
        if p.exact {
            (p.file.start + (prose_end - p.prose)).min(p.file.end)
        } else {
            p.file.end
        }
    }
}

/// A prose document and the way back to its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prose {
    pub document: Document,
    pub map: ProseMap,
}

/// Builds a prose view piece by piece: blocks become paragraphs separated by
/// a blank line, whitespace runs collapse to one space, and every byte keeps
/// its origin.
#[derive(Debug, Default)]
pub struct Builder {
    text: String,
    map: ProseMap,
    weak: Vec<Span>,
    /// Prose offset where the open weak block started.
    weak_start: Option<usize>,
    /// A whitespace run seen since the last character: its file span.
    pending_space: Option<Span>,
    /// A line break asked for since the last character.
    pending_break: Option<usize>,
    /// Where the current block started in the prose (None: between blocks).
    block_start: Option<usize>,
    /// The file offset reached, for breaks markup implies.
    last_file: usize,
}

impl Builder {
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends text that appears in the file verbatim at `file_start`;
    /// whitespace runs in it collapse.
    pub fn verbatim(&mut self, text: &str, file_start: usize) {
        for (i, c) in text.char_indices() {
            let at = file_start + i;
            self.char(c, Span::new(at, at + c.len_utf8()), true);
        }
    }

    /// Appends `decoded`, which stands for the whole of `file` (an entity, an
    /// escaped character).
    pub fn decoded(&mut self, decoded: &str, file: Span) {
        for c in decoded.chars() {
            self.char(c, file, false);
        }
    }

    fn char(&mut self, c: char, file: Span, exact: bool) {
        self.last_file = file.end;
        if is_space(c) {
            self.pending_space = Some(self.pending_space.map_or(file, |s| s.join(file)));
            return;
        }
        if self.block_start.is_none() {
            self.open_block(file.start);
        } else if let Some(at) = self.pending_break.take() {
            self.pending_space = None;
            self.push("\n", Span::new(at, at), false);
        } else if let Some(space) = self.pending_space.take() {
            self.push(" ", space, false);
        }
        self.pending_space = None;
        let mut buf = [0u8; 4];
        let exact = exact && file.len() == c.len_utf8();
        self.push(c.encode_utf8(&mut buf), file, exact);
    }

    fn open_block(&mut self, file_at: usize) {
        if !self.text.is_empty() {
            self.push("\n\n", Span::new(file_at, file_at), false);
        }
        self.block_start = Some(self.text.len());
        self.pending_space = None;
        self.pending_break = None;
    }

    fn push(&mut self, s: &str, file: Span, exact: bool) {
        let prose = self.text.len();
        self.text.push_str(s);
        if let Some(last) = self.map.pieces.last_mut()
            && exact
            && last.exact
            && last.prose + last.file.len() == prose
            && last.file.end == file.start
        {
            last.file.end = file.end;
            return;
        }
        self.map.pieces.push(Piece { prose, file, exact });
    }

    /// A line break inside the current block (`<br>`, a hard break).
    pub fn line_break(&mut self, file_at: usize) {
        if self.block_start.is_some() {
            self.pending_break = Some(file_at);
        }
    }

    /// Ends the current paragraph, if any.
    pub fn end_block(&mut self) {
        self.block_start = None;
        self.pending_space = None;
        self.pending_break = None;
    }

    /// Starts a heading, caption or byline: a block of its own, weak.
    pub fn start_weak(&mut self) {
        self.end_block();
        self.weak_start = Some(self.text.len());
    }

    /// Ends the weak block started last.
    pub fn end_weak(&mut self) {
        self.end_block();
        if let Some(start) = self.weak_start.take() {
            // Skip the paragraph break the block opened with.
            let start = start + self.text[start..].len() - self.text[start..].trim_start().len();
            if start < self.text.len() {
                self.weak.push(Span::new(start, self.text.len()));
            }
        }
    }

    /// Whether a weak block is open.
    #[must_use]
    pub const fn in_weak(&self) -> bool {
        self.weak_start.is_some()
    }

    /// The file offset reached so far.
    #[must_use]
    pub const fn file_offset(&self) -> usize {
        self.last_file
    }

    /// The finished view.
    #[must_use]
    pub fn finish(mut self) -> Prose {
        if self.in_weak() {
            self.end_weak();
        }
        Prose {
            document: Document::from_string(self.text).with_weak(self.weak),
            map: self.map,
        }
    }
}

/// Whitespace that collapses (HTML's ASCII whitespace; a no-break space is
/// kept as written).
const fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_text_maps_byte_for_byte() {
        let mut b = Builder::new();
        b.verbatim("Hello  world", 10);
        let p = b.finish();
        assert_eq!(p.document.text(), "Hello world");
        assert_eq!(p.map.to_file(Span::new(0, 5)), Span::new(10, 15));
        assert_eq!(p.map.to_file(Span::new(6, 11)), Span::new(17, 22));
    }

    #[test]
    fn decoded_stands_for_its_source() {
        let mut b = Builder::new();
        b.verbatim("AT", 0);
        b.decoded("&", Span::new(2, 7));
        b.verbatim("T", 7);
        let p = b.finish();
        assert_eq!(p.document.text(), "AT&T");
        assert_eq!(p.map.to_file(Span::new(0, 4)), Span::new(0, 8));
        assert_eq!(p.map.to_file(Span::new(2, 3)), Span::new(2, 7));
        assert_eq!(p.map.prose_of(p.document.text(), Span::new(0, 8)), "AT&T");
        assert_eq!(p.map.prose_of(p.document.text(), Span::new(2, 7)), "&");
        assert_eq!(p.map.prose_of(p.document.text(), Span::new(1, 2)), "T");
    }

    #[test]
    fn blocks_become_paragraphs_and_weak_blocks_are_marked() {
        let mut b = Builder::new();
        b.start_weak();
        b.verbatim("Title", 4);
        b.end_weak();
        b.verbatim("  Body text. ", 20);
        b.end_block();
        let p = b.finish();
        assert_eq!(p.document.text(), "Title\n\nBody text.");
        assert!(p.document.is_weak(Span::new(0, 5)));
        assert!(!p.document.is_weak(Span::new(7, 17)));
        assert_eq!(p.map.to_file(Span::new(7, 17)), Span::new(22, 32));
    }
}
