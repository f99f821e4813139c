//! Anchors: confident 1-1 pairs that cut the alignment into small gaps.
//!
//! In a range of each document, a term used in exactly one sentence of each
//! side proposes that pair of sentences; proposals that are similar enough
//! and each other's best become candidates, and the heaviest increasing chain
//! of candidates is kept. The ranges between chain links are searched again
//! with rarity counted inside them only, so anchors grow dense without ever
//! comparing more than the proposed pairs.

use super::compatible;
use crate::engine::similarity::{Scratch, SentenceProfile, Similarity, compare_runs};
use std::collections::HashMap;
use std::ops::Range;

/// A proposed pair must share at least this much (weighted) vocabulary.
const ANCHOR_LEXICAL: f32 = 0.3;

/// Anchors at least this alike, and this close in length, are trusted to be
/// whole 1-1 units: the alignment is cut on both sides of them. Between two
/// anchors that follow each other on both sides it is cut anyway: neither
/// side of one can belong with the other's sentences.
const CUT_LEXICAL: f32 = 0.6;
const CUT_LENGTH: f32 = 0.9;

/// Sentences of the original per window of [`Finder::windowed_proposals`].
const WINDOW: usize = 512;

/// Sentences of the rewrite either side of the place a window maps to: the
/// two sides' sentence counts drift apart inside a book (one splits verses
/// the other joins), by more than a window in the middle of the Bible.
const MARGIN: usize = 4 * WINDOW;

/// Whether a range too long for one banded search found too few proposals
/// through terms rare in all of it (fewer than one per 64 sentences).
fn starved(proposals: usize, ra: &Range<usize>, rb: &Range<usize>) -> bool {
    let shorter = ra.len().min(rb.len());
    shorter >= 4 * WINDOW && proposals * 64 < shorter
}

/// Bound on the nesting of the search inside gaps.
const MAX_DEPTH: usize = 24;

/// A confident 1-1 pair.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    i: usize,
    j: usize,
    sim: Similarity,
}

/// Boundaries `(i, j)` where the prefixes `a[..i]` and `b[..j]` are taken to
/// align with each other, from `(0, 0)` to `(a.len(), b.len())`, increasing.
pub(super) fn cut_points(
    a: &[SentenceProfile],
    b: &[SentenceProfile],
    vocabulary: usize,
) -> Vec<(usize, usize)> {
    let mut finder = Finder {
        a,
        b,
        counts: vec![Occurrence::default(); vocabulary],
        scratch: Scratch::default(),
    };
    let mut chain = Vec::new();
    finder.collect(0..a.len(), 0..b.len(), 0, &mut chain);
    let mut cuts = vec![(0, 0)];
    let mut prev: Option<(usize, usize)> = None;
    for anchor in chain {
        let strong = anchor.sim.lexical >= CUT_LEXICAL && anchor.sim.length >= CUT_LENGTH;
        if strong || prev == Some((anchor.i, anchor.j)) {
            cuts.push((anchor.i, anchor.j));
        }
        if strong {
            cuts.push((anchor.i + 1, anchor.j + 1));
        }
        prev = Some((anchor.i + 1, anchor.j + 1));
    }
    cuts.push((a.len(), b.len()));
    cuts.dedup();
    cuts
}

/// Where a term occurs inside the range being searched.
#[derive(Debug, Clone, Copy, Default)]
struct Occurrence {
    in_a: u32,
    last_a: usize,
    in_b: u32,
    last_b: usize,
}

struct Finder<'p> {
    a: &'p [SentenceProfile],
    b: &'p [SentenceProfile],
    /// Per term id; all zero between searches.
    counts: Vec<Occurrence>,
    scratch: Scratch,
}

impl Finder<'_> {
    /// Appends to `out`, in order, the anchors of `ra` x `rb` and of the gaps
    /// between them.
    fn collect(&mut self, ra: Range<usize>, rb: Range<usize>, depth: usize, out: &mut Vec<Anchor>) {
        if ra.is_empty() || rb.is_empty() || depth > MAX_DEPTH {
            return;
        }
        let chain = self.find(ra.clone(), rb.clone());
        let (mut i, mut j) = (ra.start, rb.start);
        for anchor in chain {
            self.collect(i..anchor.i, j..anchor.j, depth + 1, out);
            out.push(anchor);
            (i, j) = (anchor.i + 1, anchor.j + 1);
        }
        if i > ra.start || j > rb.start {
            self.collect(i..ra.end, j..rb.end, depth + 1, out);
        }
    }

    /// The heaviest increasing chain of candidates in `ra` x `rb`.
    fn find(&mut self, ra: Range<usize>, rb: Range<usize>) -> Vec<Anchor> {
        let mut proposals = self.proposals(ra.clone(), rb.clone());
        if starved(proposals.len(), &ra, &rb) {
            proposals.extend(self.windowed_proposals(ra, rb));
            proposals.sort_unstable();
            proposals.dedup();
        }
        let candidates = self.mutual_best(proposals);
        heaviest_chain(candidates)
    }

    /// Proposals from terms rare within a window rather than in the whole
    /// range: windows of `WINDOW` sentences of `ra`, each against the part
    /// of `rb` at the same relative place (with a margin either side). A
    /// text repeated (or quoting itself at length) has hardly a term used
    /// once in all of it, yet plenty used once in each window; without
    /// them the whole range would fall to one banded search.
    fn windowed_proposals(&mut self, ra: Range<usize>, rb: Range<usize>) -> Vec<(usize, usize)> {
        let (la, lb) = (ra.len(), rb.len());
        let at_b = |i: usize| rb.start + (i - ra.start) * lb / la;
        let mut out = Vec::new();
        let mut start = ra.start;
        while start < ra.end {
            let end = (start + WINDOW).min(ra.end);
            let b_start = at_b(start).saturating_sub(MARGIN).max(rb.start);
            let b_end = (at_b(end) + MARGIN).min(rb.end);
            out.extend(self.proposals(start..end, b_start..b_end));
            start = end;
        }
        out
    }

    /// Pairs of sentences sharing a term found once on each side.
    fn proposals(&mut self, ra: Range<usize>, rb: Range<usize>) -> Vec<(usize, usize)> {
        let mut touched = Vec::new();
        for i in ra {
            for &(t, _) in &self.a[i].terms {
                let o = &mut self.counts[t as usize];
                if o.in_a == 0 && o.in_b == 0 {
                    touched.push(t);
                }
                o.in_a += 1;
                o.last_a = i;
            }
        }
        for j in rb {
            for &(t, _) in &self.b[j].terms {
                let o = &mut self.counts[t as usize];
                if o.in_a == 0 && o.in_b == 0 {
                    touched.push(t);
                }
                o.in_b += 1;
                o.last_b = j;
            }
        }
        let mut pairs = Vec::new();
        for t in touched {
            let o = std::mem::take(&mut self.counts[t as usize]);
            if o.in_a == 1 && o.in_b == 1 {
                pairs.push((o.last_a, o.last_b));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    /// Proposals alike enough that are each other's best, sorted by `i`.
    fn mutual_best(&mut self, proposals: Vec<(usize, usize)>) -> Vec<Anchor> {
        let mut scored = Vec::with_capacity(proposals.len());
        for (i, j) in proposals {
            let (x, y) = (&self.a[i..=i], &self.b[j..=j]);
            if !compatible(x, y) {
                continue;
            }
            let sim = compare_runs(x, y, &mut self.scratch);
            if sim.lexical >= ANCHOR_LEXICAL {
                scored.push(Anchor { i, j, sim });
            }
        }
        // Looked up only: hashed with the word hasher, not SipHash.
        type Best = HashMap<usize, f32, std::hash::BuildHasherDefault<crate::engine::lexicon::WordHasher>>;
        let mut best_a = Best::default();
        let mut best_b = Best::default();
        for c in &scored {
            let s = c.sim.combined();
            let ea = best_a.entry(c.i).or_insert(s);
            *ea = ea.max(s);
            let eb = best_b.entry(c.j).or_insert(s);
            *eb = eb.max(s);
        }
        scored.retain(|c| {
            let s = c.sim.combined();
            best_a[&c.i] <= s && best_b[&c.j] <= s
        });
        // Ties: keep the first pair for each sentence.
        scored.dedup_by_key(|c| c.i);
        let mut seen_b: std::collections::HashSet<
            usize,
            std::hash::BuildHasherDefault<crate::engine::lexicon::WordHasher>,
        > = std::collections::HashSet::default();
        scored.retain(|c| seen_b.insert(c.j));
        scored
    }
}

/// The chain of candidates increasing in both `i` and `j` with the largest
/// total weight (one per anchor plus its similarity), in O(k log k).
fn heaviest_chain(candidates: Vec<Anchor>) -> Vec<Anchor> {
    let mut js: Vec<usize> = candidates.iter().map(|c| c.j).collect();
    js.sort_unstable();
    let rank = |j: usize| js.partition_point(|&x| x < j);
    let mut tree = MaxTree::new(js.len());
    let mut best = vec![(0.0f32, usize::MAX); candidates.len()];
    // Candidates are sorted by `i` and `i` is unique, so chains grow in `i`.
    for (k, c) in candidates.iter().enumerate() {
        let r = rank(c.j);
        let (prev_w, prev) = tree.best_below(r);
        let w = prev_w + 1.0 + c.sim.combined();
        best[k] = (w, prev);
        tree.raise(r, (w, k));
    }
    let (_, mut k) = tree.best_below(js.len());
    let mut chain = Vec::new();
    while k != usize::MAX {
        chain.push(candidates[k]);
        k = best[k].1;
    }
    chain.reverse();
    chain
}

/// Prefix maxima over ranks (a Fenwick tree of `(weight, index)`).
struct MaxTree {
    nodes: Vec<(f32, usize)>,
}

impl MaxTree {
    fn new(n: usize) -> Self {
        Self {
            nodes: vec![(0.0, usize::MAX); n + 1],
        }
    }

    /// Best entry at a rank strictly below `r`.
    fn best_below(&self, r: usize) -> (f32, usize) {
        let mut out = (0.0, usize::MAX);
        let mut x = r;
        while x > 0 {
            if self.nodes[x].0 > out.0 {
                out = self.nodes[x];
            }
            x &= x - 1;
        }
        out
    }

    fn raise(&mut self, r: usize, v: (f32, usize)) {
        let mut x = r + 1;
        while x < self.nodes.len() {
            if v.0 > self.nodes[x].0 {
                self.nodes[x] = v;
            }
            x += x & x.wrapping_neg();
        }
    }
}
