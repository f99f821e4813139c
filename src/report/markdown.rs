//! A Markdown review list: factual flags first, then the rewording shown for
//! completeness.

use super::places::Places;
use super::view::View;
use crate::engine::{Discrepancy, Span};
use crate::sanitize::inert;
use std::fmt::Write;

pub fn render(r: &View<'_>) -> String {
    let s = &r.comparison.summary;
    let mut out = String::new();
    let _ = writeln!(out, "# factdiff review\n");
    let _ = writeln!(out, "- Original: `{}`", inert(r.names[0]));
    let _ = writeln!(out, "- Rewrite: `{}`", inert(r.names[1]));
    let _ = writeln!(
        out,
        "- {} factual flags among {} discrepancies; {:.0}% of the original's sentences found in the rewrite\n",
        s.factual,
        s.discrepancies,
        s.original_found_share * 100.0
    );
    let (factual, other): (Vec<&Discrepancy>, Vec<&Discrepancy>) =
        r.comparison.discrepancies.iter().partition(|d| d.factual);
    let (check, other): (Vec<&Discrepancy>, Vec<&Discrepancy>) = other
        .into_iter()
        .partition(|d| d.tier() == crate::engine::Tier::Check);
    let _ = writeln!(out, "## Factual edits\n");
    if factual.is_empty() {
        let _ = writeln!(out, "None found.\n");
    }
    let places = Places::of(r);
    for d in factual {
        item(&mut out, r, &places, d);
    }
    if !check.is_empty() {
        let _ = writeln!(out, "## To check: meaning may have changed\n");
        for d in check {
            item(&mut out, r, &places, d);
        }
    }
    let _ = writeln!(out, "## Other differences\n");
    for d in other {
        item(&mut out, r, &places, d);
    }
    out
}

fn item(out: &mut String, r: &View<'_>, places: &[Places<'_>; 2], d: &Discrepancy) {
    let _ = writeln!(out, "### {} · {} — {}\n", d.id, d.kind.label(), escape(&d.reason));
    let _ = writeln!(out, "- Original: {}", quoted(r, &places[0], 0, d.original));
    let _ = writeln!(out, "- Rewrite: {}\n", quoted(r, &places[1], 1, d.rewrite));
}

fn quoted(r: &View<'_>, places: &Places<'_>, side: usize, span: Option<Span>) -> String {
    span.map_or_else(
        || "—".to_owned(),
        |s| {
            format!(
                "“{}” ({}; bytes {}–{})",
                escape(&r.text(side, s)),
                places.label(s),
                s.start,
                s.end
            )
        },
    )
}

/// Keeps document text from being read as Markdown structure.
pub(super) fn escape(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len());
    for c in inert(&flat).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
