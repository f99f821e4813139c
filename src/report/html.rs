//! A self-contained HTML page to share a review: both texts side by side
//! with the changed words and the factual flags marked, each flag's reason,
//! verdict and note beside it. Inline CSS only: no script, no network, and
//! the marks keep a non-colour cue (strike-through, underline, bold, a
//! numbered tag) so the page reads in greyscale print too.

use super::places::Places;
use super::view::{Review, View};
use crate::engine::{Comparison, Discrepancy, Document, Span};
use std::fmt::Write;

const STYLE: &str = "
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5f6368; --line: #d0d4d9;
  --del-bg: #fde2c4; --del-ink: #7a3b00; --ins-bg: #d6e8ff; --ins-ink: #0b3d91;
  --flag: #6a1b9a; --flag-bg: #f3e5f5; }
* { box-sizing: border-box; }
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: var(--ink); margin: 2rem auto;
  max-width: 78rem; padding: 0 1rem; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
.meta { color: var(--muted); font-family: system-ui, sans-serif; font-size: .85rem; margin: 0 0 1rem; }
.legend { font-family: system-ui, sans-serif; font-size: .85rem; margin: 0 0 1rem; }
.legend span { margin-right: 1.2rem; }
table.review { width: 100%; border-collapse: collapse; table-layout: fixed; }
.review th { text-align: left; font-family: system-ui, sans-serif; font-size: .8rem; color: var(--muted);
  border-bottom: 2px solid var(--line); padding: .3rem .5rem; }
.review td { vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid var(--line); }
.review col.text { width: 37%; } .review col.flags { width: 26%; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.gap { background: repeating-linear-gradient(135deg, #fff, #fff 6px, #f1f3f4 6px, #f1f3f4 12px);
  color: var(--muted); font-style: italic; font-family: system-ui, sans-serif; font-size: .8rem; }
del { background: var(--del-bg); color: var(--del-ink); text-decoration: line-through; }
ins { background: var(--ins-bg); color: var(--ins-ink); text-decoration: underline; }
mark { background: var(--flag-bg); color: var(--flag); font-weight: bold; border-bottom: 3px double var(--flag); }
sup.tag { font: bold .7rem system-ui, sans-serif; color: var(--flag); margin-left: 1px; }
.flag { font-family: system-ui, sans-serif; font-size: .82rem; margin: 0 0 .5rem; }
.flag .id { font-weight: bold; }
.flag.factual .id { color: var(--flag); }
.flag.minor { color: var(--muted); }
.flag .place { display: block; color: var(--muted); font-size: .75rem; }
.verdict { display: inline-block; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem;
  font-size: .72rem; text-transform: uppercase; letter-spacing: .03em; }
.verdict.confirmed { color: #0b3d91; } .verdict.dismissed { color: #5f6368; } .verdict.unset { color: #8a6d00; }
.note { margin: .2rem 0 0; padding: .2rem .4rem; border-left: 3px solid var(--flag); background: #fafafa;
  white-space: pre-wrap; }
.notes li { margin-bottom: .5rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
}
";

/// Renders the whole page.
#[must_use]
pub fn render(v: &View<'_>) -> String {
    // An export lists (and marks) only the discrepancies `--only` chose,
    // each with its own verdict; both texts are shown whole.
    let (listed, reviews) = v.listed_reviews();
    let c: &Comparison = &listed;
    let s = &c.summary;
    let mut out = String::with_capacity(16 * 1024);
    let title = format!("factdiff: {} → {}", v.names[0], v.names[1]);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(&title)
    );
    let what = if reviews.is_some() { "Review" } else { "Comparison" };
    let _ = writeln!(
        out,
        "<h1>{what}: {} → {}</h1>\n<p class=\"meta\">{} factual flags among {} discrepancies · \
         {:.0}% of the original's sentences found in the rewrite · factdiff {}</p>",
        escape(v.names[0]),
        escape(v.names[1]),
        s.factual,
        s.discrepancies,
        s.original_found_share * 100.0,
        env!("CARGO_PKG_VERSION")
    );
    if let Some(reviews) = &reviews {
        let count = |label: &str| reviews.iter().filter(|r| r.verdict == label).count();
        let _ = writeln!(
            out,
            "<p class=\"meta\">Verdicts: {} confirmed, {} dismissed, {} not yet reviewed.</p>",
            count("confirmed"),
            count("dismissed"),
            count("unset")
        );
    }
    out.push_str(
        "<p class=\"legend\"><span><del>struck through</del> words of the original not in the rewrite</span>\
         <span><ins>underlined</ins> words the rewrite added</span>\
         <span><mark>bold, double-underlined</mark><sup class=\"tag\">d1</sup> a factual flag</span></p>\n",
    );
    let _ = writeln!(
        out,
        "<table class=\"review\">\n<colgroup><col class=\"text\"><col class=\"text\"><col class=\"flags\"></colgroup>\n\
         <thead><tr><th>Original: {}</th><th>Rewrite: {}</th><th>Flags</th></tr></thead>\n<tbody>",
        escape(v.names[0]),
        escape(v.names[1])
    );
    let places = Places::of(v);
    for (i, unit) in c.units.iter().enumerate() {
        let flags: Vec<(usize, &Discrepancy)> = c
            .discrepancies
            .iter()
            .enumerate()
            .filter(|(_, d)| d.unit == i)
            .collect();
        out.push_str("<tr>");
        for side in 0..2 {
            let span = if side == 0 { unit.original } else { unit.rewrite };
            match span {
                Some(span) => {
                    out.push_str("<td>");
                    text_cell(&mut out, v.docs[side], c, side, span, i);
                    out.push_str("</td>");
                }
                None => {
                    let what = if side == 0 {
                        "added in the rewrite"
                    } else {
                        "not in the rewrite"
                    };
                    let _ = write!(out, "<td class=\"gap\">({what})</td>");
                }
            }
        }
        out.push_str("<td>");
        for (index, d) in flags {
            flag(&mut out, reviews.as_deref(), &places, index, d);
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
    span_notes(&mut out, v);
    out.push_str("</body>\n</html>\n");
    out
}

fn flag(
    out: &mut String,
    reviews: Option<&[Review]>,
    places: &[Places<'_>; 2],
    index: usize,
    d: &Discrepancy,
) {
    let class = if d.factual { "factual" } else { "minor" };
    let _ = write!(
        out,
        "<div class=\"flag {class}\" id=\"{}\"><span class=\"id\">{}{}</span> {} — {}",
        escape(&d.id),
        if d.factual { "⚑ " } else { "" },
        escape(&d.id),
        escape(d.kind.label()),
        escape(&d.reason)
    );
    // Where to find it in each file: line:column and paragraph.
    let at: Vec<String> = [("original", d.original), ("rewrite", d.rewrite)]
        .into_iter()
        .zip(places)
        .filter_map(|((side, span), p)| span.map(|s| format!("{side} {}", p.label(s))))
        .collect();
    if !at.is_empty() {
        let _ = write!(out, "<span class=\"place\">{}</span>", escape(&at.join(" · ")));
    }
    if let Some(review) = reviews.and_then(|r| r.get(index)) {
        let _ = write!(
            out,
            " <span class=\"verdict {0}\">{0}</span>",
            escape(review.verdict)
        );
        if !review.note.is_empty() {
            let _ = write!(out, "<p class=\"note\">{}</p>", escape(&review.note));
        }
    }
    out.push_str("</div>");
}

fn span_notes(out: &mut String, v: &View<'_>) {
    let notes = v.span_notes();
    if notes.is_empty() {
        return;
    }
    out.push_str("<h2>Notes on the text</h2>\n<ul class=\"notes\">\n");
    for n in &notes {
        let side = if n.side == 0 { "Original" } else { "Rewrite" };
        let _ = writeln!(
            out,
            "<li>{side}: “{}” <span class=\"verdict {v}\">{v}</span><p class=\"note\">{}</p></li>",
            escape(&flat(v.docs[n.side].slice(n.span))),
            escape(&n.note),
            v = escape(n.verdict)
        );
    }
    out.push_str("</ul>\n");
}

/// One unit's text on one side with word changes and factual flags marked.
fn text_cell(out: &mut String, doc: &Document, c: &Comparison, side: usize, span: Span, unit: usize) {
    let pick = |o: Option<Span>, r: Option<Span>| if side == 0 { o } else { r };
    let hunks: Vec<Span> = c.units[unit]
        .hunks
        .iter()
        .filter_map(|h| pick(h.original, h.rewrite))
        .collect();
    let flags: Vec<(Span, &str)> = c
        .discrepancies
        .iter()
        .filter(|d| d.factual && d.unit == unit)
        .filter_map(|d| pick(d.original, d.rewrite).map(|s| (s, d.id.as_str())))
        // A flag over the whole sentence (added, removed) is marked by the
        // empty cell opposite, not by boxing the whole sentence.
        .filter(|(s, _)| *s != span)
        .collect();
    let mut cuts: Vec<usize> = vec![span.start, span.end];
    for s in hunks.iter().chain(flags.iter().map(|(s, _)| s)) {
        cuts.push(s.start.clamp(span.start, span.end));
        cuts.push(s.end.clamp(span.start, span.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let text = doc.text();
    for pair in cuts.windows(2) {
        let piece = Span::new(pair[0], pair[1]);
        let Some(raw) = text.get(piece.range()) else {
            continue;
        };
        let changed = hunks.iter().any(|h| h.start <= piece.start && piece.end <= h.end);
        let flagged = flags
            .iter()
            .any(|(f, _)| f.start <= piece.start && piece.end <= f.end);
        let mut html = escape(raw);
        if changed {
            html = if side == 0 {
                format!("<del>{html}</del>")
            } else {
                format!("<ins>{html}</ins>")
            };
        }
        if flagged {
            html = format!("<mark>{html}</mark>");
        }
        out.push_str(&html);
        for (f, id) in &flags {
            if f.end == piece.end {
                let _ = write!(
                    out,
                    "<sup class=\"tag\"><a href=\"#{0}\">{0}</a></sup>",
                    escape(id)
                );
            }
        }
    }
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The one escaper of this format: text and attribute values, with control
/// characters made visible.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::sanitize::inert(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compare;

    #[test]
    fn page_holds_both_texts_marks_and_no_outside_resources() {
        use crate::annotate::export::Only;
        use crate::annotate::{AnnotationFile, Verdict, attach};
        use crate::report::view::Verdicts;
        let a = Document::from("The <b> fire began on Monday.\n\nIt spread fast.\n");
        let b = Document::from("The <b> fire began on Friday.\n\nIt spread fast.\n");
        let c = compare(&a, &b);
        let mut att = attach(AnnotationFile::new(String::new(), String::new()), &c, &a, &b);
        for i in 0..c.discrepancies.len() {
            att.set_verdict(i, Verdict::Confirmed);
            att.set_note(i, "Checked <with> the desk");
        }
        let verdicts = Verdicts {
            annotations: &att,
            only: Only::All,
        };
        let v = View::export(["a.txt", "b & c.txt"], &c, verdicts, None);
        let page = render(&v);
        assert!(page.contains("The &lt;b&gt; fire began on"));
        assert!(
            page.contains("<mark><del>Monday</del></mark>") || page.contains("<del><mark>Monday"),
            "{page}"
        );
        assert!(page.contains("<ins>Friday</ins>"), "{page}");
        assert!(page.contains("b &amp; c.txt"));
        assert!(page.contains("Checked &lt;with&gt; the desk"));
        assert!(page.contains("verdict confirmed"));
        for outside in ["<script", "http://", "https://", "src=", "@import", "url("] {
            assert!(!page.contains(outside), "{outside}");
        }
    }
}
