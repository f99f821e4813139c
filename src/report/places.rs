//! Line, column and paragraph of spans, for people reading a report: built
//! once per report (one line index per side) so a book stays linear.

use super::view::View;
use crate::engine::lines::{LineIndex, paragraph_number};
use crate::engine::segment::Segmented;
use crate::engine::{Document, Span};
use crate::input::Source;
use serde_json::{Value, json};

/// Where spans of one side are.
pub struct Places<'a> {
    doc: &'a Document,
    seg: &'a Segmented,
    index: LineIndex,
    /// Spans index this source's prose: lines are counted in its file.
    source: Option<&'a Source>,
}

/// A span's place: start line:column, end line:column, paragraph (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub paragraph: Option<usize>,
}

impl<'a> Places<'a> {
    /// Both sides of a report (the view's documents are what its spans
    /// index: the files as read, also for HTML and Markdown inputs).
    #[must_use]
    pub fn of(v: &View<'a>) -> [Self; 2] {
        let segs = [&v.comparison.original, &v.comparison.rewrite];
        match v.files {
            Some(files) => [0, 1].map(|k| Self::of_prose(files[k], segs[k])),
            None => [0, 1].map(|k| Self::new(v.docs[k], segs[k])),
        }
    }

    /// Spans into `source`'s prose, segmented as `seg`: lines and columns
    /// of the file as read, paragraphs as the prose has them.
    #[must_use]
    pub fn of_prose(source: &'a Source, seg: &'a Segmented) -> Self {
        Self {
            source: Some(source),
            ..Self::new(&source.file, seg)
        }
    }

    #[must_use]
    pub fn new(doc: &'a Document, seg: &'a Segmented) -> Self {
        Self {
            doc,
            seg,
            index: LineIndex::new(doc.text()),
            source: None,
        }
    }

    #[must_use]
    pub fn place(&self, span: Span) -> Place {
        let text = self.doc.text();
        let paragraph = paragraph_number(self.seg, span.start);
        let span = self.source.map_or(span, |s| s.to_file(span));
        let start = self.index.place(text, span.start);
        let end = self.index.place(text, span.end);
        Place {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
            paragraph,
        }
    }

    /// The JSON object added next to a byte span (`null` without a span).
    #[must_use]
    pub fn json(&self, span: Option<Span>) -> Value {
        span.map_or(Value::Null, |s| {
            let p = self.place(s);
            json!({
                "line": p.line,
                "column": p.column,
                "end_line": p.end_line,
                "end_column": p.end_column,
                "paragraph": p.paragraph,
            })
        })
    }

    /// `line 5:12, ¶ 2` for text and Markdown.
    #[must_use]
    pub fn label(&self, span: Span) -> String {
        let p = self.place(span);
        match p.paragraph {
            Some(n) => format!("line {}:{}, ¶ {n}", p.line, p.column),
            None => format!("line {}:{}", p.line, p.column),
        }
    }
}
