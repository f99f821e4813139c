//! Moving through the comparison: scrolling, jumping between discrepancies,
//! factual flags and search matches, and keeping the target in view.

use super::action::Mode;
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

    /// Whether some row of `unit` is on screen.
    #[must_use]
    pub fn unit_on_screen(&self, unit: usize) -> bool {
        self.top.unit <= unit && unit <= self.last_visible_unit()
    }

    /// Moves to the next/previous (factual) discrepancy: from the selected
    /// one while it is on screen (or the sidebar has focus), else from what
    /// the screen shows; past the last (first) one it wraps round and says so.
    pub(super) fn step_discrepancy(&mut self, forward: bool, factual_only: bool) {
        let all = &self.pair.cmp.discrepancies;
        let n = all.len();
        // In the sidebar, j/k visit what it lists.
        let sidebar = self.mode == Mode::Sidebar;
        let fits = |i: &usize| (!factual_only || all[*i].factual) && (!sidebar || self.listed(*i));
        let from = self
            .current
            .filter(|&c| self.mode == Mode::Sidebar || self.unit_on_screen(all[c].unit));
        let (first_unit, last_unit) = (self.top.unit, self.last_visible_unit());
        let found = match (from, forward) {
            (Some(c), true) => (c + 1..n).find(fits),
            (Some(c), false) => (0..c).rev().find(fits),
            (None, true) => (0..n).find(|i| all[*i].unit >= first_unit && fits(i)),
            (None, false) => (0..n).rev().find(|i| all[*i].unit <= last_unit && fits(i)),
        };
        let what = if factual_only {
            "factual flag"
        } else {
            "discrepancy"
        };
        let (found, message) = match found {
            Some(i) => (Some(i), None),
            None if forward => (
                (0..n).find(fits),
                Some(format!("wrapped round to the first {what}")),
            ),
            None => (
                (0..n).rev().find(fits),
                Some(format!("wrapped round to the last {what}")),
            ),
        };
        match found {
            Some(i) => {
                self.current = Some(i);
                self.message = message;
                self.bring_into_view(all[i].unit);
            }
            None if self.checking => self.message = Some(format!("checking…: no {what} found yet")),
            None => self.message = Some(format!("no {what} in this comparison")),
        }
    }

    fn step_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            return;
        }
        let matches = &self.search.matches;
        let from = self
            .search
            .current
            .filter(|&c| self.unit_on_screen(matches[c].unit));
        let (first_unit, last_unit) = (self.top.unit, self.last_visible_unit());
        let found = match (from, forward) {
            (Some(c), true) => (c + 1 < n).then_some(c + 1),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => matches.iter().position(|m| m.unit >= first_unit),
            (None, false) => matches.iter().rposition(|m| m.unit <= last_unit),
        };
        let next = found.unwrap_or_else(|| {
            self.message = Some(if forward {
                "search wrapped round to the top".into()
            } else {
                "search wrapped round to the bottom".into()
            });
            if forward { 0 } else { n - 1 }
        });
        if found.is_some() {
            self.message = None;
        }
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
                self.mode = Mode::Select;
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
