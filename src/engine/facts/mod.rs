//! Fact detection: each detector family compares what one aligned unit says
//! on each side and reports the differences as findings.

mod attribution;
pub mod context;
mod contrast;
mod dates;
mod items;
pub mod lists;
pub mod names;
pub mod numbers;
mod place;
mod polarity;
pub mod quotes;
mod ranks;
pub mod regroup;
mod relations;
mod scope;
mod structural;
mod swap;
mod truncation;

use super::comparison::Unit;
use super::diff::{WordHunk, word_diff, word_diff_folded};
use super::discrepancy::{Finding, Kind};
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
    /// Whether the rewrite is a condensation of the original (see
    /// [`structural::condensed`]): read once for the whole document.
    pub condensed: bool,
}

/// A named condition under which a detector drops a candidate edit it
/// found, because the change is no change of fact ("$35m" / "$35
/// million"). Dropped candidates are listed by `report --explain`.
#[derive(Debug)]
pub struct Guard {
    pub name: &'static str,
    /// What the guard keeps out, in one line.
    pub keeps_out: &'static str,
}

/// A detector family, declared where it is written (each module's
/// `DETECTOR`) and listed once in [`DETECTORS`].
pub struct Detector {
    /// Short name, as in `report --explain`.
    pub name: &'static str,
    /// The kinds of flag it raises.
    pub kinds: &'static [Kind],
    /// What it catches, in one line.
    pub catches: &'static str,
    /// Its named guards; a candidate it drops names one of them.
    pub guards: &'static [Guard],
    pub run: fn(&UnitCx<'_>) -> Vec<Finding>,
}

impl Detector {
    /// The declared guard of this name.
    #[must_use]
    pub fn guard(&self, name: &str) -> Option<&'static Guard> {
        self.guards.iter().find(|g| g.name == name)
    }
}

/// The detectors that compare the two sides of a matched unit, in order
/// of precedence: of two findings of one edit with equal confidence, the
/// one listed first is kept.
pub const DETECTORS: &[&Detector] = &[
    &quotes::DETECTOR,
    &names::DETECTOR,
    &numbers::DETECTOR,
    &dates::DETECTOR,
    &place::DETECTOR,
    &polarity::DETECTOR,
    &attribution::DETECTOR,
    &truncation::DETECTOR,
    &contrast::DETECTOR,
    &relations::DETECTOR,
    &ranks::DETECTOR,
    &scope::DETECTOR,
    &items::DETECTOR,
    &swap::DETECTOR,
];

/// Runs every detector on every unit; returns the findings of each unit
/// (in unit order), its reported findings first, then the candidates its
/// guards dropped (`guard` set).
#[must_use]
pub fn detect(
    a: &Document,
    sa: &Segmented,
    b: &Document,
    sb: &Segmented,
    units: &[Unit],
    on_unit: &dyn Fn(usize),
) -> Vec<Vec<Finding>> {
    let (ia, ib) = indexes(a, sa, b, sb);
    detect_indexed(a, sa, b, sb, units, [&ia, &ib], on_unit)
}

/// The document indexes [`detect`] reads, both built at once (a caller
/// may build them early, beside other work, and pass them to
/// [`detect_indexed`]).
#[must_use]
pub fn indexes(a: &Document, sa: &Segmented, b: &Document, sb: &Segmented) -> (DocIndex, DocIndex) {
    rayon::join(|| DocIndex::new(a, sa), || DocIndex::new(b, sb))
}

/// [`detect`] with the documents' indexes made already ([`indexes`] of
/// the same documents and segments).
#[must_use]
pub fn detect_indexed(
    a: &Document,
    sa: &Segmented,
    b: &Document,
    sb: &Segmented,
    units: &[Unit],
    [ia, ib]: [&DocIndex; 2],
    on_unit: &dyn Fn(usize),
) -> Vec<Vec<Finding>> {
    // Units are independent of each other: chunks of them run in parallel
    // and come back in unit order, so the findings do not depend on the
    // number of threads.
    let condensed = structural::condensed(sa, units);
    let per_unit = |_: usize, unit: &Unit| {
        let view = UnitView {
            a,
            b,
            sa,
            sb,
            unit,
            condensed,
        };
        let sides = sides(&view, [ia, ib]);
        unit_findings(&view, sides)
    };
    super::par::map_in_order(units, per_unit, on_unit)
}

/// [`detect_indexed`] of units whose word diffs are not made yet: each
/// unit's diff is made from the tokens its detectors read (one
/// tokenisation of each side, not two), the same hunks
/// [`crate::engine::diff::word_diff`] gives. Returns each unit's hunks
/// and findings, in unit order.
#[must_use]
pub fn diff_and_detect_indexed(
    a: &Document,
    sa: &Segmented,
    b: &Document,
    sb: &Segmented,
    units: &[Unit],
    [ia, ib]: [&DocIndex; 2],
    on_unit: &dyn Fn(usize),
) -> Vec<(Vec<WordHunk>, Vec<Finding>)> {
    let condensed = structural::condensed(sa, units);
    let per_unit = |_: usize, unit: &Unit| {
        let view = UnitView {
            a,
            b,
            sa,
            sb,
            unit,
            condensed,
        };
        let sides = sides(&view, [ia, ib]);
        let hunks = match (&sides, unit.original, unit.rewrite) {
            (Some((x, y)), _, _) => word_diff_folded(&x.toks, &y.toks),
            (None, Some(x), Some(y)) => word_diff(a, x, b, y),
            _ => Vec::new(),
        };
        let unit = Unit {
            hunks,
            ..unit.clone()
        };
        let view = UnitView { unit: &unit, ..view };
        let found = unit_findings(&view, sides);
        (unit.hunks, found)
    };
    super::par::map_in_order(units, per_unit, on_unit)
}

/// The tokens of both sides of a unit, when the detectors compare them:
/// a unit with text on both sides that differs.
fn sides<'a>(view: &UnitView<'a>, [ia, ib]: [&'a DocIndex; 2]) -> Option<(Side<'a>, Side<'a>)> {
    let (Some(x), Some(y)) = (view.unit.original, view.unit.rewrite) else {
        return None;
    };
    // Word for word the same: whatever a detector might read into the
    // context, the rewrite says exactly what the original says here.
    if view.a.slice(x) == view.b.slice(y) {
        return None;
    }
    Some((
        Side::new(view.a, ia, view.sa, x),
        Side::new(view.b, ib, view.sb, y),
    ))
}

/// The findings of one unit (`sides`: its tokens, when the detectors
/// compare them; see [`sides`]): the reported ones first, then the
/// candidates its guards dropped.
fn unit_findings(view: &UnitView<'_>, sides: Option<(Side<'_>, Side<'_>)>) -> Vec<Finding> {
    let mut found = structural::detect(view);
    if let Some((side_a, side_b)) = sides {
        // The unit's display diff is this diff: read the map off it.
        let map = TokenMap::from_hunks(&side_a, &side_b, &view.unit.hunks);
        let cx = UnitCx {
            a: side_a,
            b: side_b,
            map,
        };
        for detector in DETECTORS {
            found.extend((detector.run)(&cx).into_iter().map(|mut f| {
                f.detector = detector.name;
                debug_assert!(
                    f.guard.is_none_or(|g| detector.guard(g).is_some()),
                    "{} drops by an undeclared guard {:?}",
                    detector.name,
                    f.guard
                );
                f
            }));
        }
    }
    if headings(view) {
        for f in &mut found {
            if !matches!(f.kind, Kind::Number | Kind::Name | Kind::Date | Kind::Place) {
                f.confidence = f.confidence.min(HEADING_CONF);
            }
        }
    }
    let (dropped, found): (Vec<Finding>, Vec<Finding>) = found.into_iter().partition(|f| f.guard.is_some());
    // A buffer of its own, just big enough: it is kept until every
    // unit is done.
    let kept = dedupe(found);
    let mut out = Vec::with_capacity(kept.len() + dropped.len());
    out.extend(kept);
    out.extend(dropped);
    out
}

/// Confidence at most of a finding other than a figure, a name, a date or
/// a place between two headings: a headline is rewritten freely
/// ("Blizzard Leaves Thousands Without Power" / "Thousands Left in the
/// Dark as Blizzard Batters …"), and the body states the facts it sums up;
/// the finding stays in the check tier.
const HEADING_CONF: f32 = 0.3;

/// Whether both sides of a unit are headings (see
/// [`crate::engine::segment::Sentence::header`]).
fn headings(view: &UnitView<'_>) -> bool {
    let all = |seg: &Segmented, r: Option<&std::ops::Range<usize>>| {
        r.is_some_and(|r| !r.is_empty() && r.clone().all(|i| seg.sentences[i].header))
    };
    all(view.sa, view.unit.original_sentences.as_ref()) && all(view.sb, view.unit.rewrite_sentences.as_ref())
}

/// One edit, one flag: of findings whose spans overlap on both sides
/// (or on the one side they both have), keeps the most confident; on a
/// tie, the detector listed first. Plain rewording is a summary of the
/// whole unit and never competes.
fn dedupe(found: Vec<Finding>) -> Vec<Finding> {
    let mut order: Vec<usize> = (0..found.len()).collect();
    // Stable: equal confidences keep the detectors' order.
    order.sort_by(|&x, &y| found[y].confidence.total_cmp(&found[x].confidence));
    let mut kept: Vec<usize> = Vec::with_capacity(found.len());
    for i in order {
        let f = &found[i];
        if !kept.iter().any(|&k| same_edit(&found[k], f)) {
            kept.push(i);
        }
    }
    kept.sort_unstable();
    let mut keep = vec![false; found.len()];
    for k in kept {
        keep[k] = true;
    }
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect()
}

/// Whether two findings describe the same edit.
fn same_edit(x: &Finding, y: &Finding) -> bool {
    if x.original == y.original && x.rewrite == y.rewrite {
        return true;
    }
    if x.kind == Kind::Wording || y.kind == Kind::Wording {
        return false;
    }
    let overlap = |p: Option<Span>, q: Option<Span>| match (p, q) {
        (Some(p), Some(q)) => p.start < q.end && q.start < p.end,
        _ => false,
    };
    let both = |p: Option<Span>, q: Option<Span>| p.is_some() && q.is_some();
    let a = overlap(x.original, y.original);
    let b = overlap(x.rewrite, y.rewrite);
    match (both(x.original, y.original), both(x.rewrite, y.rewrite)) {
        (true, true) => a && b,
        (true, false) => a,
        (false, true) => b,
        (false, false) => false,
    }
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
