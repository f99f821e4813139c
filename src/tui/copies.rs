//! One original against several copies: the screen shows one copy at a
//! time and `]` / `[` switch to the next / previous. Each copy keeps its
//! own comparison, review (saved where the two-file review of that pair
//! saves it), scroll position and selected discrepancy while it is not
//! shown.

use super::action::Mode;
use super::app::App;
use super::pair::Pair;
use super::review::Review;
use super::scroll::Pos;

/// A copy that is not on screen, as it was left.
pub struct Shelved {
    pair: Pair,
    other_pair: Option<Pair>,
    review: Review,
    top: Pos,
    current: Option<usize>,
}

impl Shelved {
    /// A copy not yet shown: at the top, nothing selected.
    #[must_use]
    pub fn new(pair: Pair, review: Review) -> Self {
        Self {
            pair,
            other_pair: None,
            review,
            top: Pos::default(),
            current: None,
        }
    }
}

/// The copies of the original under review: which one is on screen and
/// the others as they were left (`None` marks the one shown, whose state
/// lives in [`App`]).
#[derive(Default)]
pub struct Copies {
    slots: Vec<Option<Shelved>>,
    shown: usize,
}

impl Copies {
    /// How many copies there are (1 for a two-file review).
    #[must_use]
    pub fn count(&self) -> usize {
        self.slots.len().max(1)
    }

    /// Which copy is on screen, from 0.
    #[must_use]
    pub const fn shown(&self) -> usize {
        self.shown
    }

    /// The copies not on screen, with their number (from 0).
    pub fn shelved(&self) -> impl Iterator<Item = (usize, &Shelved)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(k, s)| s.as_ref().map(|s| (k, s)))
    }

    /// "copy 2/3" with several copies, else nothing.
    #[must_use]
    pub fn label(&self) -> Option<String> {
        (self.count() > 1).then(|| format!("copy {}/{}", self.shown + 1, self.count()))
    }
}

impl App {
    /// The same screen with further copies of the original behind the one
    /// shown (copy 1), reached with `]` and `[`.
    #[must_use]
    pub fn with_copies(mut self, others: Vec<Shelved>) -> Self {
        if others.is_empty() {
            return self;
        }
        self.copies.slots = std::iter::once(None)
            .chain(others.into_iter().map(Some))
            .collect();
        self.copies.shown = 0;
        self
    }

    /// `]` / `[`: shows the next (`forward`) or previous copy, wrapping
    /// round. A note being typed is saved first, to the copy it was written
    /// on; the search and a selection end, since they were of that copy's text.
    pub(super) fn switch_copy(&mut self, forward: bool) {
        let n = self.copies.count();
        if n < 2 {
            self.message = Some(
                "one copy only: ] and [ switch between copies given as factdiff ORIGINAL COPY1 COPY2 …"
                    .into(),
            );
            return;
        }
        if self.mode == Mode::Editor {
            self.finish_note();
        }
        let from = self.copies.shown;
        let to = if forward {
            (from + 1) % n
        } else {
            (from + n - 1) % n
        };
        let Some(next) = self.copies.slots[to].take() else {
            return;
        };
        let left = Shelved {
            pair: std::mem::replace(&mut self.pair, next.pair),
            other_pair: std::mem::replace(&mut self.other_pair, next.other_pair),
            review: std::mem::replace(&mut self.review, next.review),
            top: std::mem::replace(&mut self.top, next.top),
            current: std::mem::replace(&mut self.current, next.current),
        };
        self.copies.slots[from] = Some(left);
        self.copies.shown = to;
        self.rows = super::rows::RowCache::default();
        self.search.clear();
        self.selection = None;
        if matches!(self.mode, Mode::Select | Mode::Search | Mode::Editor) {
            self.mode = Mode::Normal;
        }
        self.relayout_keeping_current();
        let name = super::draw::one_line(self.pair.name(super::pair::Side::Rewrite));
        self.message = Some(match self.review.notice.take() {
            Some(notice) => format!("showing {name} · {notice}"),
            None => format!("showing {name}"),
        });
    }

    /// Warnings met loading or saving the annotations of every copy.
    #[must_use]
    pub fn warnings(&self) -> Vec<&str> {
        let shelved = self.copies.shelved().map(|(_, s)| &s.review);
        std::iter::once(&self.review)
            .chain(shelved)
            .flat_map(|r| r.warnings.iter().map(String::as_str))
            .collect()
    }
}
