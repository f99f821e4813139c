//! Aligned rows: each unit is wrapped to its pane width on both sides and
//! padded to the same height, so one row offset drives both panes. Units are
//! wrapped lazily, only when scrolled to, and cached per pane width.

use super::pair::{Pair, Side};
use super::wrap::wrap;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// How one unit is laid out in both panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitRows {
    /// A blank row first, because a paragraph starts here.
    pub gap: bool,
    /// A line above the text saying where a moved unit went (per side).
    pub moved: Option<[String; 2]>,
    /// Wrapped lines per side, as byte ranges of that side's document.
    pub lines: [Vec<Range<usize>>; 2],
}

/// What one row of one pane shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row<'a> {
    Gap,
    Moved(&'a str),
    /// The `n`th wrapped line of the unit's text.
    Text(usize, Range<usize>),
    /// Padding facing text on the other side.
    Filler,
}

impl UnitRows {
    fn head(&self) -> usize {
        usize::from(self.gap) + usize::from(self.moved.is_some())
    }

    /// Rows this unit takes in both panes.
    #[must_use]
    pub fn height(&self) -> usize {
        self.head() + self.lines[0].len().max(self.lines[1].len()).max(1)
    }

    /// What row `r` of this unit shows on `side`.
    #[must_use]
    pub fn row(&self, side: Side, r: usize) -> Row<'_> {
        if self.gap && r == 0 {
            return Row::Gap;
        }
        if let Some(m) = &self.moved
            && r + 1 == self.head()
        {
            return Row::Moved(&m[side.index()]);
        }
        let n = r - self.head();
        self.lines[side.index()]
            .get(n)
            .map_or(Row::Filler, |l| Row::Text(n, l.clone()))
    }
}

/// Wrapped units for the current pane widths.
#[derive(Default)]
pub struct RowCache {
    widths: [usize; 2],
    units: RefCell<HashMap<usize, Rc<UnitRows>>>,
    /// Units wrapped so far, all widths together (shows the layout is lazy).
    built: std::cell::Cell<usize>,
}

/// Past this many cached units the cache starts afresh, bounding memory on
/// book-length inputs.
const CACHE_LIMIT: usize = 20_000;

impl RowCache {
    /// Sets the text width of each pane; a change drops every cached unit.
    pub fn set_widths(&mut self, widths: [usize; 2]) {
        if widths != self.widths {
            self.widths = widths;
            self.units.get_mut().clear();
        }
    }

    #[must_use]
    pub const fn widths(&self) -> [usize; 2] {
        self.widths
    }

    /// How many times a unit has been wrapped since the start.
    #[must_use]
    pub fn built(&self) -> usize {
        self.built.get()
    }

    /// The layout of unit `i`, wrapping it on first use.
    #[must_use]
    pub fn get(&self, pair: &Pair, i: usize) -> Rc<UnitRows> {
        if let Some(r) = self.units.borrow().get(&i) {
            return Rc::clone(r);
        }
        let rows = Rc::new(build(pair, i, self.widths));
        self.built.set(self.built.get() + 1);
        let mut map = self.units.borrow_mut();
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        map.insert(i, Rc::clone(&rows));
        rows
    }
}

fn build(pair: &Pair, i: usize, widths: [usize; 2]) -> UnitRows {
    let unit = &pair.cmp.units[i];
    let side_lines = |side: Side| {
        pair.unit_span(i, side)
            .map(|s| wrap(pair.doc(side).text(), s, widths[side.index()]))
            .unwrap_or_default()
    };
    let gap =
        i > 0 && (starts_paragraph(pair, i, Side::Original) || starts_paragraph(pair, i, Side::Rewrite));
    let moved = (unit.kind == crate::engine::align::UnitKind::Moved).then(|| moved_notes(pair, i));
    UnitRows {
        gap,
        moved,
        lines: [side_lines(Side::Original), side_lines(Side::Rewrite)],
    }
}

/// Whether the unit's first sentence on `side` opens a paragraph.
fn starts_paragraph(pair: &Pair, i: usize, side: Side) -> bool {
    let unit = &pair.cmp.units[i];
    let (range, seg) = match side {
        Side::Original => (&unit.original_sentences, &pair.cmp.original),
        Side::Rewrite => (&unit.rewrite_sentences, &pair.cmp.rewrite),
    };
    range.as_ref().is_some_and(|r| {
        let p = seg.sentences[r.start].paragraph;
        seg.paragraphs[p].sentences.start == r.start
    })
}

/// The paragraph (1-based) a unit's text sits in on `side`.
#[must_use]
pub fn paragraph_number(pair: &Pair, i: usize, side: Side) -> Option<usize> {
    let unit = &pair.cmp.units[i];
    let (range, seg) = match side {
        Side::Original => (&unit.original_sentences, &pair.cmp.original),
        Side::Rewrite => (&unit.rewrite_sentences, &pair.cmp.rewrite),
    };
    range.as_ref().map(|r| seg.sentences[r.start].paragraph + 1)
}

/// The original paragraph a unit opens, if it opens one (for the gutter).
#[must_use]
pub fn opened_paragraph(pair: &Pair, i: usize) -> Option<usize> {
    starts_paragraph(pair, i, Side::Original)
        .then(|| paragraph_number(pair, i, Side::Original))
        .flatten()
        .map(|p| p - 1)
}

fn moved_notes(pair: &Pair, i: usize) -> [String; 2] {
    let to = paragraph_number(pair, i, Side::Rewrite).unwrap_or(0);
    let from = paragraph_number(pair, i, Side::Original).unwrap_or(0);
    [
        format!("⇣ moved: now in rewrite ¶{to}"),
        format!("⇡ moved here from original ¶{from}"),
    ]
}
