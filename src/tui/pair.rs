//! The pair under review: both documents, their comparison, and the indexes
//! the screen needs (discrepancies per unit, unit of a byte offset,
//! reworded share per paragraph). Built once; never changes.

use crate::engine::lines::{LineIndex, Place, paragraph_number};
use crate::engine::{Comparison, Document, Span};
use crate::input::{Input, Source};
use std::ops::Range;

/// Which pane / which document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Original,
    Rewrite,
}

/// Both documents and everything derived from comparing them.
pub struct Pair {
    pub names: [String; 2],
    pub docs: [Document; 2],
    pub cmp: Comparison,
    /// Discrepancy indices of each unit (discrepancies come sorted by unit).
    by_unit: Vec<Range<usize>>,
    /// (span start, unit) of every unit with text on that side, sorted.
    starts: [Vec<(usize, usize)>; 2],
    /// Reworded share (0..=100) of each original paragraph.
    pub percent: Vec<u8>,
    /// Line starts of each side, for line numbers.
    lines: [LineIndex; 2],
    /// Units laid out in the rewrite's order rather than the original's.
    pub rewrite_order: bool,
    /// For an HTML or Markdown input, the file as read (the screen shows
    /// its prose): line numbers count the file's lines, as reports do.
    files: [Option<Source>; 2],
}

impl Side {
    #[must_use]
    pub const fn index(self) -> usize {
        match self {
            Self::Original => 0,
            Self::Rewrite => 1,
        }
    }
}

impl Pair {
    /// Compares the two inputs.
    #[must_use]
    pub fn new(original: Input, rewrite: Input) -> Self {
        Self::new_reporting(original, rewrite, &|_| {})
    }

    /// [`Pair::new`], telling `progress` the share of the comparison done.
    #[must_use]
    pub fn new_reporting(original: Input, rewrite: Input, progress: &dyn Fn(f32)) -> Self {
        let cmp =
            crate::engine::comparison::compare_reporting(&original.document, &rewrite.document, progress);
        Self::from_comparison(original, rewrite, cmp)
    }

    /// Wraps a comparison already made of these two inputs (tests build
    /// book-sized ones directly, without running the aligner).
    #[must_use]
    pub fn from_comparison(original: Input, rewrite: Input, cmp: Comparison) -> Self {
        let by_unit = group_by_unit(&cmp);
        let starts = [
            unit_starts(&cmp, Side::Original),
            unit_starts(&cmp, Side::Rewrite),
        ];
        let percent = reworded_percent(&cmp);
        let lines = [
            LineIndex::new(original.document.text()),
            LineIndex::new(rewrite.document.text()),
        ];
        Self {
            rewrite_order: false,
            files: [None, None],
            lines,
            names: [original.name, rewrite.name],
            docs: [original.document, rewrite.document],
            cmp,
            by_unit,
            starts,
            percent,
        }
    }

    /// Puts `cmp`, a later stage of this pair's comparison (the same units
    /// with their word diffs, say), in place of the one it has.
    pub fn set_comparison(&mut self, cmp: Comparison) {
        self.by_unit = group_by_unit(&cmp);
        self.starts = [
            unit_starts(&cmp, Side::Original),
            unit_starts(&cmp, Side::Rewrite),
        ];
        self.percent = reworded_percent(&cmp);
        self.cmp = cmp;
    }

    /// The same pair with line numbers counted in the files these inputs'
    /// prose was read from (sources without prose are ignored).
    #[must_use]
    pub fn with_files(mut self, files: [Option<Source>; 2]) -> Self {
        let files = files.map(|f| f.filter(|s| s.prose.is_some()));
        for (k, f) in files.iter().enumerate() {
            if let Some(source) = f {
                self.lines[k] = LineIndex::new(source.file.text());
            }
        }
        self.files = files;
        self
    }

    /// The same comparison with its units in the rewrite's order (as it
    /// was published; a sentence the rewrite dropped follows the one before
    /// it in the original). Discrepancies keep their ids and spans and only
    /// change position, so annotations attach to them as before.
    #[must_use]
    pub fn reordered(&self) -> Self {
        let inputs = |side: Side| Input {
            name: self.name(side).to_owned(),
            document: self.doc(side).clone(),
        };
        let order = rewrite_order(&self.cmp);
        let mut cmp = self.cmp.clone();
        let mut new_index = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        cmp.units = order.iter().map(|&old| self.cmp.units[old].clone()).collect();
        for d in &mut cmp.discrepancies {
            d.unit = new_index[d.unit];
        }
        // Stable: discrepancies of one unit keep their order.
        cmp.discrepancies.sort_by_key(|d| d.unit);
        let mut pair = Self::from_comparison(inputs(Side::Original), inputs(Side::Rewrite), cmp)
            .with_files(self.files.clone());
        pair.rewrite_order = true;
        pair
    }

    #[must_use]
    pub fn doc(&self, side: Side) -> &Document {
        &self.docs[side.index()]
    }

    #[must_use]
    pub fn name(&self, side: Side) -> &str {
        &self.names[side.index()]
    }

    #[must_use]
    pub fn unit_count(&self) -> usize {
        self.cmp.units.len()
    }

    /// The text span of a unit on one side.
    #[must_use]
    pub fn unit_span(&self, unit: usize, side: Side) -> Option<Span> {
        let u = &self.cmp.units[unit];
        match side {
            Side::Original => u.original,
            Side::Rewrite => u.rewrite,
        }
    }

    /// Line, column and paragraph number of byte `offset` on `side`.
    #[must_use]
    pub fn place(&self, side: Side, offset: usize) -> (Place, Option<usize>) {
        let seg = match side {
            Side::Original => &self.cmp.original,
            Side::Rewrite => &self.cmp.rewrite,
        };
        let lines = &self.lines[side.index()];
        let place = match &self.files[side.index()] {
            Some(source) => lines.place(
                source.file.text(),
                source.to_file(Span::new(offset, offset)).start,
            ),
            None => lines.place(self.doc(side).text(), offset),
        };
        (place, paragraph_number(seg, offset))
    }

    /// Indices of the discrepancies found in a unit.
    #[must_use]
    pub fn discrepancies_of(&self, unit: usize) -> Range<usize> {
        self.by_unit.get(unit).cloned().unwrap_or(0..0)
    }

    /// The unit whose text on `side` holds byte `offset` (or precedes it).
    #[must_use]
    pub fn unit_at(&self, side: Side, offset: usize) -> Option<usize> {
        let starts = &self.starts[side.index()];
        let i = starts.partition_point(|&(s, _)| s <= offset);
        i.checked_sub(1).map(|i| starts[i].1)
    }
}

/// Unit indices in the rewrite's reading order. A unit without rewrite
/// text goes right after the unit before it in the original's order.
fn rewrite_order(cmp: &Comparison) -> Vec<usize> {
    let mut anchor = 0usize;
    let mut keyed: Vec<((usize, usize, usize), usize)> = Vec::with_capacity(cmp.units.len());
    for (i, u) in cmp.units.iter().enumerate() {
        let key = match u.rewrite {
            Some(s) => {
                anchor = s.start;
                (s.start, 0, i)
            }
            None => (anchor, 1, i),
        };
        keyed.push((key, i));
    }
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

fn group_by_unit(cmp: &Comparison) -> Vec<Range<usize>> {
    let mut out = vec![0..0; cmp.units.len()];
    let mut i = 0;
    for (unit, slot) in out.iter_mut().enumerate() {
        let start = i;
        while i < cmp.discrepancies.len() && cmp.discrepancies[i].unit == unit {
            i += 1;
        }
        *slot = start..i;
    }
    out
}

fn unit_starts(cmp: &Comparison, side: Side) -> Vec<(usize, usize)> {
    let mut v: Vec<(usize, usize)> = cmp
        .units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let span = if side == Side::Original {
                u.original
            } else {
                u.rewrite
            };
            span.map(|s| (s.start, i))
        })
        .collect();
    v.sort_unstable();
    v
}

/// Share of each original paragraph that was reworded: per unit, the
/// larger of its deleted and inserted bytes (a whole sentence when it has no
/// counterpart), over the paragraph's bytes. Units count towards the
/// paragraph of their first original sentence.
fn reworded_percent(cmp: &Comparison) -> Vec<u8> {
    let seg = &cmp.original;
    let mut changed = vec![0usize; seg.paragraphs.len()];
    for u in &cmp.units {
        let Some(first) = u.original_sentences.as_ref().map(|r| r.start) else {
            continue;
        };
        let bytes = if u.rewrite.is_none() {
            u.original.map_or(0, Span::len)
        } else {
            let deleted: usize = u.hunks.iter().filter_map(|h| h.original).map(Span::len).sum();
            let inserted: usize = u.hunks.iter().filter_map(|h| h.rewrite).map(Span::len).sum();
            deleted.max(inserted)
        };
        changed[seg.sentences[first].paragraph] += bytes;
    }
    seg.paragraphs
        .iter()
        .zip(changed)
        .map(|(p, c)| {
            let total: usize = seg.sentences[p.sentences.clone()]
                .iter()
                .map(|s| s.span.len())
                .sum();
            let pct = if total == 0 {
                0
            } else {
                (c * 100).div_ceil(total).min(100)
            };
            u8::try_from(pct).unwrap_or(100)
        })
        .collect()
}
