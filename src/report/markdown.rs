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
    let _ = writeln!(out, "- Original: {}", code(r.names[0]));
    let _ = writeln!(out, "- Rewrite: {}", code(r.names[1]));
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

/// Text on one Markdown line: whitespace runs folded (so quotes spanning
/// lines stay in their bullet or table cell), then [`escape_line`].
pub(crate) fn escape(text: &str) -> String {
    escape_line(&fold(text), false)
}

/// The one escaper of this format: keeps document text, notes and reasons
/// from being read as Markdown structure (emphasis, links, code, HTML,
/// strike-through, tables, headings, quotes) and control characters inert;
/// at the start of a line a list marker too. The page stays readable when
/// pasted into a plain-text email.
pub(crate) fn escape_line(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in inert(text).chars().enumerate() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) || (line_start && i == 0 && matches!(c, '-' | '+'))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A file name as a code span (no escapes needed inside), with a fence
/// longer than any backtick run in the name.
pub(crate) fn code(name: &str) -> String {
    let flat = fold(&inert(name));
    let longest = flat.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
