//! One original against several copies: each copy's two-file report, and a
//! matrix of the original's sentences against the copies showing which copy
//! changed which fact.

use super::markdown::escape as markdown_escape;
use super::view::View;
use super::{Format, json};
use crate::engine::{Comparison, Document};
use crate::sanitize::inert;
use serde_json::{Value, json};
use std::fmt::Write;

/// Everything a several-copies report needs.
pub struct Copies<'a> {
    pub original_name: &'a str,
    /// The original's compared text (its prose, for HTML or Markdown).
    pub original: &'a Document,
    /// One two-file report per copy, spans in the files' bytes.
    pub reports: Vec<View<'a>>,
    /// The same comparisons over the compared texts, in the same order.
    pub compared: Vec<&'a Comparison>,
}

/// What one copy did to one sentence of the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Nothing factual changed.
    Kept,
    /// Factual flags on the sentence, by kind label (`removed` when the
    /// copy left it out).
    Changed(Vec<&'static str>),
}

impl Cell {
    fn label(&self) -> String {
        match self {
            Self::Kept => "·".to_owned(),
            Self::Changed(kinds) => kinds.join(", "),
        }
    }

    fn kinds(&self) -> Vec<&'static str> {
        match self {
            Self::Kept => Vec::new(),
            Self::Changed(kinds) => kinds.clone(),
        }
    }
}

impl Copies<'_> {
    /// Rows of the matrix: one per sentence of the original, one cell per copy.
    #[must_use]
    pub fn matrix(&self) -> Vec<Vec<Cell>> {
        let Some(first) = self.compared.first() else {
            return Vec::new();
        };
        (0..first.original.sentences.len())
            .map(|i| self.compared.iter().map(|c| cell(c, i)).collect())
            .collect()
    }

    /// Renders in `format`; `color` (text only) gives the colours to use. HTML, a
    /// two-document view, is not offered for several copies: one page per
    /// copy reads better, so callers render each copy's [`View`] on its own.
    #[must_use]
    pub fn render(&self, format: Format, color: Option<super::text::Colors>) -> String {
        match format {
            Format::Json => self.json(),
            Format::Markdown => self.markdown(),
            Format::Text | Format::Html | Format::Csv | Format::W3c => self.text(color),
        }
    }

    fn excerpt(&self, i: usize) -> String {
        let Some(first) = self.compared.first() else {
            return String::new();
        };
        let text = self.original.slice(first.original.sentences[i].span);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut out: String = flat.chars().take(48).collect();
        if flat.chars().count() > 48 {
            out.push('…');
        }
        inert(&out).into_owned()
    }

    fn json(&self) -> String {
        let matrix: Vec<Value> = self
            .matrix()
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let span = self.reports[0].comparison.original.sentences[i].span;
                json!({
                    "sentence": i,
                    "original": span,
                    "copies": row.iter().map(Cell::kinds).collect::<Vec<_>>(),
                })
            })
            .collect();
        json::to_string(&json!({
            "factdiff": env!("CARGO_PKG_VERSION"),
            "original": { "file": self.original_name },
            "copies": self.reports.iter().map(json::value).collect::<Vec<_>>(),
            "matrix": matrix,
        }))
    }

    fn legend(&self, out: &mut String, code: bool) {
        for (i, r) in self.reports.iter().enumerate() {
            let name = inert(r.names[1]);
            let s = &r.comparison.summary;
            if code {
                let _ = writeln!(out, "- copy {}: `{name}` — {} factual flags", i + 1, s.factual);
            } else {
                let _ = writeln!(out, "  copy {}: {name} — {} factual flags", i + 1, s.factual);
            }
        }
    }

    fn text(&self, color: Option<super::text::Colors>) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{} against {} copies\n",
            inert(self.original_name),
            self.reports.len()
        );
        self.legend(&mut out, false);
        let _ = writeln!(out, "\nWhich copy changed which sentence of the original:\n");
        let matrix = self.matrix();
        let widths: Vec<usize> = (0..self.reports.len())
            .map(|c| {
                matrix
                    .iter()
                    .map(|row| row[c].label().chars().count())
                    .chain([format!("copy {}", c + 1).len()])
                    .max()
                    .unwrap_or(6)
            })
            .collect();
        let _ = write!(out, "{:>4}  {:<49}", "#", "original sentence");
        for (c, w) in widths.iter().enumerate() {
            let _ = write!(out, "  {:<w$}", format!("copy {}", c + 1));
        }
        out.push('\n');
        for (i, row) in matrix.iter().enumerate() {
            let excerpt = self.excerpt(i);
            let pad = 49usize.saturating_sub(excerpt.chars().count());
            let _ = write!(out, "{:>4}  {excerpt}{}", i + 1, " ".repeat(pad));
            for (cell, w) in row.iter().zip(&widths) {
                let _ = write!(out, "  {:<w$}", cell.label());
            }
            out.push('\n');
        }
        for r in &self.reports {
            let _ = writeln!(out, "\n{}", "─".repeat(60));
            out.push_str(&r.render(Format::Text, color));
        }
        out
    }

    fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# factdiff: one original, {} copies\n", self.reports.len());
        let _ = writeln!(out, "- Original: `{}`", inert(self.original_name));
        self.legend(&mut out, true);
        let _ = writeln!(out, "\n## Which copy changed which sentence\n");
        let _ = write!(out, "| # | Original sentence |");
        for c in 0..self.reports.len() {
            let _ = write!(out, " copy {} |", c + 1);
        }
        let _ = write!(out, "\n|---:|---|");
        for _ in &self.reports {
            out.push_str("---|");
        }
        out.push('\n');
        for (i, row) in self.matrix().iter().enumerate() {
            let _ = write!(out, "| {} | {} |", i + 1, markdown_escape(&self.excerpt(i)));
            for cell in row {
                let _ = write!(out, " {} |", cell.label());
            }
            out.push('\n');
        }
        for (i, r) in self.reports.iter().enumerate() {
            let _ = writeln!(out, "\n---\n\n<!-- copy {} -->\n", i + 1);
            // Each copy's review list, its headings one level down.
            for line in r.render(Format::Markdown, None).lines() {
                if line.starts_with('#') {
                    out.push('#');
                }
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }
}

fn cell(c: &Comparison, sentence: usize) -> Cell {
    let span = c.original.sentences[sentence].span;
    let mut kinds: Vec<&'static str> = c
        .discrepancies
        .iter()
        .filter(|d| d.factual && d.original.is_some_and(|o| o.overlaps(span)))
        .map(|d| d.kind.label())
        .collect();
    if kinds.is_empty() {
        Cell::Kept
    } else {
        kinds.sort_unstable();
        kinds.dedup();
        Cell::Changed(kinds)
    }
}
