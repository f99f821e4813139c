//! Drawing: `&App` is a widget; each part of the screen has its own file.

mod detail;
mod overview;
mod panes;
mod popup;
pub mod progress;
mod sidebar;
mod status;

use super::action::Mode;
use super::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.screen();
        panes::render(self, &s, buf);
        overview::render(self, s.overview, buf);
        if let Some(side) = s.sidebar {
            sidebar::render(self, side, buf);
        }
        if let Some(area) = s.detail {
            detail::render(self, area, buf);
        }
        status::render(self, s.status, buf);
        match self.mode {
            Mode::Help => popup::help(self, area, buf),
            Mode::Editor => popup::editor(self, area, buf),
            _ => {}
        }
    }
}

impl App {
    /// The furthest the help overlay scrolls at the current size.
    #[must_use]
    pub fn help_max_top(&self) -> usize {
        popup::help_max_top(self.size, self.copies.count() > 1)
    }

    /// Where the terminal cursor belongs: in the note editor or at the end
    /// of the search prompt; `None` hides it.
    #[must_use]
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        match self.mode {
            Mode::Editor => popup::editor_cursor(self, area),
            Mode::Search => {
                let s = self.screen().status;
                let w = 1 + one_line(&self.search.input).width();
                let x = s.x + u16::try_from(w).ok()?.min(s.width.saturating_sub(1));
                Some(Position::new(x, s.y))
            }
            _ => None,
        }
    }
}

/// Writes `text` (already inert) at (x, y), clipped to `max` cells and to
/// the buffer; returns the cells used.
fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, max: u16, style: Style) -> u16 {
    let mut used = 0u16;
    for g in text.graphemes(true) {
        let w = u16::try_from(g.width()).unwrap_or(u16::MAX);
        if used + w > max || !buf.area.contains(Position::new(x + used, y)) {
            break;
        }
        buf.set_stringn(x + used, y, g, usize::from(w.max(1)), style);
        used += w;
    }
    used
}

/// Fills a row of `area` with spaces in `style`.
fn blank(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    for x in area.left()..area.right() {
        if let Some(c) = buf.cell_mut(Position::new(x, y)) {
            c.set_symbol(" ").set_style(style);
        }
    }
}

/// `text` cut to `max` cells with an ellipsis.
fn clip(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for g in text.graphemes(true) {
        if out.width() + g.width() + 1 > max {
            break;
        }
        out.push_str(g);
    }
    out.push('…');
    out
}

/// `text` cut from the start to `max` cells, with a leading ellipsis.
fn clip_start(text: &str, max: usize) -> String {
    if text.width() <= max {
        return text.to_owned();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut used = 1;
    for g in text.graphemes(true).rev() {
        if used + g.width() > max {
            break;
        }
        used += g.width();
        kept.push(g);
    }
    let tail: String = kept.into_iter().rev().collect();
    format!("…{tail}")
}

/// A note or excerpt on one line, made inert.
pub(super) fn one_line(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::sanitize::inert(&flat).into_owned()
}
