//! One view of a review for every renderer that shows both texts: the two
//! documents, the comparison of them and, for an export, the reviewer's
//! verdicts and notes. A report is an export without verdicts.

use super::text::Colors;
use super::{Format, Report};
use crate::engine::{Comparison, Document, Span};
use crate::input::Source;
use std::borrow::Cow;

/// A reviewer's verdict and note on one discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Review {
    /// `unset`, `confirmed` or `dismissed`.
    pub verdict: &'static str,
    pub note: String,
}

/// A reviewer's note on a stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanNote {
    /// 0: the original, 1: the rewrite.
    pub side: usize,
    pub span: Span,
    pub verdict: &'static str,
    pub note: String,
}

/// What a two-text renderer reads. Spans of `comparison` index `docs`.
pub struct View<'a> {
    pub names: [&'a str; 2],
    pub docs: [&'a Document; 2],
    pub comparison: &'a Comparison,
    /// Verdicts and notes, one per discrepancy, for an export; `None` for a report.
    pub reviews: Option<Vec<Review>>,
    pub span_notes: Vec<SpanNote>,
    /// For HTML or Markdown inputs: the prose a file span holds, which the
    /// text and Markdown formats quote instead of the markup (JSON quotes
    /// the file's bytes, as its contract says).
    pub shown: [Option<&'a dyn Fn(Span) -> String>; 2],
    /// For a view of the compared prose of HTML or Markdown inputs (the
    /// HTML page): the files as read, so that line numbers count the files'
    /// lines, as every other format's do. `None` when `docs` are the files.
    pub files: Option<[&'a Source; 2]>,
}

impl View<'_> {
    /// What a reader saw at `span` of side `side` (0 original, 1 rewrite).
    #[must_use]
    pub fn text(&self, side: usize, span: Span) -> Cow<'_, str> {
        match self.shown[side] {
            Some(f) => Cow::Owned(f(span)),
            None => Cow::Borrowed(self.docs[side].slice(span)),
        }
    }

    /// Writes the rendering in `format` to `out`; JSON is written as it is
    /// made (a book's report is never held whole in memory).
    ///
    /// # Errors
    /// Writing to `out` failed.
    pub fn write(
        &self,
        format: Format,
        colors: Option<Colors>,
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        match format {
            Format::Json => super::json::write(self, out),
            _ => out.write_all(self.render(format, colors).as_bytes()),
        }
    }

    /// Renders in `format`; text in `colors` when given.
    #[must_use]
    pub fn render(&self, format: Format, colors: Option<Colors>) -> String {
        match format {
            Format::Json => super::json::render(self),
            Format::Markdown => super::markdown::render(self),
            Format::Text => super::text::render(self, colors),
            Format::Html => super::html::render(self),
        }
    }
}

impl<'a> From<&Report<'a>> for View<'a> {
    fn from(r: &Report<'a>) -> Self {
        Self {
            names: [r.original_name, r.rewrite_name],
            docs: [r.original, r.rewrite],
            comparison: r.comparison,
            reviews: None,
            span_notes: Vec::new(),
            shown: [None, None],
            files: None,
        }
    }
}
