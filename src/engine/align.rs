//! Sentence alignment between the two documents.
//!
//! Near-linear in the documents' length: confident 1-1 pairs found through
//! rare shared words form an increasing chain of anchors ([`anchors`]); a
//! dynamic programme aligns only the gaps between anchors, banded when a gap
//! is large ([`gap`]); unrelated "matches" are split; leftover removed and
//! added sentences are paired out of order as moves ([`moves`]); units are
//! then put in reading order ([`order`]).

mod anchors;
mod gap;
mod moves;
mod order;
#[cfg(test)]
mod tests;

use super::segment::{Segmented, Sentence};
use super::similarity::{Profiles, SentenceProfile, SentenceText, Similarity};
use super::text::Document;
use serde::Serialize;
use std::ops::Range;

/// How a unit relates the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// Corresponding sentences, in order.
    Match,
    /// Corresponding sentences found out of order.
    Moved,
    /// Rewrite sentences with no counterpart.
    Added,
    /// Original sentences with no counterpart.
    Removed,
}

/// A correspondence between consecutive sentences of each side. A side is
/// `None` when it has no counterpart. Ranges index `Segmented::sentences`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedUnit {
    pub original: Option<Range<usize>>,
    pub rewrite: Option<Range<usize>>,
    pub kind: UnitKind,
    /// Similarity of the two sides in 0..=1 (0 for one-sided units).
    pub score: f32,
}

impl AlignedUnit {
    fn removed(i: usize) -> Self {
        Self {
            original: Some(i..i + 1),
            rewrite: None,
            kind: UnitKind::Removed,
            score: 0.0,
        }
    }

    fn added(j: usize) -> Self {
        Self {
            original: None,
            rewrite: Some(j..j + 1),
            kind: UnitKind::Added,
            score: 0.0,
        }
    }
}

/// Aligns the sentences of `a` (original) with those of `b` (rewrite).
///
/// Units come in reading order of the original; a one-sided rewrite unit
/// follows the unit holding the rewrite sentence before it. Every sentence of
/// either side is in exactly one unit.
#[must_use]
pub fn align(a_doc: &Document, a: &Segmented, b_doc: &Document, b: &Segmented) -> Vec<AlignedUnit> {
    let profiles = Profiles::new(
        a.sentences.iter().map(|s| text(a_doc, s)),
        b.sentences.iter().map(|s| text(b_doc, s)),
    );
    align_profiles(&profiles)
}

fn text<'d>(doc: &'d Document, s: &Sentence) -> SentenceText<'d> {
    SentenceText {
        text: doc.slice(s.span),
        header: s.header,
        paragraph: s.paragraph,
    }
}

/// A 1-1 or many-sided match whose lexical similarity is below this shares
/// next to no content words: it is a removal next to an addition.
const UNRELATED_LEXICAL: f32 = 0.08;

/// [`align`] on profiles already built.
#[must_use]
pub fn align_profiles(p: &Profiles) -> Vec<AlignedUnit> {
    let (pa, pb) = (&p.a[..], &p.b[..]);
    let cuts = anchors::cut_points(pa, pb, p.vocabulary);
    let mut steps = Vec::new();
    for w in cuts.windows(2) {
        steps.extend(gap::align_gap(pa, pb, w[0], w[1]));
    }
    let mut units = Vec::with_capacity(steps.len());
    for s in steps {
        push_step(&mut units, s);
    }
    moves::pair_moves(pa, pb, &mut units);
    order::reading_order(units, pb.len())
}

/// One step of the in-order alignment with how alike its sides are.
#[derive(Debug, Clone)]
pub(crate) struct Step {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub sim: Similarity,
}

/// Turns a step into units, splitting a match of unrelated sentences.
fn push_step(units: &mut Vec<AlignedUnit>, s: Step) {
    let related = s.sim.lexical >= UNRELATED_LEXICAL;
    if !s.a.is_empty() && !s.b.is_empty() && related {
        units.push(AlignedUnit {
            score: s.sim.combined(),
            original: Some(s.a),
            rewrite: Some(s.b),
            kind: UnitKind::Match,
        });
        return;
    }
    units.extend(s.a.map(AlignedUnit::removed));
    units.extend(s.b.map(AlignedUnit::added));
}

/// Whether two sentences may stand in one unit with each other: a heading
/// only ever pairs with a heading, one to one.
pub(crate) fn compatible(a: &[SentenceProfile], b: &[SentenceProfile]) -> bool {
    let headed = a.iter().chain(b).any(|p| p.header);
    !headed || (a.len() == 1 && b.len() == 1 && a[0].header && b[0].header)
}
