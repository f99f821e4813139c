//! Sentence alignment between the two documents.
//!
//! PLACEHOLDER: a full-table dynamic programme, fine for articles, too slow for
//! books. To be replaced by the anchored aligner (anchors, gap DP, moves).

use super::segment::Segmented;
use super::similarity::SentenceProfile;
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

/// Aligns the sentences of `a` (original) with those of `b` (rewrite).
///
/// Units come in reading order of the original; a one-sided rewrite unit
/// follows the unit holding the rewrite sentence before it.
#[must_use]
pub fn align(a_doc: &Document, a: &Segmented, b_doc: &Document, b: &Segmented) -> Vec<AlignedUnit> {
    let pa: Vec<SentenceProfile> = a
        .sentences
        .iter()
        .map(|s| SentenceProfile::new(a_doc.slice(s.span)))
        .collect();
    let pb: Vec<SentenceProfile> = b
        .sentences
        .iter()
        .map(|s| SentenceProfile::new(b_doc.slice(s.span)))
        .collect();
    dp_align(&pa, &pb)
}

const SKIP_COST: f32 = 0.45;
const MOVES: &[(usize, usize)] = &[(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)];

fn dp_align(pa: &[SentenceProfile], pb: &[SentenceProfile]) -> Vec<AlignedUnit> {
    let (n, m) = (pa.len(), pb.len());
    let idx = |i: usize, j: usize| i * (m + 1) + j;
    let mut cost = vec![f32::INFINITY; (n + 1) * (m + 1)];
    let mut back = vec![(0usize, 0usize); (n + 1) * (m + 1)];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = cost[idx(i, j)];
            if !here.is_finite() {
                continue;
            }
            for &(di, dj) in MOVES {
                if i + di > n || j + dj > m {
                    continue;
                }
                let step = step_cost(pa, pb, i..i + di, j..j + dj);
                let c = here + step;
                if c < cost[idx(i + di, j + dj)] {
                    cost[idx(i + di, j + dj)] = c;
                    back[idx(i + di, j + dj)] = (di, dj);
                }
            }
        }
    }
    let mut units = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = back[idx(i, j)];
        let ra = i - di..i;
        let rb = j - dj..j;
        units.push(unit(pa, pb, ra, rb));
        i -= di;
        j -= dj;
    }
    units.reverse();
    units
}

fn step_cost(pa: &[SentenceProfile], pb: &[SentenceProfile], ra: Range<usize>, rb: Range<usize>) -> f32 {
    if ra.is_empty() || rb.is_empty() {
        return SKIP_COST * (ra.len() + rb.len()) as f32;
    }
    let sim = SentenceProfile::similarity_of_runs(&pa[ra.clone()], &pb[rb.clone()]);
    let extra = (ra.len() + rb.len() - 2) as f32 * 0.05;
    (1.0 - sim) * (ra.len().max(rb.len()) as f32) + extra
}

fn unit(pa: &[SentenceProfile], pb: &[SentenceProfile], ra: Range<usize>, rb: Range<usize>) -> AlignedUnit {
    match (ra.is_empty(), rb.is_empty()) {
        (false, false) => AlignedUnit {
            score: SentenceProfile::similarity_of_runs(&pa[ra.clone()], &pb[rb.clone()]),
            original: Some(ra),
            rewrite: Some(rb),
            kind: UnitKind::Match,
        },
        (false, true) => AlignedUnit {
            original: Some(ra),
            rewrite: None,
            kind: UnitKind::Removed,
            score: 0.0,
        },
        _ => AlignedUnit {
            original: None,
            rewrite: Some(rb),
            kind: UnitKind::Added,
            score: 0.0,
        },
    }
}
