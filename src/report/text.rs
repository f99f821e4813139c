//! Terminal text: one block per discrepancy, coloured when asked.

use super::places::Places;
use super::view::View;
use crate::engine::{Discrepancy, Span};
use crate::sanitize::inert;
use std::fmt::Write;

/// The colours of removed and added text in a terminal report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colors {
    pub removed: &'static str,
    pub added: &'static str,
}

impl Colors {
    /// Red and green, the diff convention.
    pub const RED_GREEN: Self = Self {
        removed: "\x1b[31m",
        added: "\x1b[32m",
    };
    /// Orange and blue (256-colour): no red/green pair.
    pub const ORANGE_BLUE: Self = Self {
        removed: "\x1b[38;5;208m",
        added: "\x1b[38;5;33m",
    };
}
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

pub fn render(r: &View<'_>, color: Option<Colors>) -> String {
    let colors = color.unwrap_or(Colors::RED_GREEN);
    let paint = |code: &str, text: &str| {
        if color.is_some() {
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
        inert(r.names[0]),
        inert(r.names[1]),
        s.factual,
        s.discrepancies,
        s.original_found_share * 100.0
    );
    if s.identical {
        let _ = writeln!(out, "The texts are identical.");
    }
    let places = Places::of(r);
    for d in &r.comparison.discrepancies {
        block(&mut out, r, &places, d, colors, &paint);
    }
    out
}

fn block(
    out: &mut String,
    r: &View<'_>,
    places: &[Places<'_>; 2],
    d: &Discrepancy,
    colors: Colors,
    paint: &dyn Fn(&str, &str) -> String,
) {
    let marker = match d.tier() {
        crate::engine::Tier::Factual => paint(BOLD, "!"),
        crate::engine::Tier::Check => paint(BOLD, "?"),
        crate::engine::Tier::Wording => paint(DIM, "~"),
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
        paint(colors.removed, &side(r, 0, d.original)),
        at(&places[0], d.original)
    );
    let _ = writeln!(
        out,
        "    + {}{}",
        paint(colors.added, &side(r, 1, d.rewrite)),
        at(&places[1], d.rewrite)
    );
}

fn side(r: &View<'_>, side: usize, span: Option<Span>) -> String {
    span.map_or_else(
        || "(none)".to_owned(),
        |s| inert(&r.text(side, s).split_whitespace().collect::<Vec<_>>().join(" ")).into_owned(),
    )
}

/// What `report --explain` adds to a text or Markdown report: every
/// candidate edit a detector's guard dropped, with the guard's name.
#[must_use]
pub fn explained(r: &View<'_>) -> String {
    let dropped = &r.comparison.suppressed;
    let mut out = format!("\nDropped by guards ({}):\n", dropped.len());
    for d in dropped {
        let _ = writeln!(
            out,
            "  {}/{} ({}): {}",
            d.detector,
            d.guard,
            d.kind.label(),
            inert(&d.reason)
        );
    }
    out
}
