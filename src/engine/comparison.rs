//! The whole comparison of two documents: alignment units with their word
//! diffs, discrepancies, and a summary.

use super::align::{UnitKind, align};
use super::diff::{WordHunk, word_diff};
use super::discrepancy::{Discrepancy, FACTUAL_THRESHOLD, Finding, Kind, Suppressed, Tier};
use super::facts;
use super::segment::{Segmented, segment};
use super::text::{Document, Span};
use facts::context::DocIndex;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// One aligned unit with its byte spans and word diff.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    pub original: Option<Span>,
    pub rewrite: Option<Span>,
    pub kind: UnitKind,
    pub score: f32,
    /// Sentence indices on each side.
    pub original_sentences: Option<Range<usize>>,
    pub rewrite_sentences: Option<Range<usize>>,
    /// Changed words, for display.
    pub hunks: Vec<WordHunk>,
}

/// Counts a reviewer or a script reads first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub identical: bool,
    pub original_sentences: usize,
    pub rewrite_sentences: usize,
    /// Share of the original's sentences that have a counterpart.
    pub original_found_share: f32,
    pub discrepancies: usize,
    pub factual: usize,
    /// Discrepancies in the middle "check" tier (meaning may have changed).
    pub check: usize,
    /// Discrepancies per kind label (all kinds listed, zero included).
    pub by_kind: BTreeMap<&'static str, usize>,
    /// Factual flags per kind label.
    pub factual_by_kind: BTreeMap<&'static str, usize>,
}

/// The result of comparing an original with its rewrite.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub original: Segmented,
    pub rewrite: Segmented,
    pub units: Vec<Unit>,
    pub discrepancies: Vec<Discrepancy>,
    /// Candidate edits that a detector's guard dropped, in unit order
    /// (`report --explain`).
    pub suppressed: Vec<Suppressed>,
    pub summary: Summary,
}

/// Compares `original` with `rewrite`.
#[must_use]
pub fn compare(original: &Document, rewrite: &Document) -> Comparison {
    // On a thread of the pool that runs the per-unit work (the caller
    // waits): what the serial stages free is then reused by the parallel
    // ones rather than kept by the caller's thread (a malloc arena per
    // thread; 10 MB less peak on the whole Bible).
    rayon::scope(|_| compare_reporting(original, rewrite, &|_| {}))
}

/// Units between two progress reports in the per-unit stages.
const REPORT_EVERY: usize = 256;

/// [`compare`], telling `progress` the share of the work done (0 to 1) as
/// it goes: after segmenting, after aligning, and every few hundred units
/// while word diffs and detectors run. The shares follow where the time
/// went on the whole-Bible pair (detectors about two thirds).
#[must_use]
pub fn compare_reporting(original: &Document, rewrite: &Document, progress: &dyn Fn(f32)) -> Comparison {
    // No caller waits for the aligned texts here: the detectors' indexes
    // are built beside the alignment.
    let aligned = Aligned::stage_one(original, rewrite, progress, true);
    // No caller shows the word diffs before the flags either: each unit's
    // diff is made with its detectors, from the tokens they read.
    aligned.diff_and_detect(original, rewrite, progress)
}

/// A comparison in the making: both documents segmented and their
/// sentences aligned into units. The stages run in order — [`Aligned::new`],
/// [`Aligned::diff_words`], [`Aligned::detect`] — so a caller can show the
/// aligned texts (see [`Aligned::unchecked`]) while the later stages run.
#[derive(Debug, Clone)]
pub struct Aligned {
    original: Segmented,
    rewrite: Segmented,
    units: Vec<Unit>,
    /// Whether the units' word diffs are made.
    diffed: bool,
    /// The detectors' document indexes when built beside the alignment
    /// (which runs mostly on one core) for [`Aligned::detect`]; else
    /// `detect` builds them.
    indexes: Option<Arc<(DocIndex, DocIndex)>>,
}

/// Reports `progress` from `from` to `to` as `done` of `of` items are done,
/// every [`REPORT_EVERY`] items.
fn stage(progress: &dyn Fn(f32), from: f32, to: f32, done: usize, of: usize) {
    if done.is_multiple_of(REPORT_EVERY) {
        #[allow(clippy::cast_precision_loss)]
        let share = done as f32 / of.max(1) as f32;
        progress(from + (to - from) * share);
    }
}

impl Aligned {
    /// The first stage: segments both documents and aligns their
    /// sentences. The units have no word diffs yet.
    #[must_use]
    pub fn new(original: &Document, rewrite: &Document) -> Self {
        Self::new_reporting(original, rewrite, &|_| {})
    }

    /// [`Aligned::new`], telling `progress` the share of the whole
    /// comparison done (up to 0.15).
    #[must_use]
    pub fn new_reporting(original: &Document, rewrite: &Document, progress: &dyn Fn(f32)) -> Self {
        // The caller shows the aligned texts as soon as they exist (the
        // review screen): nothing else is built meanwhile.
        Self::stage_one(original, rewrite, progress, false)
    }

    /// [`Aligned::new_reporting`]; with `indexed`, the detectors' indexes
    /// of both documents are built meanwhile on another core (the stage
    /// then ends when both are done).
    fn stage_one(original: &Document, rewrite: &Document, progress: &dyn Fn(f32), indexed: bool) -> Self {
        let (seg_a, seg_b) = rayon::join(|| segment(original), || segment(rewrite));
        progress(0.03);
        let (aligned, indexes) = rayon::join(
            || {
                let mut units = align(original, &seg_a, rewrite, &seg_b);
                facts::regroup::regroup(original, &seg_a, rewrite, &seg_b, &mut units);
                units
            },
            || indexed.then(|| Arc::new(facts::indexes(original, &seg_a, rewrite, &seg_b))),
        );
        progress(0.15);
        let units = aligned
            .into_iter()
            .map(|u| Unit {
                original: u.original.as_ref().map(|r| seg_a.span_of(r)),
                rewrite: u.rewrite.as_ref().map(|r| seg_b.span_of(r)),
                kind: u.kind,
                score: u.score,
                original_sentences: u.original,
                rewrite_sentences: u.rewrite,
                hunks: Vec::new(),
            })
            .collect();
        Self {
            original: seg_a,
            rewrite: seg_b,
            units,
            diffed: false,
            indexes,
        }
    }

    /// The second stage: the word diff of every unit with text on both
    /// sides, for display (detectors read it too). `progress` goes from
    /// 0.15 to 0.35.
    pub fn diff_words(&mut self, original: &Document, rewrite: &Document, progress: &dyn Fn(f32)) {
        if self.diffed {
            return;
        }
        let n = self.units.len();
        let hunks: Vec<Vec<WordHunk>> = super::par::map_in_order(
            &self.units,
            |_, u| match (u.original, u.rewrite) {
                (Some(x), Some(y)) => word_diff(original, x, rewrite, y),
                _ => Vec::new(),
            },
            &|i| stage(progress, 0.15, 0.35, i, n),
        );
        for (u, h) in self.units.iter_mut().zip(hunks) {
            u.hunks = h;
        }
        self.diffed = true;
    }

    /// The comparison as far as it is made: the segments and units (with
    /// their word diffs once [`Aligned::diff_words`] ran), and no
    /// discrepancies yet: the detectors have not run.
    #[must_use]
    pub fn unchecked(&self, original: &Document, rewrite: &Document) -> Comparison {
        let summary = summarise(original, rewrite, &self.original, &self.rewrite, &self.units, &[]);
        Comparison {
            original: self.original.clone(),
            rewrite: self.rewrite.clone(),
            units: self.units.clone(),
            discrepancies: Vec::new(),
            suppressed: Vec::new(),
            summary,
        }
    }

    /// The last stage: runs the detectors on every unit (making the word
    /// diffs first if they are not yet) and returns the whole comparison.
    /// `progress` goes from 0.35 to 1.
    #[must_use]
    pub fn detect(mut self, original: &Document, rewrite: &Document, progress: &dyn Fn(f32)) -> Comparison {
        self.diff_words(original, rewrite, progress);
        let indexes = self.take_indexes(original, rewrite);
        let on_unit = |i: usize| stage(progress, 0.35, 0.98, i, self.units.len());
        let findings = facts::detect_indexed(
            original,
            &self.original,
            rewrite,
            &self.rewrite,
            &self.units,
            [&indexes.0, &indexes.1],
            &on_unit,
        );
        // Freed before the report is written.
        drop(indexes);
        progress(1.0);
        self.assemble(original, rewrite, findings)
    }

    /// The detectors' indexes built beside the alignment, or built now.
    fn take_indexes(&mut self, original: &Document, rewrite: &Document) -> Arc<(DocIndex, DocIndex)> {
        self.indexes
            .take()
            .unwrap_or_else(|| Arc::new(facts::indexes(original, &self.original, rewrite, &self.rewrite)))
    }

    /// The whole comparison from the units and their findings.
    fn assemble(self, original: &Document, rewrite: &Document, findings: Vec<Vec<Finding>>) -> Comparison {
        let (discrepancies, suppressed) = number_findings(findings);
        let summary = summarise(
            original,
            rewrite,
            &self.original,
            &self.rewrite,
            &self.units,
            &discrepancies,
        );
        Comparison {
            original: self.original,
            rewrite: self.rewrite,
            units: self.units,
            discrepancies,
            suppressed,
            summary,
        }
    }
}

impl Aligned {
    /// [`Aligned::diff_words`] and [`Aligned::detect`] in one pass over
    /// the units (the same comparison): each unit's word diff is made from
    /// the tokens its detectors read. `progress` goes from 0.15 to 1.
    fn diff_and_detect(
        mut self,
        original: &Document,
        rewrite: &Document,
        progress: &dyn Fn(f32),
    ) -> Comparison {
        if self.diffed {
            return self.detect(original, rewrite, progress);
        }
        let indexes = self.take_indexes(original, rewrite);
        let on_unit = |i: usize| stage(progress, 0.15, 0.98, i, self.units.len());
        let per_unit = facts::diff_and_detect_indexed(
            original,
            &self.original,
            rewrite,
            &self.rewrite,
            &self.units,
            [&indexes.0, &indexes.1],
            &on_unit,
        );
        // Freed before the report is written.
        drop(indexes);
        progress(1.0);
        // Collected in place (the pairs' buffer holds the findings): a
        // second list of every unit would be 1-2 MB more peak.
        let findings: Vec<Vec<Finding>> = per_unit
            .into_iter()
            .enumerate()
            .map(|(i, (hunks, found))| {
                self.units[i].hunks = hunks;
                found
            })
            .collect();
        self.diffed = true;
        self.assemble(original, rewrite, findings)
    }
}

/// Orders each unit's findings by position and gives them ids, in unit
/// order; the candidates a guard dropped go apart, in the order found.
/// Taken unit by unit, so no second copy of all findings is ever held.
fn number_findings(per_unit: Vec<Vec<Finding>>) -> (Vec<Discrepancy>, Vec<Suppressed>) {
    let dropped = per_unit.iter().flatten().filter(|f| f.guard.is_some()).count();
    let total: usize = per_unit.iter().map(Vec::len).sum();
    let mut discrepancies = Vec::with_capacity(total - dropped);
    let mut suppressed = Vec::with_capacity(dropped);
    let key = |f: &Finding| {
        (
            f.rewrite.map_or(usize::MAX, |s| s.start),
            f.original.map_or(usize::MAX, |s| s.start),
        )
    };
    let mut kept = Vec::new();
    for (unit, found) in per_unit.into_iter().enumerate() {
        for f in found {
            match f.guard {
                Some(guard) => suppressed.push(Suppressed {
                    unit,
                    detector: f.detector,
                    guard,
                    kind: f.kind,
                    original: f.original,
                    rewrite: f.rewrite,
                    reason: f.reason,
                }),
                None => kept.push(f),
            }
        }
        // Stable: findings at one position keep the detectors' order.
        kept.sort_by_key(key);
        for f in kept.drain(..) {
            discrepancies.push(Discrepancy {
                id: format!("d{}", discrepancies.len() + 1),
                kind: f.kind,
                factual: f.confidence >= FACTUAL_THRESHOLD,
                confidence: f.confidence,
                original: f.original,
                rewrite: f.rewrite,
                reason: f.reason,
                unit,
            });
        }
    }
    (discrepancies, suppressed)
}

fn summarise(
    a: &Document,
    b: &Document,
    sa: &Segmented,
    sb: &Segmented,
    units: &[Unit],
    discrepancies: &[Discrepancy],
) -> Summary {
    let found: usize = units
        .iter()
        .filter(|u| u.rewrite.is_some())
        .filter_map(|u| u.original_sentences.as_ref().map(ExactSizeIterator::len))
        .sum();
    let mut by_kind: BTreeMap<&'static str, usize> = Kind::ALL.iter().map(|k| (k.label(), 0)).collect();
    let mut factual_by_kind = by_kind.clone();
    for d in discrepancies {
        *by_kind.entry(d.kind.label()).or_default() += 1;
        if d.factual {
            *factual_by_kind.entry(d.kind.label()).or_default() += 1;
        }
    }
    let share = if sa.sentences.is_empty() {
        1.0
    } else {
        found as f32 / sa.sentences.len() as f32
    };
    Summary {
        identical: a.text()[a.body_start()..] == b.text()[b.body_start()..],
        original_sentences: sa.sentences.len(),
        rewrite_sentences: sb.sentences.len(),
        original_found_share: share,
        discrepancies: discrepancies.len(),
        factual: discrepancies.iter().filter(|d| d.factual).count(),
        check: discrepancies.iter().filter(|d| d.tier() == Tier::Check).count(),
        by_kind,
        factual_by_kind,
    }
}

impl Comparison {
    /// The same comparison with every span passed through `original` or
    /// `rewrite`: for inputs whose compared text is a view of the file (HTML,
    /// Markdown), the mapping back to the file's bytes.
    #[must_use]
    pub fn map_spans(mut self, original: &dyn Fn(Span) -> Span, rewrite: &dyn Fn(Span) -> Span) -> Self {
        map_segmented(&mut self.original, original);
        map_segmented(&mut self.rewrite, rewrite);
        for u in &mut self.units {
            u.original = u.original.map(original);
            u.rewrite = u.rewrite.map(rewrite);
            for h in &mut u.hunks {
                h.original = h.original.map(original);
                h.rewrite = h.rewrite.map(rewrite);
            }
        }
        for d in &mut self.discrepancies {
            d.original = d.original.map(original);
            d.rewrite = d.rewrite.map(rewrite);
        }
        for d in &mut self.suppressed {
            d.original = d.original.map(original);
            d.rewrite = d.rewrite.map(rewrite);
        }
        self
    }
}

fn map_segmented(seg: &mut Segmented, f: &dyn Fn(Span) -> Span) {
    for p in &mut seg.paragraphs {
        p.span = f(p.span);
    }
    for s in &mut seg.sentences {
        s.span = f(s.span);
    }
}

impl Comparison {
    /// The same comparison with `factual` decided at `threshold` instead of
    /// the default, and the summary's factual counts to match. Plain
    /// rewording stays non-factual at any threshold.
    #[must_use]
    pub fn with_threshold(mut self, threshold: f32) -> Self {
        let mut by_kind: BTreeMap<&'static str, usize> = Kind::ALL.iter().map(|k| (k.label(), 0)).collect();
        for d in &mut self.discrepancies {
            d.factual = d.kind != Kind::Wording && d.confidence >= threshold;
            if d.factual {
                *by_kind.entry(d.kind.label()).or_default() += 1;
            }
        }
        self.summary.factual = self.discrepancies.iter().filter(|d| d.factual).count();
        self.summary.check = self
            .discrepancies
            .iter()
            .filter(|d| d.tier() == Tier::Check)
            .count();
        self.summary.factual_by_kind = by_kind;
        self
    }
}
