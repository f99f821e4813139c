//! Moves: removed and added sentences left by the in-order alignment that
//! say the same thing are paired out of order, one `Moved` unit per pair.

use super::{AlignedUnit, UnitKind, compatible};
use crate::engine::similarity::{Scratch, SentenceProfile, compare_runs};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// A moved pair must share this much weighted vocabulary...
const MOVE_LEXICAL: f32 = 0.4;
/// ...and be this alike overall.
const MOVE_COMBINED: f32 = 0.5;

/// A moved pair must share this many content terms: two sentences sharing
/// a name or two ("the God of Israel") are no evidence of a move.
const MOVE_MIN_SHARED: usize = 3;

/// Terms in more added sentences than this do not propose pairs: too common
/// to point anywhere.
const MAX_POSTINGS: usize = 32;

/// Replaces matched `Removed`/`Added` single sentences in `units` with
/// `Moved` units (placed where the removed sentence was).
pub(super) fn pair_moves(a: &[SentenceProfile], b: &[SentenceProfile], units: &mut Vec<AlignedUnit>) {
    split_weak_matches(a, b, units);
    let removed = one_sided(units, UnitKind::Removed);
    let added = one_sided(units, UnitKind::Added);
    if removed.is_empty() || added.is_empty() {
        return;
    }
    let pairs = best_pairs(a, b, &removed, &added);
    if pairs.is_empty() {
        return;
    }
    let by_removed: HashMap<usize, (usize, f32)> = pairs.iter().map(|&(i, j, s)| (i, (j, s))).collect();
    let gone: HashSet<usize> = pairs.iter().map(|&(_, j, _)| j).collect();
    units.retain(|u| {
        !(u.kind == UnitKind::Added && u.rewrite.as_ref().is_some_and(|r| gone.contains(&r.start)))
    });
    for u in units.iter_mut() {
        let Some(i) = u.original.as_ref().map(|r| r.start) else {
            continue;
        };
        if u.kind != UnitKind::Removed {
            continue;
        }
        if let Some(&(j, score)) = by_removed.get(&i) {
            u.rewrite = Some(j..j + 1);
            u.kind = UnitKind::Moved;
            u.score = score;
        }
    }
}

/// A leftover that clearly beats a weak match's partner must share this
/// much weighted vocabulary with the sentence (less than a move on its
/// own needs: the margin over the weak match is the evidence).
const SPLIT_LEXICAL: f32 = 0.4;

/// A one-to-one match scoring below this may be a reordering's leftover...
const WEAK_MATCH: f32 = 0.45;
/// ...and is undone when one of its sentences scores this much better with
/// a sentence left unpaired, which can then pair with it as a move.
const BETTER_BY: f32 = 0.2;

/// In a reordered text the in-order alignment may pair two unrelated
/// sentences that happen to share a few words, while each one's real
/// partner is left over as removed or added. Such a weak match is split
/// into a removal and an addition when either sentence finds a clearly
/// better move partner among the leftovers; [`pair_moves`] then pairs them.
fn split_weak_matches(a: &[SentenceProfile], b: &[SentenceProfile], units: &mut Vec<AlignedUnit>) {
    let removed = one_sided(units, UnitKind::Removed);
    let added = one_sided(units, UnitKind::Added);
    if removed.is_empty() && added.is_empty() {
        return;
    }
    let best = |scratch: &mut Scratch, i: usize, j: usize| {
        let sim = compare_runs(&a[i..=i], &b[j..=j], scratch);
        (sim.lexical >= SPLIT_LEXICAL && compatible(&a[i..=i], &b[j..=j])).then_some(sim.combined())
    };
    // A leftover sharing no term with the sentence shares no weight with
    // it (lexical 0, below SPLIT_LEXICAL): only those sharing one are
    // compared, found through the leftovers' terms.
    let added_by_term = postings(b, &added);
    let removed_by_term = postings(a, &removed);
    // Each unit is judged on its own: in parallel, collected in order.
    let split: Vec<usize> = units
        .par_iter()
        .enumerate()
        .with_min_len(256)
        .map_init(
            || (Scratch::default(), Vec::new()),
            |(scratch, near), (k, u)| {
                let (Some(ra), Some(rb)) = (&u.original, &u.rewrite) else {
                    return None;
                };
                if u.kind != UnitKind::Match || ra.len() != 1 || rb.len() != 1 || u.score >= WEAK_MATCH {
                    return None;
                }
                let bar = (u.score + BETTER_BY).max(MOVE_COMBINED);
                sharing(&a[ra.start], &added_by_term, near);
                let a_better = near
                    .iter()
                    .any(|&j| best(scratch, ra.start, j).is_some_and(|s| s >= bar));
                sharing(&b[rb.start], &removed_by_term, near);
                let b_better = near
                    .iter()
                    .any(|&i| best(scratch, i, rb.start).is_some_and(|s| s >= bar));
                (a_better || b_better).then_some(k)
            },
        )
        .filter_map(|k| k)
        .collect();
    for k in split.into_iter().rev() {
        let u = units.remove(k);
        let (ra, rb) = (u.original.unwrap_or(0..0), u.rewrite.unwrap_or(0..0));
        units.insert(k, AlignedUnit::added(rb.start));
        units.insert(k, AlignedUnit::removed(ra.start));
    }
}

/// The sentences `of` of side `p` holding each term.
fn postings(p: &[SentenceProfile], of: &[usize]) -> HashMap<u32, Vec<usize>> {
    let mut by_term: HashMap<u32, Vec<usize>> = HashMap::new();
    for &k in of {
        for &(t, _) in &p[k].terms {
            by_term.entry(t).or_default().push(k);
        }
    }
    by_term
}

/// Into `out`, sorted and once each, the sentences of `by_term` sharing a
/// term with `p`.
fn sharing(p: &SentenceProfile, by_term: &HashMap<u32, Vec<usize>>, out: &mut Vec<usize>) {
    out.clear();
    for (t, _) in &p.terms {
        if let Some(ks) = by_term.get(t) {
            out.extend_from_slice(ks);
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// Sentence indices of the one-sided units of `kind` (each one sentence).
fn one_sided(units: &[AlignedUnit], kind: UnitKind) -> Vec<usize> {
    units
        .iter()
        .filter(|u| u.kind == kind)
        .filter_map(|u| u.original.as_ref().or(u.rewrite.as_ref()).map(|r| r.start))
        .collect()
}

/// Greedy best-first pairing of removed with added sentences, through an
/// index of the added sentences' terms.
fn best_pairs(
    a: &[SentenceProfile],
    b: &[SentenceProfile],
    removed: &[usize],
    added: &[usize],
) -> Vec<(usize, usize, f32)> {
    let postings = postings(b, added);
    let long_enough = |p: &SentenceProfile| p.terms.len() >= MOVE_MIN_SHARED;
    // Each removed sentence's candidates on their own: in parallel,
    // collected in the order of `removed`, as one loop would find them.
    let mut candidates: Vec<(usize, usize, f32)> = removed
        .par_iter()
        .with_min_len(64)
        .map_init(Scratch::default, |scratch, &i| {
            let mut found = Vec::new();
            if !long_enough(&a[i]) {
                return found;
            }
            let mut seen = HashSet::new();
            for &(t, _) in &a[i].terms {
                let Some(js) = postings.get(&t).filter(|js| js.len() <= MAX_POSTINGS) else {
                    continue;
                };
                for &j in js {
                    if !seen.insert(j)
                        || shared_terms(&a[i].terms, &b[j].terms) < MOVE_MIN_SHARED
                        || !compatible(&a[i..=i], &b[j..=j])
                    {
                        continue;
                    }
                    let sim = compare_runs(&a[i..=i], &b[j..=j], scratch);
                    if sim.lexical >= MOVE_LEXICAL && sim.combined() >= MOVE_COMBINED {
                        found.push((i, j, sim.combined()));
                    }
                }
            }
            found
        })
        .flatten()
        .collect();
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    candidates
        .into_iter()
        .filter(|&(i, j, _)| {
            let free = !used_a.contains(&i) && !used_b.contains(&j);
            if free {
                used_a.insert(i);
                used_b.insert(j);
            }
            free
        })
        .collect()
}

/// Number of term ids two sorted term lists share.
pub(super) fn shared_terms(a: &[(u32, f32)], b: &[(u32, f32)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(terms: &[u32]) -> SentenceProfile {
        SentenceProfile {
            terms: terms.iter().map(|&t| (t, 1.0)).collect(),
            weight: terms.len() as f32,
            ..SentenceProfile::default()
        }
    }

    #[test]
    fn sharing_finds_exactly_the_sentences_sharing_a_term() {
        let side: Vec<SentenceProfile> = (0..60u32)
            .map(|k| profile(&[k % 7, 10 + k % 5, 20 + k % 11]))
            .collect();
        let of: Vec<usize> = (0..60).filter(|k| k % 3 != 0).rev().collect();
        let by_term = postings(&side, &of);
        let mut near = Vec::new();
        for probe in [&[0u32, 12][..], &[5, 30], &[99], &[]] {
            let p = profile(probe);
            sharing(&p, &by_term, &mut near);
            let mut want: Vec<usize> = of
                .iter()
                .copied()
                .filter(|&k| shared_terms(&p.terms, &side[k].terms) > 0)
                .collect();
            want.sort_unstable();
            assert_eq!(near, want, "{probe:?}");
        }
    }
}
