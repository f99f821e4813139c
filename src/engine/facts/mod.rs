//! Fact detection: each detector family compares what one aligned unit says
//! on each side and reports the differences as findings.

mod structural;

use super::comparison::Unit;
use super::discrepancy::Finding;
use super::segment::Segmented;
use super::text::Document;

/// Everything detectors may read about one aligned unit.
pub struct UnitView<'a> {
    pub a: &'a Document,
    pub b: &'a Document,
    pub sa: &'a Segmented,
    pub sb: &'a Segmented,
    pub unit: &'a Unit,
}

/// Runs every detector on every unit; returns findings tagged by unit index.
#[must_use]
pub fn detect(
    a: &Document,
    sa: &Segmented,
    b: &Document,
    sb: &Segmented,
    units: &[Unit],
) -> Vec<(usize, Finding)> {
    let mut out = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let view = UnitView { a, b, sa, sb, unit };
        for f in structural::detect(&view) {
            out.push((i, f));
        }
    }
    out
}
