//! A document exactly as read: the bytes of the file, validated as UTF-8, with
//! every offset the engine hands out indexing those bytes unchanged.

use serde::{Serialize, Serializer};
use std::ops::Range;

/// A half-open byte range into a document's text as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    #[must_use]
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn join(self, other: Self) -> Self {
        Self::new(self.start.min(other.start), self.end.max(other.end))
    }

    #[must_use]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    #[must_use]
    pub const fn overlaps(self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Spans serialise as `[start, end]`, the shape the report contract fixes.
impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

/// Why a byte string cannot be compared as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { offset: usize },
    #[error("binary data (NUL byte at offset {offset}); factdiff compares UTF-8 text")]
    Binary { offset: usize },
}

/// The text of one side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    text: String,
    body_start: usize,
    /// Stretches that are headings, captions or bylines by markup (an HTML
    /// or Markdown input says so): their sentences weigh as headers.
    weak: Vec<Span>,
}

const BOM: &str = "\u{feff}";

impl Document {
    /// Validates `bytes` as UTF-8 text. A leading BOM is kept in the text (so
    /// offsets stay file offsets) but excluded from the body.
    ///
    /// # Errors
    /// Invalid UTF-8 (naming the first bad byte) or a NUL byte.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, TextError> {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(TextError::Binary { offset });
        }
        let text = String::from_utf8(bytes).map_err(|e| TextError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        })?;
        Ok(Self::from_string(text))
    }

    /// Wraps text that is already a `String`; never fails.
    #[must_use]
    pub fn from_string(text: String) -> Self {
        let body_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        Self {
            text,
            body_start,
            weak: Vec::new(),
        }
    }

    /// Marks `spans` as headings, captions or bylines (sorted, disjoint).
    #[must_use]
    pub fn with_weak(mut self, spans: Vec<Span>) -> Self {
        self.weak = spans;
        self
    }

    /// Whether `span` lies inside a stretch marked weak by [`Self::with_weak`].
    #[must_use]
    pub fn is_weak(&self, span: Span) -> bool {
        let i = self.weak.partition_point(|w| w.end < span.end);
        self.weak
            .get(i)
            .is_some_and(|w| w.start <= span.start && span.end <= w.end)
    }

    /// The whole text as read, BOM included.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset where the content starts (after a BOM, if any).
    #[must_use]
    pub const fn body_start(&self) -> usize {
        self.body_start
    }

    /// The text of a span.
    #[must_use]
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}

impl From<&str> for Document {
    fn from(text: &str) -> Self {
        Self::from_string(text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset() {
        let err = Document::from_bytes(b"abc\xffdef".to_vec()).unwrap_err();
        assert_eq!(err, TextError::InvalidUtf8 { offset: 3 });
    }

    #[test]
    fn nul_is_binary() {
        let err = Document::from_bytes(b"ab\0".to_vec()).unwrap_err();
        assert_eq!(err, TextError::Binary { offset: 2 });
    }

    #[test]
    fn bom_is_kept_but_skipped() {
        let doc = Document::from_bytes("\u{feff}Hi.".as_bytes().to_vec()).unwrap();
        assert_eq!(doc.body_start(), 3);
        assert_eq!(doc.text().len(), 6);
    }
}
