//! Fact detection: each detector family compares what one aligned unit says
//! on each side and reports the differences as findings.

mod attribution;
pub mod context;
mod contrast;
mod dates;
pub mod lists;
pub mod names;
pub mod numbers;
mod place;
mod polarity;
pub mod quotes;
mod structural;
mod swap;
mod truncation;

use super::comparison::Unit;
use super::discrepancy::Finding;
use super::segment::Segmented;
use super::text::{Document, Span};
use context::{DocIndex, Side, TokenMap, UnitCx};

/// Everything detectors may read about one aligned unit.
pub struct UnitView<'a> {
    pub a: &'a Document,
    pub b: &'a Document,
    pub sa: &'a Segmented,
    pub sb: &'a Segmented,
    pub unit: &'a Unit,
}

/// The detectors that compare the two sides of a matched unit.
const DETECTORS: &[fn(&UnitCx<'_>) -> Vec<Finding>] = &[
    quotes::detect,
    names::detect,
    numbers::detect,
    dates::detect,
    place::detect,
    polarity::detect,
    attribution::detect,
    truncation::detect,
    contrast::detect,
    swap::detect,
];

/// Runs every detector on every unit; returns findings tagged by unit index.
#[must_use]
pub fn detect(
    a: &Document,
    sa: &Segmented,
    b: &Document,
    sb: &Segmented,
    units: &[Unit],
) -> Vec<(usize, Finding)> {
    let ia = DocIndex::new(a, sa);
    let ib = DocIndex::new(b, sb);
    let mut out = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let view = UnitView { a, b, sa, sb, unit };
        let mut found = structural::detect(&view);
        // Word for word the same: whatever a detector might read into the
        // context, the rewrite says exactly what the original says here.
        let same_words = |x: Span, y: Span| a.slice(x) == b.slice(y);
        if let (Some(sa_span), Some(sb_span)) = (unit.original, unit.rewrite)
            && !same_words(sa_span, sb_span)
        {
            let side_a = Side::new(a, &ia, sa, sa_span);
            let side_b = Side::new(b, &ib, sb, sb_span);
            let map = TokenMap::new(&side_a, &side_b);
            let cx = UnitCx {
                a: side_a,
                b: side_b,
                map,
            };
            for detector in DETECTORS {
                found.extend(detector(&cx));
            }
        }
        out.extend(dedupe(found).into_iter().map(|f| (i, f)));
    }
    out
}

/// Keeps one finding per pair of spans: the most confident.
fn dedupe(mut found: Vec<Finding>) -> Vec<Finding> {
    found.sort_by(|x, y| y.confidence.total_cmp(&x.confidence));
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    for f in found {
        if !kept
            .iter()
            .any(|k| k.original == f.original && k.rewrite == f.rewrite)
        {
            kept.push(f);
        }
    }
    kept
}

/// Text for a one-line reason: whitespace collapsed, control characters
/// made visible, cut at a readable length.
#[must_use]
pub fn clip(text: &str) -> String {
    const MAX: usize = 80;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let flat = crate::sanitize::inert(&flat).into_owned();
    if flat.chars().count() <= MAX {
        flat
    } else {
        format!("{}…", flat.chars().take(MAX).collect::<String>())
    }
}

#[cfg(test)]
mod tests;
