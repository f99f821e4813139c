//! Mouse clicks: on a row of the panes (the discrepancies of that sentence,
//! in turn), on a line of the sidebar list (that discrepancy), or on the
//! overview column (that part of the comparison).

use super::action::Mode;
use super::app::App;
use super::pair::Side;
use super::scroll::{self, Pos};
use ratatui::layout::{Position, Rect};

impl App {
    /// Acts on a left click at column `x`, row `y` of the terminal.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        if !matches!(self.mode, Mode::Normal | Mode::Sidebar) {
            return;
        }
        let s = self.screen();
        let at = Position::new(x, y);
        if let Some(list) = self.sidebar_list_area().filter(|r| r.contains(at)) {
            self.click_sidebar(usize::from(y - list.y), usize::from(list.height));
        } else if s.overview.contains(at) {
            self.click_overview(usize::from(y - s.overview.y), usize::from(s.overview.height));
        } else if [s.gutter, s.left, s.mid, s.right].iter().any(|r| r.contains(at)) {
            self.click_text_row(usize::from(y - s.left.y));
        }
    }

    /// The part of the sidebar that lists discrepancies (below its title,
    /// above the free notes).
    #[must_use]
    pub fn sidebar_list_area(&self) -> Option<Rect> {
        let area = self.screen().sidebar?;
        let extra_rows = self.sidebar_extra_lines().len().min(usize::from(area.height) / 3);
        let rows = usize::from(area.height).saturating_sub(1 + extra_rows);
        Some(Rect::new(
            area.x + 1,
            area.y + 1,
            area.width.saturating_sub(1),
            u16::try_from(rows).unwrap_or(0),
        ))
    }

    /// The first position in `items` (the sidebar's filtered list) shown
    /// in `rows` rows: the list follows the current one, keeping it mid-way.
    #[must_use]
    pub fn sidebar_first(&self, items: &[usize], rows: usize) -> usize {
        let all = &self.pair.cmp.discrepancies;
        let anchor = self.current.map_or_else(
            || items.partition_point(|&i| all[i].unit < self.top.unit),
            |c| items.partition_point(|&i| i < c),
        );
        anchor
            .saturating_sub(rows / 2)
            .min(items.len().saturating_sub(rows))
    }

    fn click_sidebar(&mut self, row: usize, rows: usize) {
        let items = self.sidebar_items();
        if let Some(&i) = items.get(self.sidebar_first(&items, rows) + row) {
            self.select_discrepancy(i);
        }
    }

    fn click_overview(&mut self, row: usize, rows: usize) {
        let units = self.pair.unit_count();
        if units == 0 || rows == 0 {
            return;
        }
        let unit = (row * units / rows).min(units - 1);
        self.top = Pos { unit, row: 0 }.min(self.last_top());
    }

    /// A click on the text: the unit drawn on that row; its discrepancies
    /// are selected in turn, factual flags first.
    fn click_text_row(&mut self, row: usize) {
        let h = |i| self.height(i);
        let target = scroll::down(self.top, row, self.pair.unit_count(), &h);
        if row > 0 && target == scroll::down(self.top, row - 1, self.pair.unit_count(), &h) {
            return; // below the last row of text
        }
        let all = &self.pair.cmp.discrepancies;
        let mut here: Vec<usize> = (0..all.len()).filter(|&i| all[i].unit == target.unit).collect();
        here.sort_by_key(|&i| !all[i].factual);
        let Some(&first) = here.first() else {
            self.message = Some("no discrepancy in this sentence".into());
            return;
        };
        let next = self
            .current
            .and_then(|c| here.iter().position(|&i| i == c))
            .map_or(first, |k| here[(k + 1) % here.len()]);
        self.current = Some(next);
        self.message = None;
        // The detail pane may just have opened over the clicked row.
        self.bring_into_view(all[next].unit);
    }

    /// Lines for free notes and orphaned annotations, below the list.
    #[must_use]
    pub fn sidebar_extra_lines(&self) -> Vec<String> {
        let one_line = super::draw::one_line;
        let mut out = Vec::new();
        let free = self.review.free_notes(&self.pair);
        let orphans = self.review.orphans();
        if !free.is_empty() {
            out.push("─ notes on text".to_owned());
            for n in free {
                let side = if n.side == Side::Original { "orig" } else { "rewr" };
                out.push(format!(
                    " {side} “{}”: {}",
                    one_line(&n.excerpt),
                    one_line(&n.note)
                ));
            }
        }
        if !orphans.is_empty() {
            out.push("─ orphaned".to_owned());
            out.extend(orphans.iter().map(|o| format!(" orphaned: {}", one_line(o))));
        }
        out
    }

    fn select_discrepancy(&mut self, i: usize) {
        self.current = Some(i);
        self.message = None;
        let unit = self.pair.cmp.discrepancies[i].unit;
        self.bring_into_view(unit);
    }
}
