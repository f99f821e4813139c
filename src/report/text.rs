//! Terminal text: one block per discrepancy, coloured when asked.

use super::Report;
use super::places::Places;
use crate::engine::{Discrepancy, Document, Span};
use crate::sanitize::inert;
use std::fmt::Write;

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

pub fn render(r: &Report<'_>, color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("{code}{text}{RESET}")
        } else {
            text.to_owned()
        }
    };
    let s = &r.comparison.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} → {}: {} factual flags, {} discrepancies, {:.0}% of original sentences found",
        inert(r.original_name),
        inert(r.rewrite_name),
        s.factual,
        s.discrepancies,
        s.original_found_share * 100.0
    );
    if s.identical {
        let _ = writeln!(out, "The texts are identical.");
    }
    let places = Places::of(r);
    for d in &r.comparison.discrepancies {
        block(&mut out, r, &places, d, &paint);
    }
    out
}

fn block(
    out: &mut String,
    r: &Report<'_>,
    places: &[Places<'_>; 2],
    d: &Discrepancy,
    paint: &dyn Fn(&str, &str) -> String,
) {
    let marker = if d.factual {
        paint(BOLD, "!")
    } else {
        paint(DIM, "~")
    };
    let _ = writeln!(
        out,
        "\n{marker} {} {:<11} {}",
        d.id,
        d.kind.label(),
        inert(&d.reason)
    );
    let at = |p: &Places<'_>, span: Option<Span>| {
        span.map_or_else(String::new, |s| paint(DIM, &format!("  ({})", p.label(s))))
    };
    let _ = writeln!(
        out,
        "    - {}{}",
        paint(RED, &side(r.original, d.original)),
        at(&places[0], d.original)
    );
    let _ = writeln!(
        out,
        "    + {}{}",
        paint(GREEN, &side(r.rewrite, d.rewrite)),
        at(&places[1], d.rewrite)
    );
}

fn side(doc: &Document, span: Option<Span>) -> String {
    span.map_or_else(
        || "(none)".to_owned(),
        |s| inert(&doc.slice(s).split_whitespace().collect::<Vec<_>>().join(" ")).into_owned(),
    )
}
