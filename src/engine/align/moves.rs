//! Moves: removed and added sentences left by the in-order alignment that
//! say the same thing are paired out of order, one `Moved` unit per pair.

use super::{AlignedUnit, UnitKind, compatible};
use crate::engine::similarity::{Scratch, SentenceProfile, compare_runs};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

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

/// Replaces matched `Removed`/`Added` sentences in `units` with `Moved`
/// units (placed where the first removed sentence was): one sentence each,
/// or two adjacent sentences of one side merged into one of the other.
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
    let by_removed: HashMap<usize, (Range<usize>, Range<usize>, f32)> =
        pairs.iter().map(|p| (p.0.start, p.clone())).collect();
    let gone_a: HashSet<usize> = pairs.iter().flat_map(|p| p.0.clone().skip(1)).collect();
    let gone_b: HashSet<usize> = pairs.iter().flat_map(|p| p.1.clone()).collect();
    let start = |r: &Option<Range<usize>>| r.as_ref().map_or(usize::MAX, |r| r.start);
    units.retain(|u| match u.kind {
        UnitKind::Added => !gone_b.contains(&start(&u.rewrite)),
        UnitKind::Removed => !gone_a.contains(&start(&u.original)),
        _ => true,
    });
    for u in units.iter_mut() {
        if u.kind != UnitKind::Removed {
            continue;
        }
        if let Some((ra, rb, score)) = by_removed.get(&start(&u.original)) {
            u.original = Some(ra.clone());
            u.rewrite = Some(rb.clone());
            u.kind = UnitKind::Moved;
            u.score = *score;
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
    // A weak match may take another weak match's sentence: "leftovers"
    // are the unpaired sentences and those of the weak matches.
    let weak = |u: &&AlignedUnit| {
        u.kind == UnitKind::Match
            && u.score < WEAK_MATCH
            && u.original
                .as_ref()
                .zip(u.rewrite.as_ref())
                .is_some_and(|(x, y)| x.len() + y.len() <= 3)
    };
    let mut removed = one_sided(units, UnitKind::Removed);
    let mut added = one_sided(units, UnitKind::Added);
    for u in units.iter().filter(weak) {
        removed.extend(u.original.clone().into_iter().flatten());
        added.extend(u.rewrite.clone().into_iter().flatten());
    }
    if removed.is_empty() && added.is_empty() {
        return;
    }
    let best = |scratch: &mut Scratch, i: Range<usize>, j: Range<usize>| {
        let sim = compare_runs(&a[i.clone()], &b[j.clone()], scratch);
        (sim.lexical >= SPLIT_LEXICAL && compatible(&a[i], &b[j])).then_some(sim.combined())
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
                // One to one, or a merge or split of two sentences.
                if u.kind != UnitKind::Match || ra.len() + rb.len() > 3 || u.score >= WEAK_MATCH {
                    return None;
                }
                // Each sentence of the unit, and its whole run, against
                // the leftovers sharing a term with it.
                let bar = (u.score + BETTER_BY).max(MOVE_COMBINED);
                let runs = |r: &Range<usize>| {
                    let whole = (r.len() > 1).then(|| r.clone());
                    r.clone().map(|i| i..i + 1).chain(whole).collect::<Vec<_>>()
                };
                let a_better = runs(ra).into_iter().any(|i| {
                    sharing(&a[i.start], &added_by_term, near);
                    near.iter()
                        .any(|&j| best(scratch, i.clone(), j..j + 1).is_some_and(|s| s >= bar))
                });
                let b_better = runs(rb).into_iter().any(|j| {
                    sharing(&b[j.start], &removed_by_term, near);
                    near.iter()
                        .any(|&i| best(scratch, i..i + 1, j.clone()).is_some_and(|s| s >= bar))
                });
                (a_better || b_better).then_some(k)
            },
        )
        .filter_map(|k| k)
        .collect();
    if split.is_empty() {
        return;
    }
    // One pass over the units, each split one replaced by its sentences
    // (not a removal and an insertion per split unit, each moving the
    // whole tail of a book's units).
    let mut split = split.into_iter().peekable();
    let mut out = Vec::with_capacity(units.len() + split.len());
    for (k, u) in std::mem::take(units).into_iter().enumerate() {
        if split.next_if_eq(&k).is_none() {
            out.push(u);
            continue;
        }
        let (ra, rb) = (u.original.unwrap_or(0..0), u.rewrite.unwrap_or(0..0));
        out.extend(ra.map(AlignedUnit::removed).chain(rb.map(AlignedUnit::added)));
    }
    *units = out;
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

/// A merge must score this much more than either of its sentences alone
/// with the other side's sentence.
const MERGE_GAIN: f32 = 0.05;

/// Greedy best-first pairing of removed with added sentences, through an
/// index of the added sentences' terms; two adjacent removed sentences may
/// pair with one added sentence, or one removed with two adjacent added,
/// when the pair of them is clearly more alike than either one alone.
fn best_pairs(
    a: &[SentenceProfile],
    b: &[SentenceProfile],
    removed: &[usize],
    added: &[usize],
) -> Vec<(Range<usize>, Range<usize>, f32)> {
    let postings = postings(b, added);
    let is_added: HashSet<usize> = added.iter().copied().collect();
    let is_removed: HashSet<usize> = removed.iter().copied().collect();
    let long_enough = |p: &SentenceProfile| p.terms.len() >= MOVE_MIN_SHARED;
    // How alike two runs are, however few terms they share.
    let alone = |scratch: &mut Scratch, x: Range<usize>, y: Range<usize>| {
        compare_runs(&a[x], &b[y], scratch).combined()
    };
    let moved = |scratch: &mut Scratch, i: Range<usize>, j: Range<usize>| {
        let (ra, rb) = (&a[i.clone()], &b[j.clone()]);
        let shared = ra
            .iter()
            .map(|p| rb.iter().map(|q| shared_terms(&p.terms, &q.terms)).sum::<usize>())
            .sum::<usize>();
        if shared < MOVE_MIN_SHARED || !compatible(ra, rb) {
            return None;
        }
        let sim = compare_runs(ra, rb, scratch);
        (sim.lexical >= MOVE_LEXICAL && sim.combined() >= MOVE_COMBINED).then_some(sim.combined())
    };
    // Each removed sentence's candidates on their own: in parallel,
    // collected in the order of `removed`, as one loop would find them.
    let mut candidates: Vec<(Range<usize>, Range<usize>, f32)> = removed
        .par_iter()
        .with_min_len(64)
        .map_init(Scratch::default, |scratch, &i| {
            let mut found = Vec::new();
            if !long_enough(&a[i]) {
                return found;
            }
            let mut seen = HashSet::new();
            let two_a = is_removed.contains(&(i + 1));
            for &(t, _) in &a[i].terms {
                let Some(js) = postings.get(&t).filter(|js| js.len() <= MAX_POSTINGS) else {
                    continue;
                };
                for &j in js {
                    if !seen.insert(j) {
                        continue;
                    }
                    let one = moved(scratch, i..i + 1, j..j + 1);
                    if let Some(s) = one {
                        found.push((i..i + 1, j..j + 1, s));
                    }
                    // A merge beats each of its sentences alone.
                    let two_b = is_added.contains(&(j + 1));
                    let first = if two_a || two_b {
                        one.unwrap_or_else(|| alone(scratch, i..i + 1, j..j + 1))
                    } else {
                        0.0
                    };
                    if two_a {
                        let next = alone(scratch, i + 1..i + 2, j..j + 1);
                        if let Some(s) =
                            moved(scratch, i..i + 2, j..j + 1).filter(|&s| s >= first.max(next) + MERGE_GAIN)
                        {
                            found.push((i..i + 2, j..j + 1, s));
                        }
                    }
                    if two_b {
                        let next = alone(scratch, i..i + 1, j + 1..j + 2);
                        if let Some(s) =
                            moved(scratch, i..i + 1, j..j + 2).filter(|&s| s >= first.max(next) + MERGE_GAIN)
                        {
                            found.push((i..i + 1, j..j + 2, s));
                        }
                    }
                }
            }
            found
        })
        .flatten()
        .collect();
    candidates.sort_by(|x, y| {
        y.2.total_cmp(&x.2)
            .then((x.0.start, x.1.start, x.0.end, x.1.end).cmp(&(y.0.start, y.1.start, y.0.end, y.1.end)))
    });
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    candidates
        .into_iter()
        .filter(|(i, j, _)| {
            let free = i.clone().all(|x| !used_a.contains(&x)) && j.clone().all(|y| !used_b.contains(&y));
            if free {
                used_a.extend(i.clone());
                used_b.extend(j.clone());
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
