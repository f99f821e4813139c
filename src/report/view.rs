//! One view of a review for every renderer that shows both texts: the two
//! documents, the comparison of them and, for an export, the reviewer's
//! verdicts and notes. A report is an export without verdicts.

use super::Report;
use crate::engine::{Comparison, Document, Span};

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
}

impl<'a> From<&Report<'a>> for View<'a> {
    fn from(r: &Report<'a>) -> Self {
        Self {
            names: [r.original_name, r.rewrite_name],
            docs: [r.original, r.rewrite],
            comparison: r.comparison,
            reviews: None,
            span_notes: Vec::new(),
        }
    }
}
