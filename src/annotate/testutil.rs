//! Test fixtures: a comparison whose discrepancies are set by hand, so the
//! annotation tests do not depend on what the detectors currently flag.

use crate::engine::{Comparison, Discrepancy, Document, Kind, Span, compare};

pub const A: &str = "Police said 40 people were hurt. The mayor visited on Monday.";
pub const B: &str = "Police said 14 people were hurt. The mayor visited on Tuesday.";

/// (kind, original text, rewrite text); an empty text means no span there.
pub const FLAGS: [(Kind, &str, &str); 3] = [
    (Kind::Number, "40", "14"),
    (Kind::Date, "Monday", "Tuesday"),
    (Kind::Added, "", "mayor visited"),
];

fn find(text: &str, needle: &str) -> Option<Span> {
    let at = text.find(needle).filter(|_| !needle.is_empty())?;
    Some(Span::new(at, at + needle.len()))
}

/// The engine's comparison of `a` and `b`, with its discrepancies replaced
/// by `flags` (first occurrence of each text).
pub fn comparison(a: &Document, b: &Document, flags: &[(Kind, &str, &str)]) -> Comparison {
    let mut c = compare(a, b);
    c.discrepancies = flags
        .iter()
        .enumerate()
        .map(|(i, &(kind, x, y))| Discrepancy {
            id: format!("d{}", i + 1),
            kind,
            factual: kind != Kind::Added,
            confidence: 0.9,
            original: find(a.text(), x),
            rewrite: find(b.text(), y),
            reason: format!("{} changed", kind.label()),
            unit: 0,
        })
        .collect();
    c
}
