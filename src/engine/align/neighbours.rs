//! Leftovers next to moves. The in-order alignment never sees a moved
//! sentence's neighbours together with it, so when a writer moves a whole
//! paragraph and rewords it, the sentences around the one that [`moves`]
//! found stay removed and added, and a paragraph whose sentences are each
//! reworded too freely to pass as a move on its own is left out entirely.
//! Both are aligned here with the in-order programme over the small window
//! the move defines: a leftover sentence beside a move, and a leftover
//! paragraph paired with a leftover paragraph of the other side.
//!
//! [`moves`]: super::moves

use super::{AlignedUnit, UnitKind, compatible, gap, push_step};
use crate::engine::similarity::{Scratch, SentenceProfile, compare_runs, run_terms};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Sentence index to unit index: looked up, never iterated for output
/// (`runs` sorts the keys), so hashed with the cheap word hasher rather
/// than SipHash (a map of every matched sentence, built each round).
pub(crate) type SentenceMap =
    HashMap<usize, usize, std::hash::BuildHasherDefault<crate::engine::lexicon::WordHasher>>;

/// Leftover sentences taken in on each side of a move, before and after.
const REACH: usize = 2;

/// Leftover runs longer than this (in sentences) are not paired as a whole.
const MAX_RUN: usize = 6;

/// Two leftover runs are one moved paragraph when they share this much
/// weighted vocabulary...
const RUN_LEXICAL: f32 = 0.35;
/// ...and this many content terms.
const RUN_MIN_SHARED: usize = 5;

/// Terms in more leftover runs than this do not propose pairs.
const MAX_POSTINGS: usize = 32;

/// Aligns the leftovers beside each move, then pairs leftover runs.
pub(super) fn regroup(a: &[SentenceProfile], b: &[SentenceProfile], units: &mut Vec<AlignedUnit>) {
    beside_moves(a, b, units);
    run_moves(a, b, units);
    absorb(a, b, units);
}

/// Which unit holds each one-sided sentence, per side.
fn leftovers(units: &[AlignedUnit], kind: UnitKind) -> SentenceMap {
    units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind == kind)
        .filter_map(|(k, u)| u.original.as_ref().or(u.rewrite.as_ref()).map(|r| (r.start, k)))
        .collect()
}

/// `r` widened by up to [`REACH`] leftover sentences of its paragraph on
/// each end.
fn widen(r: &Range<usize>, free: &SentenceMap, gone: &[bool], p: &[SentenceProfile]) -> Range<usize> {
    let para = p[r.start].paragraph;
    let open = |i: usize| free.get(&i).is_some_and(|&k| !gone[k]) && p[i].paragraph == para;
    let mut w = r.clone();
    while w.start > 0 && r.start - w.start < REACH && open(w.start - 1) {
        w.start -= 1;
    }
    while w.end < p.len() && w.end - r.end < REACH && open(w.end) {
        w.end += 1;
    }
    w
}

/// Sentences left one-sided by `steps`.
fn one_sided(units: &[AlignedUnit]) -> usize {
    units
        .iter()
        .filter(|u| u.original.is_none() || u.rewrite.is_none())
        .map(|u| u.original.as_ref().or(u.rewrite.as_ref()).map_or(0, Range::len))
        .sum()
}

/// The in-order alignment of `wa` with `wb`, its matches of `kind` (moved
/// when the window was a move's).
fn realign(
    a: &[SentenceProfile],
    b: &[SentenceProfile],
    wa: &Range<usize>,
    wb: &Range<usize>,
    kind: UnitKind,
) -> Vec<AlignedUnit> {
    let mut out = Vec::new();
    for s in gap::align_gap(a, b, (wa.start, wb.start), (wa.end, wb.end)) {
        push_step(&mut out, s);
    }
    for u in &mut out {
        if u.kind == UnitKind::Match {
            u.kind = kind;
        }
    }
    out
}

/// Marks the units of the leftover sentences of `w` outside `inner` gone.
fn take(w: &Range<usize>, inner: Option<&Range<usize>>, free: &SentenceMap, gone: &mut [bool]) {
    for i in w.clone() {
        if inner.is_some_and(|r| r.contains(&i)) {
            continue;
        }
        if let Some(&k) = free.get(&i) {
            gone[k] = true;
        }
    }
}

pub(crate) fn drop_gone(units: &mut Vec<AlignedUnit>, gone: &[bool], fresh: Vec<AlignedUnit>) {
    let mut k = 0;
    units.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    units.extend(fresh);
}

/// Realigns each move together with the leftover sentences beside it on
/// both sides, keeping the result when it leaves fewer sentences one-sided.
fn beside_moves(a: &[SentenceProfile], b: &[SentenceProfile], units: &mut Vec<AlignedUnit>) {
    let (removed, added) = (
        leftovers(units, UnitKind::Removed),
        leftovers(units, UnitKind::Added),
    );
    if removed.is_empty() && added.is_empty() {
        return;
    }
    let mut gone = vec![false; units.len()];
    let mut fresh = Vec::new();
    for k in 0..units.len() {
        let u = &units[k];
        let (Some(ra), Some(rb)) = (&u.original, &u.rewrite) else {
            continue;
        };
        let kind = u.kind;
        if !matches!(kind, UnitKind::Moved | UnitKind::Match) {
            continue;
        }
        let (wa, wb) = (widen(ra, &removed, &gone, a), widen(rb, &added, &gone, b));
        let before = wa.len() - ra.len() + wb.len() - rb.len();
        if before == 0 {
            continue;
        }
        let redone = realign(a, b, &wa, &wb, kind);
        if one_sided(&redone) >= before {
            continue;
        }
        gone[k] = true;
        take(&wa, Some(ra), &removed, &mut gone);
        take(&wb, Some(rb), &added, &mut gone);
        fresh.extend(redone);
    }
    drop_gone(units, &gone, fresh);
}

/// Maximal runs of consecutive leftover sentences within one paragraph.
fn runs(free: &SentenceMap, p: &[SentenceProfile]) -> Vec<Range<usize>> {
    let mut at: Vec<usize> = free.keys().copied().collect();
    at.sort_unstable();
    let mut out: Vec<Range<usize>> = Vec::new();
    for i in at {
        match out.last_mut() {
            Some(r) if r.end == i && p[r.start].paragraph == p[i].paragraph && r.len() < MAX_RUN => {
                r.end += 1
            }
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Pairs leftover runs of several sentences that share enough vocabulary as
/// a whole (best first), and aligns each pair in order.
fn run_moves(a: &[SentenceProfile], b: &[SentenceProfile], units: &mut Vec<AlignedUnit>) {
    let (removed, added) = (
        leftovers(units, UnitKind::Removed),
        leftovers(units, UnitKind::Added),
    );
    if removed.is_empty() || added.is_empty() {
        return;
    }
    let (ra, rb) = (runs(&removed, a), runs(&added, b));
    let mut terms_b = Vec::with_capacity(rb.len());
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (n, r) in rb.iter().enumerate() {
        let mut t = Vec::new();
        run_terms(&b[r.clone()], &mut t);
        for &(id, _) in &t {
            postings.entry(id).or_default().push(n);
        }
        terms_b.push(t);
    }
    let mut scratch = Scratch::default();
    let mut candidates = Vec::new();
    let mut terms_a = Vec::new();
    for (m, x) in ra.iter().enumerate() {
        run_terms(&a[x.clone()], &mut terms_a);
        let mut seen = HashSet::new();
        for &(id, _) in &terms_a {
            let Some(ns) = postings.get(&id).filter(|ns| ns.len() <= MAX_POSTINGS) else {
                continue;
            };
            for &n in ns {
                let y = &rb[n];
                // One sentence each is a plain move, judged by `moves`.
                if !seen.insert(n) || (x.len() == 1 && y.len() == 1) {
                    continue;
                }
                if super::moves::shared_terms(&terms_a, &terms_b[n]) < RUN_MIN_SHARED
                    || !compatible(&a[x.clone()], &b[y.clone()])
                {
                    continue;
                }
                let sim = compare_runs(&a[x.clone()], &b[y.clone()], &mut scratch);
                if sim.lexical >= RUN_LEXICAL {
                    candidates.push((m, n, sim.combined()));
                }
            }
        }
    }
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let (mut used_a, mut used_b) = (HashSet::new(), HashSet::new());
    let mut gone = vec![false; units.len()];
    let mut fresh = Vec::new();
    for (m, n, _) in candidates {
        if used_a.contains(&m) || used_b.contains(&n) {
            continue;
        }
        let (wa, wb) = (&ra[m], &rb[n]);
        let redone = realign(a, b, wa, wb, UnitKind::Moved);
        if one_sided(&redone) >= wa.len() + wb.len() {
            continue;
        }
        used_a.insert(m);
        used_b.insert(n);
        take(wa, None, &removed, &mut gone);
        take(wb, None, &added, &mut gone);
        fresh.extend(redone);
    }
    drop_gone(units, &gone, fresh);
}

/// A leftover sentence joins the matched unit next to it in its paragraph
/// when at least this share of its weight is found in the unit's other
/// side and not in the unit's own side: the other side says what the
/// leftover said, merged into a longer sentence.
const ABSORB_SHARE: f32 = 0.35;

/// Rounds of [`absorb`]: each takes in one more sentence on either end.
const ABSORB_ROUNDS: usize = 4;

/// Weight of `s`'s terms found in `there` and not in `own` (all sorted by
/// id), as a share of `s`'s weight.
fn novel_share(s: &SentenceProfile, own: &[(u32, f32)], there: &[(u32, f32)]) -> f32 {
    if s.weight <= 0.0 {
        return 0.0;
    }
    let has = |list: &[(u32, f32)], id: u32| list.binary_search_by_key(&id, |t| t.0).is_ok();
    let found: f32 = s
        .terms
        .iter()
        .filter(|&&(id, _)| has(there, id) && !has(own, id))
        .map(|t| t.1)
        .sum();
    found / s.weight
}

/// Which matched unit holds each sentence of one side (`rewrite`: the
/// rewrite's).
pub(crate) fn holders(units: &[AlignedUnit], rewrite: bool) -> SentenceMap {
    let mut out = SentenceMap::with_capacity_and_hasher(units.len(), Default::default());
    for (k, u) in units.iter().enumerate() {
        if !matches!(u.kind, UnitKind::Match | UnitKind::Moved) {
            continue;
        }
        let r = if rewrite { &u.rewrite } else { &u.original };
        out.extend(r.clone().unwrap_or_default().map(|i| (i, k)));
    }
    out
}

/// Joins leftover sentences to the matched unit beside them whose other
/// side holds what they say: a writer merged five short sentences into
/// one, beyond the three-to-one steps of the in-order programme.
fn absorb(a: &[SentenceProfile], b: &[SentenceProfile], units: &mut Vec<AlignedUnit>) {
    for _ in 0..ABSORB_ROUNDS {
        let mut gone = vec![false; units.len()];
        let mut grew = false;
        let mut own = Vec::new();
        let mut there = Vec::new();
        let mut scratch = Scratch::default();
        let (holder_a, holder_b) = (holders(units, false), holders(units, true));
        for k in 0..units.len() {
            let (side_b, s) = match (&units[k].original, &units[k].rewrite) {
                (Some(r), None) => (false, r.start),
                (None, Some(r)) => (true, r.start),
                _ => continue,
            };
            let (mine, other) = if side_b { (b, a) } else { (a, b) };
            let range = |u: &AlignedUnit| {
                if side_b {
                    (u.rewrite.clone(), u.original.clone())
                } else {
                    (u.original.clone(), u.rewrite.clone())
                }
            };
            let holder = if side_b { &holder_b } else { &holder_a };
            let mut best: Option<(f32, usize)> = None;
            let next = [s.checked_sub(1), Some(s + 1)];
            for &h in next.iter().flatten().filter_map(|i| holder.get(i)) {
                let u = &units[h];
                if gone[h] {
                    continue;
                }
                let (Some(r), Some(o)) = range(u) else { continue };
                let beside = (r.end == s && mine[r.end - 1].paragraph == mine[s].paragraph)
                    || (r.start == s + 1 && mine[r.start].paragraph == mine[s].paragraph);
                if !beside || !compatible(&mine[s..=s], &other[o.clone()]) {
                    continue;
                }
                run_terms(&mine[r], &mut own);
                run_terms(&other[o], &mut there);
                let share = novel_share(&mine[s], &own, &there);
                if share >= ABSORB_SHARE && best.is_none_or(|x| share > x.0) {
                    best = Some((share, h));
                }
            }
            let Some((_, h)) = best else { continue };
            let joined = |r: &Range<usize>| r.start.min(s)..r.end.max(s + 1);
            if side_b {
                units[h].rewrite = units[h].rewrite.as_ref().map(joined);
            } else {
                units[h].original = units[h].original.as_ref().map(joined);
            }
            if let (Some(ra), Some(rb)) = (&units[h].original, &units[h].rewrite) {
                units[h].score = compare_runs(&a[ra.clone()], &b[rb.clone()], &mut scratch).combined();
            }
            gone[k] = true;
            grew = true;
        }
        drop_gone(units, &gone, Vec::new());
        if !grew {
            break;
        }
    }
}
