//! Moving through the comparison: scrolling, jumping between discrepancies,
//! factual flags and search matches, and keeping the target in view.

use super::app::App;
use super::editor::NoteTarget;
use super::pair::Side;
use super::scroll::{self, Pos};
use super::select::Selection;
use crate::engine::Span;

impl App {
    pub(super) fn scroll_down(&mut self, n: usize) {
        let h = |i| self.height(i);
        let moved = scroll::down(self.top, n, self.pair.unit_count(), &h);
        self.top = moved.min(self.last_top());
    }

    pub(super) fn scroll_up(&mut self, n: usize) {
        self.top = scroll::up(self.top, n, &|i| self.height(i));
    }

    /// The top that shows the end of the comparison at the bottom.
    pub(super) fn last_top(&self) -> Pos {
        scroll::last_top(self.pair.unit_count(), self.body_rows(), &|i| self.height(i))
    }

    /// The last unit with a row on screen.
    #[must_use]
    pub fn last_visible_unit(&self) -> usize {
        let h = |i| self.height(i);
        let rows = self.body_rows().max(1);
        scroll::down(self.top, rows - 1, self.pair.unit_count(), &h).unit
    }

    /// Scrolls so that `unit` is on screen, with some context above it.
    pub(super) fn bring_into_view(&mut self, unit: usize) {
        let rows = self.body_rows();
        let h = |i| self.height(i);
        if scroll::visible(self.top, rows, unit, &h) {
            return;
        }
        let start = Pos { unit, row: 0 };
        self.top = scroll::up(start, rows / 3, &h).min(self.last_top());
    }

    /// `n` / `N`: search matches while a search is active, else discrepancies.
    pub(super) fn step(&mut self, forward: bool) {
        if self.search.active() {
            self.step_match(forward);
        } else {
            self.step_discrepancy(forward, false);
        }
    }

    /// Moves to the next/previous (factual) discrepancy. With none current,
    /// starts from the top of the screen.
    pub(super) fn step_discrepancy(&mut self, forward: bool, factual_only: bool) {
        let all = &self.pair.cmp.discrepancies;
        let fits = |i: &usize| !factual_only || all[*i].factual;
        let found = match (self.current, forward) {
            (Some(c), true) => (c + 1..all.len()).find(fits),
            (Some(c), false) => (0..c).rev().find(fits),
            (None, true) => (0..all.len()).find(|i| all[*i].unit >= self.top.unit && fits(i)),
            (None, false) => (0..all.len())
                .rev()
                .find(|i| all[*i].unit <= self.top.unit && fits(i)),
        };
        let what = if factual_only {
            "factual flag"
        } else {
            "discrepancy"
        };
        match found {
            Some(i) => {
                self.current = Some(i);
                self.message = None;
                self.bring_into_view(all[i].unit);
            }
            None if forward => self.message = Some(format!("no further {what}")),
            None => self.message = Some(format!("no earlier {what}")),
        }
    }

    fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            return;
        }
        let next = match (self.search.current, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, true) => self
                .search
                .matches
                .iter()
                .position(|m| m.unit >= self.top.unit)
                .unwrap_or(0),
            (None, false) => n - 1,
        };
        self.search.current = Some(next);
        let unit = self.search.matches[next].unit;
        self.bring_into_view(unit);
    }

    /// `v`: selects the current search match, else the current discrepancy's
    /// text (rewrite side first).
    pub(super) fn start_selection(&mut self) {
        let from_match = self
            .search
            .current
            .map(|i| self.search.matches[i])
            .map(|m| Selection {
                side: m.side,
                span: m.span,
            });
        let from_discrepancy = self.current.and_then(|i| {
            let d = &self.pair.cmp.discrepancies[i];
            let pick = |side, span: Option<Span>| span.map(|span| Selection { side, span });
            pick(Side::Rewrite, d.rewrite).or_else(|| pick(Side::Original, d.original))
        });
        match from_match.or(from_discrepancy) {
            Some(sel) => {
                self.selection = Some(sel);
                self.mode = super::action::Mode::Select;
                self.message = Some("→/← end, Shift+←/→ start, a: write note, Esc: cancel".into());
            }
            None => {
                self.message = Some("nothing to select: search (/) or pick a discrepancy (n) first".into())
            }
        }
    }

    /// The discrepancy the editor is writing about, if any.
    #[must_use]
    pub fn editing_discrepancy(&self) -> Option<usize> {
        match self.editor.as_ref()?.target {
            NoteTarget::Discrepancy(i) => Some(i),
            NoteTarget::Span(_) => None,
        }
    }
}
