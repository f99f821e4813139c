//! Sentence alignment between the two documents.
//!
//! Near-linear in the documents' length: confident 1-1 pairs found through
//! rare shared words form an increasing chain of anchors ([`anchors`]); a
//! dynamic programme aligns only the gaps between anchors, banded when a gap
//! is large ([`gap`]); unrelated "matches" are split; leftover removed and
//! added sentences are paired out of order as moves ([`moves`]), and the
//! leftovers beside a move or forming a whole moved paragraph are aligned
//! with it ([`neighbours`]); units are then put in reading order ([`order`]).

mod anchors;
mod gap;
mod moves;
mod neighbours;
pub(crate) use neighbours::{drop_gone, holders};
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
    let mut units = align_profiles(&profiles);
    absorb_clauses(&mut units, |k| continues(a_doc, a, k), |k| continues(b_doc, b, k));
    units
}

/// Whether sentence `k` continues the one before it: segmentation cut the
/// two apart at a `;` or `:`, not at a full stop.
fn continues(doc: &Document, seg: &Segmented, k: usize) -> bool {
    k > 0
        && k < seg.sentences.len()
        && seg.sentences[k - 1].paragraph == seg.sentences[k].paragraph
        && doc
            .slice(seg.sentences[k - 1].span)
            .trim_end()
            .ends_with([';', ':'])
}

/// Units either side of an unmatched clause searched for its sentence.
const NEIGHBOURS: usize = 3;

/// A clause that segmentation split off at a `;` or `:` and that found no
/// counterpart of its own joins the matched unit holding the rest of its
/// sentence: a writer who turned two sentences into one with a semicolon
/// added no sentence, and the facts inside it are compared with the
/// original's.
fn absorb_clauses(
    units: &mut Vec<AlignedUnit>,
    a_continues: impl Fn(usize) -> bool,
    b_continues: impl Fn(usize) -> bool,
) {
    let matched = |u: &AlignedUnit| matches!(u.kind, UnitKind::Match | UnitKind::Moved);
    let mut gone = vec![false; units.len()];
    for i in 0..units.len() {
        let (side_b, range) = match (&units[i].original, &units[i].rewrite) {
            (None, Some(r)) => (true, r.clone()),
            (Some(r), None) => (false, r.clone()),
            _ => continue,
        };
        let cont = |k: usize| if side_b { b_continues(k) } else { a_continues(k) };
        let side = |u: &AlignedUnit| {
            if side_b {
                u.rewrite.clone()
            } else {
                u.original.clone()
            }
        };
        // Units are in reading order: the rest of the sentence is next door.
        let near = i.saturating_sub(NEIGHBOURS)..(i + NEIGHBOURS + 1).min(units.len());
        let host = near.into_iter().find(|&j| {
            !gone[j]
                && matched(&units[j])
                && side(&units[j]).is_some_and(|h| {
                    (h.end == range.start && cont(range.start)) || (h.start == range.end && cont(range.end))
                })
        });
        let Some(j) = host else { continue };
        let h = side(&units[j]).unwrap_or(0..0);
        let joined = h.start.min(range.start)..h.end.max(range.end);
        if side_b {
            units[j].rewrite = Some(joined);
        } else {
            units[j].original = Some(joined);
        }
        gone[i] = true;
    }
    let mut k = 0;
    units.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
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
    // Gaps between anchors are aligned on their own: in parallel, in order
    // (rayon's collect keeps the windows' order), the same steps.
    let steps: Vec<Step> = {
        use rayon::prelude::*;
        cuts.par_windows(2)
            .with_min_len(64)
            .flat_map_iter(|w| gap::align_gap(pa, pb, w[0], w[1]))
            .collect()
    };
    let mut units = Vec::with_capacity(steps.len());
    for s in steps {
        push_step(&mut units, s);
    }
    moves::pair_moves(pa, pb, &mut units);
    neighbours::regroup(pa, pb, &mut units);
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
