//! One view of a review for every output format, report or export: the two
//! documents, the comparison of them and, for an export, the reviewer's
//! verdicts and notes. A report is an export without verdicts.

use super::Format;
use super::Report;
use super::text::Colors;
use crate::annotate::export::Only;
use crate::annotate::{Attached, Side};
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

/// The reviewer's verdicts and notes on a comparison, and which
/// discrepancies an export lists.
#[derive(Clone, Copy)]
pub struct Verdicts<'a> {
    /// Attached to the view's comparison; carries both compared texts.
    pub annotations: &'a Attached,
    pub only: Only,
}

/// What every renderer reads. Spans of `comparison` index `docs`.
pub struct View<'a> {
    pub names: [&'a str; 2],
    pub docs: [&'a Document; 2],
    pub comparison: &'a Comparison,
    /// Verdicts and notes for an export; `None` for a report.
    pub verdicts: Option<Verdicts<'a>>,
    /// For HTML or Markdown inputs: the prose a file span holds, which the
    /// text and Markdown formats quote instead of the markup (JSON quotes
    /// the file's bytes, as its contract says).
    pub shown: [Option<&'a dyn Fn(Span) -> String>; 2],
    /// For a view of the compared prose of HTML or Markdown inputs (the
    /// HTML page, exports): the files as read, so that spans and line
    /// numbers count the files' bytes and lines, as every other format's
    /// do. `None` when `docs` are the files.
    pub files: Option<[&'a Source; 2]>,
}

impl<'a> View<'a> {
    /// A view for an export: the compared texts `annotations` carry, their
    /// comparison, the verdicts and notes; `files` when the texts are the
    /// prose of HTML or Markdown files.
    #[must_use]
    pub fn export(
        names: [&'a str; 2],
        comparison: &'a Comparison,
        verdicts: Verdicts<'a>,
        files: Option<[&'a Source; 2]>,
    ) -> Self {
        let att = verdicts.annotations;
        Self {
            names,
            docs: [att.document(Side::Original), att.document(Side::Rewrite)],
            comparison,
            verdicts: Some(verdicts),
            shown: [None, None],
            files,
        }
    }
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

    /// Whether discrepancy `i` is listed: always in a report; in an export
    /// as `--only` says.
    #[must_use]
    pub fn listed(&self, i: usize) -> bool {
        let Some(v) = &self.verdicts else { return true };
        let d = &self.comparison.discrepancies[i];
        match v.only {
            Only::All => true,
            Only::Factual => d.factual,
            Only::Reviewed => {
                v.annotations.verdict(i) != crate::annotate::Verdict::Unset
                    || !v.annotations.note(i).is_empty()
            }
        }
    }

    /// The comparison with only the listed discrepancies, and the verdict
    /// and note of each (`None` for a report).
    #[must_use]
    pub fn listed_reviews(&self) -> (Cow<'_, Comparison>, Option<Vec<Review>>) {
        let all = &self.comparison.discrepancies;
        let kept: Vec<usize> = (0..all.len()).filter(|&i| self.listed(i)).collect();
        let reviews = self.verdicts.map(|v| {
            kept.iter()
                .map(|&i| Review {
                    verdict: v.annotations.verdict(i).label(),
                    note: v.annotations.note(i).to_owned(),
                })
                .collect()
        });
        if kept.len() == all.len() {
            return (Cow::Borrowed(self.comparison), reviews);
        }
        let mut c = self.comparison.clone();
        c.discrepancies = kept.iter().map(|&i| all[i].clone()).collect();
        (Cow::Owned(c), reviews)
    }

    /// The reviewer's notes on stretches of text (none in a report).
    #[must_use]
    pub fn span_notes(&self) -> Vec<SpanNote> {
        let Some(v) = &self.verdicts else {
            return Vec::new();
        };
        v.annotations
            .span_notes()
            .map(|(a, side, span)| SpanNote {
                side: match side {
                    Side::Original => 0,
                    Side::Rewrite => 1,
                },
                span,
                verdict: a.verdict.label(),
                note: a.note.clone(),
            })
            .collect()
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
        match (format, self.verdicts.is_some()) {
            (Format::Json, false) => super::json::write(self, out),
            _ => out.write_all(self.render(format, colors).as_bytes()),
        }
    }

    /// Renders in `format`; text in `colors` when given (others ignore
    /// it). Markdown and JSON have a report form and, with verdicts, an
    /// export form; CSV and W3C list the discrepancies with their verdicts
    /// (none, in a report); text shows no verdicts.
    #[must_use]
    pub fn render(&self, format: Format, colors: Option<Colors>) -> String {
        let exported = || crate::annotate::export::render(self, format);
        match (format, self.verdicts.is_some()) {
            (Format::Json, false) => super::json::render(self),
            (Format::Markdown, false) => super::markdown::render(self),
            (Format::Text, _) => super::text::render(self, colors),
            (Format::Html, _) => super::html::render(self),
            (Format::Json | Format::Markdown, true) | (Format::Csv | Format::W3c, _) => exported(),
        }
    }
}

impl<'a> From<&Report<'a>> for View<'a> {
    fn from(r: &Report<'a>) -> Self {
        Self {
            names: [r.original_name, r.rewrite_name],
            docs: [r.original, r.rewrite],
            comparison: r.comparison,
            verdicts: None,
            shown: [None, None],
            files: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::testutil::{A, B, FLAGS, comparison};
    use crate::annotate::{AnnotationFile, Verdict, attach};

    /// A report is an export without verdicts: the same view renders the
    /// report's JSON contract without them and the export's list with them;
    /// CSV of a report lists every discrepancy, none reviewed.
    #[test]
    fn one_view_renders_report_and_export() {
        let (a, b) = (Document::from(A), Document::from(B));
        let c = comparison(&a, &b, &FLAGS);
        let mut att = attach(AnnotationFile::new(String::new(), String::new()), &c, &a, &b);
        att.set_verdict(0, Verdict::Confirmed);
        let report = View {
            names: ["a", "b"],
            docs: [&a, &b],
            comparison: &c,
            verdicts: None,
            shown: [None, None],
            files: None,
        };
        let verdicts = Verdicts {
            annotations: &att,
            only: Only::All,
        };
        let export = View::export(["a", "b"], &c, verdicts, None);
        let json = |v: &View<'_>| -> serde_json::Value {
            serde_json::from_str(&v.render(Format::Json, None)).expect("JSON")
        };
        assert!(json(&report)["alignment"].is_array());
        assert_eq!(json(&export)["discrepancies"][0]["verdict"], "confirmed");
        let csv = report.render(Format::Csv, None);
        assert_eq!(csv.lines().count(), 1 + c.discrepancies.len(), "{csv}");
        assert!(csv.lines().skip(1).all(|l| l.contains(",unset,")), "{csv}");
        assert!(export.render(Format::Csv, None).contains(",confirmed,"));
        // Text shows no verdicts: the same either way.
        assert_eq!(
            report.render(Format::Text, None),
            export.render(Format::Text, None)
        );
    }

    #[test]
    fn only_lists_what_it_names() {
        let (a, b) = (Document::from(A), Document::from(B));
        let c = comparison(&a, &b, &FLAGS);
        let mut att = attach(AnnotationFile::new(String::new(), String::new()), &c, &a, &b);
        att.set_note(1, "looked at");
        let only = |only| {
            let v = View::export(
                ["a", "b"],
                &c,
                Verdicts {
                    annotations: &att,
                    only,
                },
                None,
            );
            let (listed, reviews) = v.listed_reviews();
            let ids: Vec<String> = listed.discrepancies.iter().map(|d| d.id.clone()).collect();
            (ids, reviews.map(|r| r.len()))
        };
        let all = only(Only::All);
        assert_eq!(all.0.len(), c.discrepancies.len());
        assert_eq!(all.1, Some(c.discrepancies.len()));
        assert_eq!(
            only(Only::Reviewed),
            (vec![c.discrepancies[1].id.clone()], Some(1))
        );
    }
}
