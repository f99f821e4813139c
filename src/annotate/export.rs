//! Export of discrepancies with their verdicts and notes: a Markdown report
//! for an editor's email, JSON and CSV for tools, and W3C Web Annotation
//! JSON-LD for annotation software. These are the export forms of the
//! formats of [`View::render`](crate::report::view::View::render), read
//! from the same view as every report.

use super::attach::{Attached, OrphanReason};
use super::model::{Anchor, Annotation, Side, Target, Verdict};
use super::store::write_atomic;
use crate::engine::lines::LineIndex;
use crate::engine::{Discrepancy, Document, Span};
use crate::report::Format;
use crate::report::markdown as md;
use crate::report::view::View;
use serde::Serialize;
use serde_json::{Value, json};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write '{path}': {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Which discrepancies an export lists (`export --only`). Notes on text
/// and orphaned annotations are listed whatever the choice: they are the
/// reviewer's own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Only {
    /// Every discrepancy.
    #[default]
    All,
    /// Factual flags only, without plain rewording.
    Factual,
    /// Discrepancies with a verdict or a note.
    Reviewed,
}

/// Renders `view` in `format` and writes it to `path` atomically (the old
/// file, if any, stays whole until the new one is complete).
///
/// # Errors
/// I/O failures.
pub fn write_to(view: &View<'_>, format: Format, path: &Path) -> Result<(), ExportError> {
    let text = view.render(format, None);
    write_atomic(path, text.as_bytes()).map_err(|source| ExportError::Write {
        path: path.to_owned(),
        source,
    })
}

/// The list formats of `view`: Markdown and JSON with verdicts, CSV and
/// W3C with or without (a report's rows have none). Text and HTML are
/// rendered by the report module; asked here, they get the JSON list.
pub(crate) fn render(view: &View<'_>, format: Format) -> String {
    let export = Export { view };
    let entries = export.entries();
    match format {
        Format::Markdown => export.markdown(&entries),
        Format::Csv => csv_text(&entries),
        Format::W3c => export.w3c(&entries),
        Format::Json | Format::Text | Format::Html => export.json(&entries),
    }
}

/// An export being rendered: the view, whose verdicts (if any) carry the
/// annotations and both compared texts.
struct Export<'v, 'a> {
    view: &'v View<'a>,
}

impl<'a> Export<'_, 'a> {
    fn annotations(&self) -> Option<&'a Attached> {
        self.view.verdicts.map(|v| v.annotations)
    }

    fn verdict(&self, i: usize) -> Verdict {
        self.annotations().map_or(Verdict::Unset, |a| a.verdict(i))
    }

    fn note(&self, i: usize) -> &'a str {
        self.annotations().map_or("", |a| a.note(i))
    }

    /// Every discrepancy, then the span notes, then the orphans.
    fn entries(&self) -> Vec<Entry<'a>> {
        let discrepancies = self
            .view
            .comparison
            .discrepancies
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.view.listed(i));
        let mut out: Vec<Entry<'a>> = discrepancies.map(|(i, d)| self.discrepancy_entry(i, d)).collect();
        if let Some(att) = self.annotations() {
            out.extend(
                att.span_notes()
                    .map(|(a, side, span)| self.span_entry(a, side, span)),
            );
            out.extend(att.orphans().map(|(a, why)| self.orphan_entry(a, why)));
        }
        self.add_places(&mut out);
        out
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

    fn discrepancy_entry(&self, i: usize, d: &Discrepancy) -> Entry<'a> {
        let ann = self.annotations().and_then(|a| a.annotation(i));
        Entry {
            section: Section::Discrepancy,
            id: d.id.clone(),
            kind: d.kind.label().to_owned(),
            factual: Some(d.factual),
            original: d.original.map(|s| self.quote(Side::Original, s)),
            rewrite: d.rewrite.map(|s| self.quote(Side::Rewrite, s)),
            reason: d.reason.clone(),
            verdict: self.verdict(i),
            note: self.note(i).to_owned(),
            annotation_id: ann.map(|a| a.id.clone()),
            annotation: ann,
        }
    }

    fn span_entry(&self, a: &'a Annotation, side: Side, span: Span) -> Entry<'a> {
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

    fn orphan_entry(&self, a: &'a Annotation, why: OrphanReason) -> Entry<'a> {
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
                    .view
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
        let k = side_index(side);
        let shown = self.view.docs[k].text().get(span.range()).unwrap_or_default();
        let span = self.view.files.map_or(span, |f| f[k].to_file(span));
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

    /// The text spans index: the file as read.
    fn file(&self, side: Side) -> &'a Document {
        let k = side_index(side);
        self.view.files.map_or(self.view.docs[k], |f| &f[k].file)
    }

    const fn name(&self, side: Side) -> &'a str {
        self.view.names[side_index(side)]
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

impl Export<'_, '_> {
    fn markdown(&self, entries: &[Entry<'_>]) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# Review of {}\n", md::code(self.view.names[1]));
        let _ = writeln!(
            out,
            "Compared with the original {}.\n",
            md::code(self.view.names[0])
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
        md::escape(&e.id),
        md::escape(&e.kind)
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
                md::escape(q.shown.as_ref().unwrap_or(&q.text))
            );
        }
    }
    let _ = writeln!(out, "- **Why flagged:** {}", md::escape(&e.reason));
    if e.note.trim().is_empty() {
        let _ = writeln!(out);
        return;
    }
    let _ = writeln!(out, "- **Note:**\n");
    for line in e.note.lines() {
        // A quoted block inside the list item keeps the reviewer's line breaks.
        let _ = writeln!(out, "  > {}", md::escape_line(line, true));
    }
    let _ = writeln!(out);
}

// -------------------------------------------------------------------- JSON

impl Export<'_, '_> {
    fn json(&self, entries: &[Entry<'_>]) -> String {
        let pick = |s: Section| entries.iter().filter(|e| e.section == s).collect::<Vec<_>>();
        let value = json!({
            "original": self.view.names[0],
            "rewrite": self.view.names[1],
            "discrepancies": pick(Section::Discrepancy),
            "span_notes": pick(Section::SpanNote),
            "orphans": pick(Section::Orphan),
        });
        crate::report::json::to_string(&value)
    }
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

fn csv_text(entries: &[Entry<'_>]) -> String {
    let mut out = String::new();
    csv_record(&mut out, &CSV_HEADER);
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
        csv_record(
            &mut out,
            &[
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
            ],
        );
    }
    out
}

/// One CSV record, ended by a newline.
fn csv_record(out: &mut String, fields: &[&str]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_escape(field));
    }
    out.push('\n');
}

/// The one escaper of this format (RFC 4180): a field holding a comma, a
/// quote or a line break is quoted, its quotes doubled; others are as they are.
fn csv_escape(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\r', '\n']) {
        std::borrow::Cow::Owned(format!("\"{}\"", field.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(field)
    }
}

// --------------------------------------------------------------------- W3C

/// The W3C Web Annotation JSON-LD context.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

impl Export<'_, '_> {
    /// An `AnnotationCollection` with one page holding an `Annotation` per
    /// entry. Position selectors count Unicode code points, as the W3C model
    /// defines them (our files count bytes); an orphan has only its quote
    /// selector, since its old position means nothing in the current text.
    fn w3c(&self, entries: &[Entry<'_>]) -> String {
        let items: Vec<Value> = entries.iter().map(|e| self.w3c_annotation(e)).collect();
        crate::report::json::to_string(&json!({
            "@context": W3C_CONTEXT,
            "type": "AnnotationCollection",
            "label": format!("factdiff review of {} against {}", self.view.names[1], self.view.names[0]),
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
    use crate::engine::Comparison;
    use crate::report::view::Verdicts;

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

    fn verdicts(att: &Attached) -> Verdicts<'_> {
        Verdicts {
            annotations: att,
            only: Only::All,
        }
    }

    fn render(format: Format) -> String {
        let (c, att) = fixture();
        View::export(["orig_a.txt", "rew.txt"], &c, verdicts(&att), None).render(format, None)
    }

    #[test]
    fn markdown_is_a_readable_report() {
        let md = render(Format::Markdown);
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
        assert_eq!(md::escape_line("# not a heading", true), "\\# not a heading");
        assert_eq!(md::escape_line("- a list?", true), "\\- a list?");
        assert_eq!(md::escape_line("- mid-line", false), "- mid-line");
        assert_eq!(md::escape("a\n  b\x1b[31m"), "a b␛\\[31m");
        // Strike-through and table cells too: one escaper for reports,
        // exports and the several-copies table.
        assert_eq!(md::escape("~~x~~ | y"), "\\~\\~x\\~\\~ \\| y");
        assert_eq!(md::code("a`b"), "``a`b``");
    }

    #[test]
    fn json_lists_everything() {
        let v: Value = serde_json::from_str(&render(Format::Json)).unwrap();
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
        let text = render(Format::Csv);
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

    /// The CSV escaper writes what the csv crate writes (RFC 4180,
    /// quoting only where needed), byte for byte.
    #[test]
    fn csv_escaper_matches_the_csv_crate() {
        let fields = [
            "plain",
            "",
            " lead",
            "a,b",
            "say \"no\"",
            "two\nlines",
            "cr\rhere",
            "#1",
            "‘40’ → ‘14’",
        ];
        let mut reversed = fields;
        reversed.reverse();
        let mut ours = String::new();
        let mut w = csv::Writer::from_writer(Vec::new());
        for record in [fields, reversed] {
            csv_record(&mut ours, &record);
            w.write_record(record).unwrap();
        }
        assert_eq!(ours, String::from_utf8(w.into_inner().unwrap()).unwrap());
    }

    #[test]
    fn w3c_is_web_annotation_json_ld() {
        let v: Value = serde_json::from_str(&render(Format::W3c)).unwrap();
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
        let export = View::export(["a", "b"], &c, verdicts(&att), None);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("review.md");
        std::fs::write(&path, "old").unwrap();
        write_to(&export, Format::Markdown, &path).unwrap();
        assert!(
            std::fs::read_to_string(&path)
                .unwrap()
                .starts_with("# Review of `b`")
        );
        let missing = dir.path().join("no/such/dir/x.md");
        assert!(matches!(
            write_to(&export, Format::Csv, &missing),
            Err(ExportError::Write { .. })
        ));
    }

    #[test]
    fn extensions() {
        assert_eq!(Format::W3c.extension(), "jsonld");
        assert_eq!(Format::Markdown.extension(), "md");
    }
}
