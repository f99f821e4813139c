//! Dynamic programme over one gap between anchors: 1-1, 1-0, 0-1, 1-2, 2-1,
//! 2-2, 1-3 and 3-1 steps, over the whole gap when it is small and over a band
//! around its diagonal when it is large.

use super::{Step, compatible};
use crate::engine::similarity::{Scratch, SentenceProfile, Similarity, compare_runs};

/// Cost of leaving one sentence without a counterpart.
const SKIP: f32 = 0.42;

/// Steps tried (at most 3 x 3), with the extra cost of each shape: merges and splits must
/// earn their place over 1-1 steps.
const MOVES: &[(usize, usize, f32)] = &[
    (1, 1, 0.0),
    (1, 0, SKIP),
    (0, 1, SKIP),
    (2, 1, 0.08),
    (1, 2, 0.08),
    (2, 2, 0.2),
    (3, 1, 0.2),
    (1, 3, 0.2),
];

/// Below this share of its own weight found on the other side, a sentence
/// is not part of a merge but a neighbour glued on.
const MIN_PART: f32 = 0.2;

/// Extra cost of a unit whose sentences on one side come from different
/// paragraphs: rewrites merge and split sentences within a paragraph.
const ACROSS_PARAGRAPHS: f32 = 0.25;

/// Gaps with more cells than this (an article of 100 sentences fits) are
/// aligned in a band.
const FULL_TABLE_CELLS: usize = 10_000;

/// Half-width of the band, in sentences of the rewrite. Gaps lie between
/// anchors, so the path strays little from the gap's diagonal.
const BAND: usize = 24;

/// Aligns `a[from.0..to.0]` with `b[from.1..to.1]`.
pub(super) fn align_gap(
    a: &[SentenceProfile],
    b: &[SentenceProfile],
    from: (usize, usize),
    to: (usize, usize),
) -> Vec<Step> {
    let (a, b) = (&a[from.0..to.0], &b[from.1..to.1]);
    let band = Band::new(a.len(), b.len());
    let mut table = Table::new(&band);
    let mut scratch = Scratch::default();
    table.set(&band, 0, 0, 0.0, (0, 0));
    for i in 0..=a.len() {
        for j in band.lo[i]..=band.hi[i] {
            relax(&band, &mut table, a, b, (i, j), &mut scratch);
        }
    }
    backtrace(&band, &table, a, b, &mut scratch)
        .into_iter()
        .map(|s| Step {
            a: s.a.start + from.0..s.a.end + from.0,
            b: s.b.start + from.1..s.b.end + from.1,
            sim: s.sim,
        })
        .collect()
}

/// Best cost into cell `(i, j)` over every step shape.
fn relax(
    band: &Band,
    table: &mut Table,
    a: &[SentenceProfile],
    b: &[SentenceProfile],
    (i, j): (usize, usize),
    scratch: &mut Scratch,
) {
    if i == 0 && j == 0 {
        return;
    }
    let mut best = (f32::INFINITY, (0, 0));
    for &(di, dj, extra) in MOVES {
        if di > i || dj > j {
            continue;
        }
        let before = table.get(band, i - di, j - dj);
        if !before.is_finite() || before + extra >= best.0 {
            continue;
        }
        let step = step_cost(&a[i - di..i], &b[j - dj..j], extra, scratch);
        if before + step < best.0 {
            best = (before + step, (di, dj));
        }
    }
    table.set(band, i, j, best.0, best.1);
}

/// Cost of one step; infinite for a shape the sentences do not allow.
fn step_cost(ra: &[SentenceProfile], rb: &[SentenceProfile], extra: f32, scratch: &mut Scratch) -> f32 {
    if ra.is_empty() || rb.is_empty() {
        return extra;
    }
    if !compatible(ra, rb) {
        return f32::INFINITY;
    }
    let sim = compare_runs(ra, rb, scratch);
    if ra.len() + rb.len() > 2 && sim.weakest_part < MIN_PART {
        return f32::INFINITY;
    }
    let spread = if spans_paragraphs(ra) || spans_paragraphs(rb) {
        ACROSS_PARAGRAPHS
    } else {
        0.0
    };
    match_cost(sim, ra.len() + rb.len()) + extra + spread
}

fn spans_paragraphs(run: &[SentenceProfile]) -> bool {
    run.first().map(|p| p.paragraph) != run.last().map(|p| p.paragraph)
}

/// Cost of matching with similarity `sim` a unit of `sentences` sentences
/// in all: dissimilarity per sentence pair covered.
fn match_cost(sim: Similarity, sentences: usize) -> f32 {
    (1.0 - sim.combined()) * sentences as f32 / 2.0
}

fn backtrace(
    band: &Band,
    table: &Table,
    a: &[SentenceProfile],
    b: &[SentenceProfile],
    scratch: &mut Scratch,
) -> Vec<Step> {
    let mut steps = Vec::new();
    let (mut i, mut j) = (a.len(), b.len());
    while i > 0 || j > 0 {
        let (di, dj) = match table.back(band, i, j) {
            // Unreachable cell (cannot happen in a connected band): skip.
            (0, 0) if i > 0 => (1, 0),
            (0, 0) => (0, 1),
            d => d,
        };
        let (ra, rb) = (i - di..i, j - dj..j);
        let sim = if di > 0 && dj > 0 {
            compare_runs(&a[ra.clone()], &b[rb.clone()], scratch)
        } else {
            Similarity::default()
        };
        steps.push(Step { a: ra, b: rb, sim });
        i -= di;
        j -= dj;
    }
    steps.reverse();
    steps
}

/// The cells of the table in use: for row `i`, columns `lo[i]..=hi[i]`.
struct Band {
    lo: Vec<usize>,
    hi: Vec<usize>,
    offset: Vec<usize>,
}

impl Band {
    fn new(n: usize, m: usize) -> Self {
        let full = (n + 1).saturating_mul(m + 1) <= FULL_TABLE_CELLS || n == 0;
        let (mut lo, mut hi, mut offset) = (Vec::new(), Vec::new(), Vec::new());
        let mut total = 0;
        for i in 0..=n {
            let (l, h) = if full {
                (0, m)
            } else {
                // Centre on the straight line from (0, 0) to (n, m).
                let centre = i * m / n;
                (centre.saturating_sub(BAND), (centre + BAND).min(m))
            };
            lo.push(l);
            hi.push(h);
            offset.push(total);
            total += h - l + 1;
        }
        Self { lo, hi, offset }
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        (j >= self.lo[i] && j <= self.hi[i]).then(|| self.offset[i] + j - self.lo[i])
    }

    fn cells(&self) -> usize {
        let last = self.lo.len() - 1;
        self.offset[last] + self.hi[last] - self.lo[last] + 1
    }
}

/// Costs and back-pointers of the cells of a [`Band`].
struct Table {
    cost: Vec<f32>,
    back: Vec<(u8, u8)>,
}

impl Table {
    fn new(band: &Band) -> Self {
        Self {
            cost: vec![f32::INFINITY; band.cells()],
            back: vec![(0, 0); band.cells()],
        }
    }

    fn get(&self, band: &Band, i: usize, j: usize) -> f32 {
        band.index(i, j).map_or(f32::INFINITY, |k| self.cost[k])
    }

    fn set(&mut self, band: &Band, i: usize, j: usize, cost: f32, back: (usize, usize)) {
        if let Some(k) = band.index(i, j) {
            self.cost[k] = cost;
            // Step shapes are at most 3 x 3.
            self.back[k] = (back.0 as u8, back.1 as u8);
        }
    }

    fn back(&self, band: &Band, i: usize, j: usize) -> (usize, usize) {
        let k = band.index(i, j).unwrap_or(0);
        (usize::from(self.back[k].0), usize::from(self.back[k].1))
    }
}
