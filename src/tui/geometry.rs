//! Where everything goes on screen. Pure arithmetic on the terminal size;
//! saturating so that a 1×1 terminal yields empty areas, not a panic.

use ratatui::layout::Rect;

/// Width of the left gutter (reworded percent per paragraph).
pub const GUTTER: u16 = 5;
/// Width of the middle column (discrepancy kind tags).
pub const MID: u16 = 5;
/// Narrowest terminal that gets a sidebar.
const SIDEBAR_MIN_TERMINAL: u16 = 60;

/// The areas of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    /// File names above the panes.
    pub title: Rect,
    pub gutter: Rect,
    pub left: Rect,
    pub mid: Rect,
    pub right: Rect,
    /// The one-column overview of the whole comparison.
    pub overview: Rect,
    pub sidebar: Option<Rect>,
    /// The selected discrepancy in full, under the panes.
    pub detail: Option<Rect>,
    pub status: Rect,
}

/// Shortest terminal that shows the detail pane.
const DETAIL_MIN_TERMINAL: u16 = 20;
/// Most rows the detail pane takes.
const DETAIL_ROWS: u16 = 9;

/// Lays out a screen of `area`, with or without the sidebar and the
/// detail pane.
#[must_use]
pub fn screen(area: Rect, sidebar: bool, detail: bool) -> Screen {
    let full_body = area.height.saturating_sub(2);
    let detail_h = if detail && area.height >= DETAIL_MIN_TERMINAL {
        (full_body / 3).min(DETAIL_ROWS)
    } else {
        0
    };
    let body_h = full_body - detail_h;
    let status = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(1),
        area.width,
        area.height.min(1),
    );
    let side_w = if sidebar && area.width >= SIDEBAR_MIN_TERMINAL {
        (area.width / 3).clamp(24, 48)
    } else {
        0
    };
    let main_w = area.width - side_w;
    let sidebar =
        (side_w > 0).then(|| Rect::new(area.x + main_w, area.y, side_w, area.height.saturating_sub(1)));
    let title = Rect::new(area.x, area.y, main_w, area.height.saturating_sub(1).min(1));
    let y = area.y + 1;
    let text_w = main_w.saturating_sub(GUTTER + MID + 1);
    let left_w = text_w / 2;
    let right_w = text_w - left_w;
    let mut x = area.x;
    let mut next = |w: u16| {
        let w = w.min(area.x + main_w - x);
        let r = Rect::new(x, y, w, body_h);
        x += w;
        r
    };
    let gutter = next(GUTTER);
    let left = next(left_w);
    let mid = next(MID);
    let right = next(right_w);
    let overview = next(1);
    let detail = (detail_h > 0).then(|| Rect::new(area.x, y + body_h, main_w, detail_h));
    Screen {
        detail,
        title,
        gutter,
        left,
        mid,
        right,
        overview,
        sidebar,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width() {
        let s = screen(Rect::new(0, 0, 80, 24), false, false);
        assert_eq!(
            s.gutter.width + s.left.width + s.mid.width + s.right.width + s.overview.width,
            80
        );
        assert_eq!(s.left.height, 22);
        assert_eq!(s.status.y, 23);
        let d = screen(Rect::new(0, 0, 120, 40), true, true);
        let detail = d.detail.expect("a detail pane at 120×40");
        assert_eq!(d.left.bottom(), detail.y, "the detail pane sits under the panes");
        assert_eq!(detail.bottom(), d.status.y);
        assert_eq!(detail.width, d.sidebar.unwrap().x);
    }

    #[test]
    fn tiny_terminals_give_empty_areas() {
        for (w, h) in [(1, 1), (0, 0), (20, 5), (3, 2)] {
            let s = screen(Rect::new(0, 0, w, h), true, true);
            assert!(s.overview.right() <= w);
            assert!(s.left.bottom() <= h.max(1));
            assert!(s.detail.is_none_or(|d| d.bottom() <= s.status.y));
        }
    }
}
