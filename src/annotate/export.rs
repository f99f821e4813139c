//! Export of discrepancies with their verdicts and notes: a Markdown report
//! for an editor's email, JSON and CSV for tools, and W3C Web Annotation
//! JSON-LD for annotation software.

use super::attach::{Attached, OrphanReason};
use super::model::{Anchor, Annotation, Side, Target, Verdict};
use super::store::write_atomic;
use crate::engine::lines::LineIndex;
use crate::engine::{Comparison, Discrepancy, Document, Span};
use crate::input::Source;
use serde::Serialize;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Output format of `factdiff export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Json,
    Csv,
    W3c,
    /// A self-contained page to share: both texts, flags, verdicts, notes.
    Html,
}

impl ExportFormat {
    /// The usual file extension, for a default output name.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Csv => "csv",
            Self::W3c => "jsonld",
            Self::Html => "html",
        }
    }
}

/// Why an export could not be produced or written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write '{path}': {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Which discrepancies an export lists (`export --only`). Notes on text
/// and orphaned annotations are listed whatever the choice: they are the
/// reviewer's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Only {
    /// Every discrepancy.
    #[default]
    All,
    /// Factual flags only, without plain rewording.
    Factual,
    /// Discrepancies with a verdict or a note.
    Reviewed,
}

/// What an export needs: the display names, the comparison and the
/// annotations attached to it (which carry both texts).
pub struct Export<'a> {
    pub original_name: &'a str,
    pub rewrite_name: &'a str,
    pub comparison: &'a Comparison,
    pub annotations: &'a Attached,
    /// For HTML or Markdown inputs, the files as read: quotes and spans are
    /// then moved from the compared prose to the files' bytes.
    pub files: Option<[&'a Source; 2]>,
    pub only: Only,
}

impl Export<'_> {
    /// The export as text.
    ///
    /// # Errors
    /// Only if the CSV writer fails (it writes to memory, so in practice never).
    pub fn render(&self, format: ExportFormat) -> Result<String, ExportError> {
        let entries = self.entries();
        Ok(match format {
            ExportFormat::Markdown => self.markdown(&entries),
            ExportFormat::Json => self.json(&entries),
            ExportFormat::Csv => csv_text(&entries)?,
            ExportFormat::W3c => self.w3c(&entries),
            ExportFormat::Html => self.html(),
        })
    }

    /// Renders and writes to `path` atomically (the old file, if any, stays
    /// whole until the new one is complete).
    ///
    /// # Errors
    /// Rendering or I/O failures.
    pub fn write_to(&self, format: ExportFormat, path: &Path) -> Result<(), ExportError> {
        let text = self.render(format)?;
        write_atomic(path, text.as_bytes()).map_err(|source| ExportError::Write {
            path: path.to_owned(),
            source,
        })
    }

    /// Every discrepancy, then the span notes, then the orphans.
    fn entries(&self) -> Vec<Entry<'_>> {
        let att = self.annotations;
        let discrepancies = self
            .comparison
            .discrepancies
            .iter()
            .enumerate()
            .filter(|&(i, d)| self.listed(i, d));
        let mut out: Vec<Entry<'_>> = discrepancies.map(|(i, d)| self.discrepancy_entry(i, d)).collect();
        out.extend(
            att.span_notes()
                .map(|(a, side, span)| self.span_entry(a, side, span)),
        );
        out.extend(att.orphans().map(|(a, why)| self.orphan_entry(a, why)));
        self.add_places(&mut out);
        out
    }

    /// Whether `--only` lets discrepancy `i` through.
    fn listed(&self, i: usize, d: &Discrepancy) -> bool {
        let att = self.annotations;
        match self.only {
            Only::All => true,
            Only::Factual => d.factual,
            Only::Reviewed => att.verdict(i) != Verdict::Unset || !att.note(i).is_empty(),
        }
    }

    /// Line and column of every quote found in the current text (one line
    /// index per side, so a book-sized export stays linear). Quotes index
    /// the files as read (HTML and Markdown included), so lines count the
    /// files' lines.
    fn add_places(&self, entries: &mut [Entry<'_>]) {
        let docs = [self.file(Side::Original), self.file(Side::Rewrite)];
        let index = docs.map(|d| LineIndex::new(d.text()));
        for e in entries {
            for (k, q) in [(0, e.original.as_mut()), (1, e.rewrite.as_mut())] {
                if let Some(q) = q.filter(|q| q.current) {
                    let place = index[k].place(docs[k].text(), q.start);
                    q.line = Some(place.line);
                    q.column = Some(place.column);
                }
            }
        }
    }

    fn discrepancy_entry(&self, i: usize, d: &Discrepancy) -> Entry<'_> {
        let ann = self.annotations.annotation(i);
        Entry {
            section: Section::Discrepancy,
            id: d.id.clone(),
            kind: d.kind.label().to_owned(),
            factual: Some(d.factual),
            original: d.original.map(|s| self.quote(Side::Original, s)),
            rewrite: d.rewrite.map(|s| self.quote(Side::Rewrite, s)),
            reason: d.reason.clone(),
            verdict: self.annotations.verdict(i),
            note: self.annotations.note(i).to_owned(),
            annotation_id: ann.map(|a| a.id.clone()),
            annotation: ann,
        }
    }

    fn span_entry<'s>(&'s self, a: &'s Annotation, side: Side, span: Span) -> Entry<'s> {
        let quote = Some(self.quote(side, span));
        let (original, rewrite) = match side {
            Side::Original => (quote, None),
            Side::Rewrite => (None, quote),
        };
        Entry {
            section: Section::SpanNote,
            id: a.id.clone(),
            kind: "span".into(),
            factual: None,
            original,
            rewrite,
            reason: "reviewer's note on the text".into(),
            verdict: a.verdict,
            note: a.note.clone(),
            annotation_id: Some(a.id.clone()),
            annotation: Some(a),
        }
    }

    fn orphan_entry<'s>(&'s self, a: &'s Annotation, why: OrphanReason) -> Entry<'s> {
        let stale = |side| a.target.anchor(side).map(stale_quote);
        let kind = match &a.target {
            Target::Discrepancy { kind, .. } => kind.clone(),
            Target::Span { .. } => "span".into(),
        };
        let reason = match why {
            OrphanReason::NotFound => {
                "orphaned: its text is no longer found in the current comparison".into()
            }
            OrphanReason::Duplicate { discrepancy } => {
                let id = self
                    .comparison
                    .discrepancies
                    .get(discrepancy)
                    .map_or("?", |d| d.id.as_str());
                format!("orphaned: a newer annotation on {id} took its place")
            }
        };
        Entry {
            section: Section::Orphan,
            id: a.id.clone(),
            kind,
            factual: None,
            original: stale(Side::Original),
            rewrite: stale(Side::Rewrite),
            reason,
            verdict: a.verdict,
            note: a.note.clone(),
            annotation_id: Some(a.id.clone()),
            annotation: Some(a),
        }
    }

    fn quote(&self, side: Side, span: Span) -> Quote {
        let shown = self
            .annotations
            .document(side)
            .text()
            .get(span.range())
            .unwrap_or_default();
        let span = self.files.map_or(span, |f| f[side_index(side)].to_file(span));
        let doc = self.file(side);
        let text = doc.text().get(span.range()).unwrap_or_default().to_owned();
        Quote {
            start: span.start,
            end: span.end,
            shown: (shown != text).then(|| shown.to_owned()),
            text,
            line: None,
            column: None,
            current: true,
        }
    }

    /// The shared page: the compared texts with verdicts and notes.
    fn html(&self) -> String {
        use crate::report::view::{Review, SpanNote, View};
        let att = self.annotations;
        let all = &self.comparison.discrepancies;
        let kept: Vec<usize> = (0..all.len()).filter(|&i| self.listed(i, &all[i])).collect();
        let reviews = kept
            .iter()
            .map(|&i| Review {
                verdict: att.verdict(i).label(),
                note: att.note(i).to_owned(),
            })
            .collect();
        // `--only`: the page shows both texts whole but lists (and marks)
        // only the discrepancies chosen, each with its own verdict.
        let comparison = if kept.len() == all.len() {
            std::borrow::Cow::Borrowed(self.comparison)
        } else {
            let mut c = self.comparison.clone();
            c.discrepancies = kept.iter().map(|&i| all[i].clone()).collect();
            std::borrow::Cow::Owned(c)
        };
        let span_notes = att
            .span_notes()
            .map(|(a, side, span)| SpanNote {
                side: side_index(side),
                span,
                verdict: a.verdict.label(),
                note: a.note.clone(),
            })
            .collect();
        crate::report::html::render(&View {
            names: [self.original_name, self.rewrite_name],
            docs: [att.document(Side::Original), att.document(Side::Rewrite)],
            comparison: &comparison,
            reviews: Some(reviews),
            span_notes,
            shown: [None, None],
            files: self.files,
        })
    }

    /// The text spans index: the file as read.
    fn file(&self, side: Side) -> &Document {
        self.files
            .map_or_else(|| self.annotations.document(side), |f| &f[side_index(side)].file)
    }

    const fn name(&self, side: Side) -> &str {
        match side {
            Side::Original => self.original_name,
            Side::Rewrite => self.rewrite_name,
        }
    }
}

const fn side_index(side: Side) -> usize {
    match side {
        Side::Original => 0,
        Side::Rewrite => 1,
    }
}

/// The quote an orphan was made on; its position refers to an older text.
fn stale_quote(anchor: &Anchor) -> Quote {
    Quote {
        start: anchor.position.start,
        end: anchor.position.end,
        text: anchor.quote.exact.clone(),
        shown: None,
        line: None,
        column: None,
        current: false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Section {
    Discrepancy,
    SpanNote,
    Orphan,
}

/// The text of one side of an entry, with its byte span.
#[derive(Debug, Clone, Serialize)]
struct Quote {
    start: usize,
    end: usize,
    text: String,
    /// What the reviewer saw, when it differs from the file's bytes (the
    /// prose of an HTML or Markdown input): the Markdown export quotes it.
    #[serde(skip)]
    shown: Option<String>,
    /// 1-based line and column (in characters) of `start` in the file as
    /// read, for a quote in the current text.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    /// False for an orphan: the span is where it was, not where it is.
    #[serde(skip)]
    current: bool,
}

/// One row of any export: a discrepancy, a span note or an orphan.
#[derive(Debug, Clone, Serialize)]
struct Entry<'a> {
    #[serde(skip)]
    section: Section,
    id: String,
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    factual: Option<bool>,
    original: Option<Quote>,
    rewrite: Option<Quote>,
    reason: String,
    verdict: Verdict,
    note: String,
    annotation_id: Option<String>,
    #[serde(skip)]
    annotation: Option<&'a Annotation>,
}

impl Entry<'_> {
    fn quote_text(&self, side: Side) -> &str {
        let q = match side {
            Side::Original => &self.original,
            Side::Rewrite => &self.rewrite,
        };
        q.as_ref().map_or("", |q| q.text.as_str())
    }
}

// ---------------------------------------------------------------- Markdown

impl Export<'_> {
    fn markdown(&self, entries: &[Entry<'_>]) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Review of {}\n", md_code(self.rewrite_name));
        let _ = writeln!(
            out,
            "Compared with the original {}.\n",
            md_code(self.original_name)
        );
        let _ = writeln!(out, "{}\n", tally(entries));
        let sections = [
            (
                Section::Discrepancy,
                "Discrepancies",
                "No discrepancies: the texts agree.",
            ),
            (Section::SpanNote, "Notes on the text", ""),
            (Section::Orphan, "Orphaned annotations", ""),
        ];
        for (section, title, if_none) in sections {
            let items: Vec<&Entry<'_>> = entries.iter().filter(|e| e.section == section).collect();
            if items.is_empty() && if_none.is_empty() {
                continue;
            }
            let _ = writeln!(out, "## {title}\n");
            if section == Section::Orphan {
                let _ = writeln!(
                    out,
                    "These notes no longer match anything in the texts; kept for the record.\n"
                );
            }
            if items.is_empty() {
                let _ = writeln!(out, "{if_none}\n");
            }
            for e in items {
                md_entry(&mut out, e);
            }
        }
        out
    }
}

/// "3 discrepancies (2 factual): 1 confirmed, 1 dismissed, 1 undecided."
fn tally(entries: &[Entry<'_>]) -> String {
    let ds: Vec<&Entry<'_>> = entries
        .iter()
        .filter(|e| e.section == Section::Discrepancy)
        .collect();
    let count = |v: Verdict| ds.iter().filter(|e| e.verdict == v).count();
    format!(
        "{} discrepancies ({} factual): {} confirmed, {} dismissed, {} undecided.",
        ds.len(),
        ds.iter().filter(|e| e.factual == Some(true)).count(),
        count(Verdict::Confirmed),
        count(Verdict::Dismissed),
        count(Verdict::Unset)
    )
}

fn md_entry(out: &mut String, e: &Entry<'_>) {
    let factual = if e.factual == Some(true) {
        " · factual"
    } else {
        ""
    };
    let verdict = match e.verdict {
        Verdict::Unset => "undecided",
        v => v.label(),
    };
    let _ = writeln!(
        out,
        "### {} · {}{factual} — {verdict}\n",
        md_inline(&e.id),
        md_inline(&e.kind)
    );
    for (label, side) in [("Original", Side::Original), ("Rewrite", Side::Rewrite)] {
        let q = match side {
            Side::Original => &e.original,
            Side::Rewrite => &e.rewrite,
        };
        if let Some(q) = q {
            let was = if q.current { "" } else { " (as annotated)" };
            let at = q
                .line
                .zip(q.column)
                .map_or_else(String::new, |(l, c)| format!(" (line {l}:{c})"));
            let _ = writeln!(
                out,
                "- **{label}{was}:** “{}”{at}",
                md_inline(q.shown.as_ref().unwrap_or(&q.text))
            );
        }
    }
    let _ = writeln!(out, "- **Why flagged:** {}", md_inline(&e.reason));
    if e.note.trim().is_empty() {
        let _ = writeln!(out);
        return;
    }
    let _ = writeln!(out, "- **Note:**\n");
    for line in e.note.lines() {
        // A quoted block inside the list item keeps the reviewer's line breaks.
        let _ = writeln!(out, "  > {}", md_escape(line, true));
    }
    let _ = writeln!(out);
}

/// Text on one Markdown line: whitespace runs folded (so quotes spanning
/// lines stay in their bullet) and structure characters escaped.
fn md_inline(text: &str) -> String {
    md_escape(&md_fold(text), false)
}

/// Escapes only what would turn into emphasis, links, code or HTML, plus a
/// heading or quote marker at the start, so the report stays readable when
/// pasted into a plain-text email.
fn md_escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in crate::sanitize::inert(text).chars().enumerate() {
        if "\\`*_[]<~".contains(c) || (line_start && i == 0 && "#>-+".contains(c)) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A file name as a code span (no escapes needed inside), with a fence
/// longer than any backtick run in the name.
fn md_code(name: &str) -> String {
    let flat = md_fold(&crate::sanitize::inert(name));
    let longest = flat.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

fn md_fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

// -------------------------------------------------------------------- JSON

impl Export<'_> {
    fn json(&self, entries: &[Entry<'_>]) -> String {
        let pick = |s: Section| entries.iter().filter(|e| e.section == s).collect::<Vec<_>>();
        let value = json!({
            "original": self.original_name,
            "rewrite": self.rewrite_name,
            "discrepancies": pick(Section::Discrepancy),
            "span_notes": pick(Section::SpanNote),
            "orphans": pick(Section::Orphan),
        });
        pretty(&value)
    }
}

fn pretty(value: &Value) -> String {
    let mut text =
        crate::sanitize::json_invisible_escaped(serde_json::to_string_pretty(value).unwrap_or_default());
    text.push('\n');
    text
}

// --------------------------------------------------------------------- CSV

/// Column names of the CSV export, in order.
pub const CSV_HEADER: [&str; 11] = [
    "section",
    "id",
    "kind",
    "factual",
    "original_text",
    "rewrite_text",
    "reason",
    "verdict",
    "note",
    "original_line",
    "rewrite_line",
];

fn csv_text(entries: &[Entry<'_>]) -> Result<String, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER)?;
    for e in entries {
        let section = match e.section {
            Section::Discrepancy => "discrepancy",
            Section::SpanNote => "span_note",
            Section::Orphan => "orphan",
        };
        let factual = e.factual.map_or("", |f| if f { "true" } else { "false" });
        let line = |q: &Option<Quote>| {
            q.as_ref()
                .and_then(|q| q.line.zip(q.column))
                .map_or_else(String::new, |(l, c)| format!("{l}:{c}"))
        };
        let (original_line, rewrite_line) = (line(&e.original), line(&e.rewrite));
        w.write_record([
            section,
            &e.id,
            &e.kind,
            factual,
            e.quote_text(Side::Original),
            e.quote_text(Side::Rewrite),
            &e.reason,
            e.verdict.label(),
            &e.note,
            &original_line,
            &rewrite_line,
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| csv::Error::from(e.into_error()))?;
    // Every field written was a &str, so the bytes are UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

// --------------------------------------------------------------------- W3C

/// The W3C Web Annotation JSON-LD context.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

impl Export<'_> {
    /// An `AnnotationCollection` with one page holding an `Annotation` per
    /// entry. Position selectors count Unicode code points, as the W3C model
    /// defines them (our files count bytes); an orphan has only its quote
    /// selector, since its old position means nothing in the current text.
    fn w3c(&self, entries: &[Entry<'_>]) -> String {
        let items: Vec<Value> = entries.iter().map(|e| self.w3c_annotation(e)).collect();
        pretty(&json!({
            "@context": W3C_CONTEXT,
            "type": "AnnotationCollection",
            "label": format!("factdiff review of {} against {}", self.rewrite_name, self.original_name),
            "total": items.len(),
            "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
        }))
    }

    fn w3c_annotation(&self, e: &Entry<'_>) -> Value {
        let mut body = Vec::new();
        if !e.note.is_empty() {
            body.push(json!({"type": "TextualBody", "value": e.note, "format": "text/plain", "purpose": "commenting"}));
        }
        body.push(json!({"type": "TextualBody", "value": e.verdict.label(), "purpose": "tagging"}));
        body.push(json!({"type": "TextualBody", "value": e.kind, "purpose": "classifying"}));
        body.push(json!({"type": "TextualBody", "value": e.reason, "purpose": "describing"}));
        let target: Vec<Value> = [Side::Original, Side::Rewrite]
            .into_iter()
            .filter_map(|side| self.w3c_target(e, side))
            .collect();
        let id = e
            .annotation_id
            .as_deref()
            .map_or_else(|| format!("discrepancy:{}", e.id), |a| format!("annotation:{a}"));
        let mut ann = json!({
            "@context": W3C_CONTEXT,
            "id": format!("urn:factdiff:{id}"),
            "type": "Annotation",
            "motivation": if e.note.is_empty() { "assessing" } else { "commenting" },
            "body": body,
            "target": target,
        });
        if let Some(a) = e.annotation {
            ann["created"] = a.created.to_rfc3339().into();
            ann["modified"] = a.modified.to_rfc3339().into();
        }
        ann
    }

    fn w3c_target(&self, e: &Entry<'_>, side: Side) -> Option<Value> {
        let q = match side {
            Side::Original => e.original.as_ref()?,
            Side::Rewrite => e.rewrite.as_ref()?,
        };
        let doc = self.file(side);
        let (prefix, suffix) = context(doc, q, e.annotation, side);
        let mut selectors = Vec::new();
        if q.current {
            let (start, end) = (code_points(doc, q.start), code_points(doc, q.end));
            selectors.push(json!({"type": "TextPositionSelector", "start": start, "end": end}));
        }
        selectors
            .push(json!({"type": "TextQuoteSelector", "exact": q.text, "prefix": prefix, "suffix": suffix}));
        Some(json!({"source": self.name(side), "selector": selectors}))
    }
}

/// Quote context: from the current text when the quote is current, else
/// what the annotation stored.
fn context(doc: &Document, q: &Quote, ann: Option<&Annotation>, side: Side) -> (String, String) {
    if q.current {
        let span = Span::new(q.start, q.end);
        return super::anchor::anchor_for(doc, span)
            .map(|a| (a.quote.prefix, a.quote.suffix))
            .unwrap_or_default();
    }
    ann.and_then(|a| a.target.anchor(side))
        .map(|a| (a.quote.prefix.clone(), a.quote.suffix.clone()))
        .unwrap_or_default()
}

/// Code points before byte offset `byte` of the document.
fn code_points(doc: &Document, byte: usize) -> usize {
    let text = doc.text();
    text.get(..byte.min(text.len())).map_or(0, |t| t.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::attach;
    use crate::annotate::model::AnnotationFile;
    use crate::annotate::testutil::{A, B, FLAGS, comparison};

    const TRICKY: &str = "He said \"no\", then left;\nsee p. 4, line 2 — *twice*";

    /// A review with: a confirmed number with a tricky note, a span note,
    /// and an orphan (a note on a discrepancy no longer flagged).
    fn fixture() -> (Comparison, Attached) {
        let (a, b) = (Document::from(A), Document::from(B));
        let c = comparison(&a, &b, &FLAGS);
        let mut att = attach(AnnotationFile::new(String::new(), String::new()), &c, &a, &b);
        att.set_verdict(0, Verdict::Confirmed);
        att.set_note(0, TRICKY);
        att.set_note(2, "this one will be orphaned");
        let at = B.find("mayor").unwrap_or(0);
        att.add_span_note(Side::Rewrite, Span::new(at, at + 5), "which mayor?");
        let c = comparison(&a, &b, &FLAGS[..2]);
        let att = attach(att.file().clone(), &c, &a, &b);
        (c, att)
    }

    fn render(format: ExportFormat) -> String {
        let (c, att) = fixture();
        let export = Export {
            original_name: "orig_a.txt",
            rewrite_name: "rew.txt",
            comparison: &c,
            annotations: &att,
            files: None,
            only: Only::All,
        };
        export.render(format).unwrap()
    }

    #[test]
    fn markdown_is_a_readable_report() {
        let md = render(ExportFormat::Markdown);
        assert!(md.starts_with("# Review of `rew.txt`\n"), "{md}");
        assert!(md.contains("`orig_a.txt`"));
        assert!(md.contains("2 discrepancies (2 factual): 1 confirmed, 0 dismissed, 1 undecided."));
        assert!(md.contains("### d1 · number · factual — confirmed"));
        assert!(md.contains("- **Original:** “40” (line 1:13)\n- **Rewrite:** “14” (line 1:13)"));
        assert!(md.contains("- **Why flagged:** number changed"));
        assert!(md.contains("  > He said \"no\", then left;\n  > see p. 4, line 2 — \\*twice\\*\n"));
        assert!(md.contains("### d2 · date · factual — undecided"));
        assert!(md.contains("## Notes on the text"));
        assert!(md.contains("“mayor”") && md.contains("which mayor?"));
        assert!(md.contains("## Orphaned annotations"));
        assert!(md.contains("(as annotated):** “mayor visited”"));
        assert!(md.contains("this one will be orphaned"));
    }

    #[test]
    fn markdown_neutralises_structure_and_controls() {
        assert_eq!(md_escape("# not a heading", true), "\\# not a heading");
        assert_eq!(md_escape("# mid-line", false), "# mid-line");
        assert_eq!(md_inline("a\n  b\x1b[31m"), "a b␛\\[31m");
        assert_eq!(md_code("a`b"), "``a`b``");
    }

    #[test]
    fn json_lists_everything() {
        let v: Value = serde_json::from_str(&render(ExportFormat::Json)).unwrap();
        assert_eq!(v["original"], "orig_a.txt");
        let d = &v["discrepancies"];
        assert_eq!(d.as_array().unwrap().len(), 2);
        assert_eq!(d[0]["id"], "d1");
        assert_eq!(d[0]["kind"], "number");
        assert_eq!(d[0]["factual"], true);
        assert_eq!(d[0]["original"]["text"], "40");
        assert_eq!(d[0]["rewrite"]["text"], "14");
        assert_eq!(d[0]["verdict"], "confirmed");
        assert_eq!(d[0]["note"], TRICKY);
        assert_eq!(d[1]["verdict"], "unset");
        assert_eq!(v["span_notes"][0]["note"], "which mayor?");
        assert_eq!(v["orphans"][0]["kind"], "added");
        assert!(
            v["orphans"][0]["reason"]
                .as_str()
                .unwrap()
                .starts_with("orphaned")
        );
    }

    #[test]
    fn csv_round_trips_through_the_csv_reader() {
        let text = render(ExportFormat::Csv);
        let mut r = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), CSV_HEADER);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        assert_eq!(&rows[0][0], "discrepancy");
        assert_eq!(&rows[0][4], "40");
        assert_eq!(&rows[0][7], "confirmed");
        assert_eq!(&rows[0][8], TRICKY);
        assert_eq!(&rows[2][0], "span_note");
        assert_eq!(&rows[3][0], "orphan");
    }

    #[test]
    fn w3c_is_web_annotation_json_ld() {
        let v: Value = serde_json::from_str(&render(ExportFormat::W3c)).unwrap();
        assert_eq!(v["@context"], W3C_CONTEXT);
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 4);
        let first = &items[0];
        assert_eq!(first["@context"], W3C_CONTEXT);
        assert_eq!(first["type"], "Annotation");
        assert_eq!(first["body"][0]["type"], "TextualBody");
        assert_eq!(first["body"][0]["value"], TRICKY);
        assert_eq!(first["body"][0]["purpose"], "commenting");
        assert_eq!(first["body"][1]["value"], "confirmed");
        assert_eq!(first["body"][1]["purpose"], "tagging");
        let target = &first["target"][0];
        assert_eq!(target["source"], "orig_a.txt");
        assert_eq!(target["selector"][0]["type"], "TextPositionSelector");
        assert_eq!(target["selector"][0]["start"], 12);
        assert_eq!(target["selector"][1]["type"], "TextQuoteSelector");
        assert_eq!(target["selector"][1]["exact"], "40");
        assert_eq!(target["selector"][1]["prefix"], "Police said ");
        assert_eq!(first["target"][1]["source"], "rew.txt");
        assert!(first["created"].is_string() && first["modified"].is_string());
        let orphan = &items[3];
        assert_eq!(
            orphan["target"][0]["selector"].as_array().unwrap().len(),
            1,
            "quote only"
        );
    }

    #[test]
    fn w3c_positions_count_code_points() {
        let doc = Document::from("Ünïcödé 40");
        assert_eq!(code_points(&doc, doc.text().find("40").unwrap()), 8);
    }

    #[test]
    fn write_to_replaces_atomically() {
        let (c, att) = fixture();
        let export = Export {
            original_name: "a",
            rewrite_name: "b",
            comparison: &c,
            annotations: &att,
            files: None,
            only: Only::All,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.md");
        std::fs::write(&path, "old").unwrap();
        export.write_to(ExportFormat::Markdown, &path).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .starts_with("# Review of `b`")
        );
        let missing = dir.path().join("no/such/dir/x.md");
        assert!(matches!(
            export.write_to(ExportFormat::Csv, &missing),
            Err(ExportError::Write { .. })
        ));
    }

    #[test]
    fn extensions() {
        assert_eq!(ExportFormat::W3c.extension(), "jsonld");
        assert_eq!(ExportFormat::Markdown.extension(), "md");
    }
}
