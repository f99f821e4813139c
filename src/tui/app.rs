//! The review screen's state and `update`, which carries out one action.
//! Drawing only reads this (see `draw`).

use super::action::{Action, Filter, Mode};
use super::editor::Editor;
use super::geometry::{Screen, screen};
use super::pair::Pair;
use super::review::Review;
use super::rows::RowCache;
use super::scroll::Pos;
use super::search::Search;
use super::select::Selection;
use super::theme::Theme;
use ratatui::layout::Rect;

/// The largest count kept (`99999j` is as far as anyone means).
const MAX_COUNT: usize = 99_999;

/// Everything the review screen shows and remembers.
pub struct App {
    pub pair: Pair,
    /// The comparison in the other order (`o`), once it has been shown.
    pub other_pair: Option<Pair>,
    pub rows: RowCache,
    pub review: Review,
    pub theme: Theme,
    /// Last known terminal size.
    pub size: Rect,
    pub sidebar: bool,
    /// What the sidebar lists.
    pub filter: Filter,
    /// Whether the detail pane shows the selected discrepancy (`i`).
    pub detail: bool,
    pub mode: Mode,
    /// The mode to return to when help or the editor closes.
    pub back: Mode,
    /// First visible row.
    pub top: Pos,
    /// Index of the current discrepancy.
    pub current: Option<usize>,
    pub search: Search,
    pub selection: Option<Selection>,
    pub editor: Option<Editor>,
    /// One line of feedback in the status bar.
    pub message: Option<String>,
    /// First line of the help shown (it scrolls when taller than the screen).
    pub help_top: usize,
    /// A count being typed before a motion (`5` of `5j`).
    pub count: Option<usize>,
    pub quit: bool,
    /// With several copies of the original: the ones not on screen.
    pub copies: super::copies::Copies,
    /// The detectors are still running: the pair has no flags yet (see
    /// `checking`).
    pub checking: bool,
    /// Input that came while checking and needs the flags (or came after
    /// such input): acted on, in order, once the flags arrive.
    pub waiting: std::collections::VecDeque<ratatui::crossterm::event::Event>,
}

impl App {
    /// A screen of `size` on `pair`; the sidebar starts shown on wide terminals.
    #[must_use]
    pub fn new(pair: Pair, review: Review, theme: Theme, size: Rect) -> Self {
        let mut app = Self {
            pair,
            other_pair: None,
            rows: RowCache::default(),
            review,
            theme,
            size,
            sidebar: size.width >= 120,
            detail: true,
            filter: Filter::All,
            mode: Mode::Normal,
            back: Mode::Normal,
            top: Pos::default(),
            current: None,
            search: Search::default(),
            selection: None,
            editor: None,
            message: None,
            count: None,
            help_top: 0,
            quit: false,
            copies: super::copies::Copies::default(),
            checking: false,
            waiting: std::collections::VecDeque::new(),
        };
        app.relayout();
        app
    }

    /// The areas for the current size and sidebar setting.
    #[must_use]
    pub fn screen(&self) -> Screen {
        screen(self.size, self.sidebar, self.detail && self.current.is_some())
    }

    /// Rows of text visible in the panes.
    #[must_use]
    pub fn body_rows(&self) -> usize {
        usize::from(self.screen().left.height)
    }

    /// Rows unit `i` takes at the current widths.
    #[must_use]
    pub fn height(&self, i: usize) -> usize {
        self.rows.get(&self.pair, i).height()
    }

    /// Whether the sidebar's filter lets discrepancy `i` through.
    #[must_use]
    pub fn listed(&self, i: usize) -> bool {
        match self.filter {
            Filter::All => true,
            Filter::Factual => self.pair.cmp.discrepancies[i].factual,
            Filter::Unreviewed => self.review.verdict(i) == super::action::Verdict::Unset,
        }
    }

    /// The discrepancies the sidebar lists, in order.
    #[must_use]
    pub fn sidebar_items(&self) -> Vec<usize> {
        (0..self.pair.cmp.discrepancies.len())
            .filter(|&i| self.listed(i))
            .collect()
    }

    /// Re-wraps for the current size and keeps the scroll position valid.
    pub fn relayout(&mut self) {
        let s = self.screen();
        self.rows
            .set_widths([usize::from(s.left.width), usize::from(s.right.width)]);
        if self.pair.unit_count() == 0 {
            self.top = Pos::default();
            return;
        }
        self.top.unit = self.top.unit.min(self.pair.unit_count() - 1);
        self.top.row = self.top.row.min(self.height(self.top.unit) - 1);
    }

    /// Carries out one action; a count typed before a motion repeats it.
    pub fn update(&mut self, action: Action) {
        if let Action::Count(d) = action {
            let so_far = self.count.unwrap_or(0);
            self.count = Some(
                so_far
                    .saturating_mul(10)
                    .saturating_add(usize::from(d))
                    .min(MAX_COUNT),
            );
            return;
        }
        let count = self.count.take().unwrap_or(1).max(1);
        if self.waits_for_flags(&action) {
            return;
        }
        if self.mode == Mode::Help {
            let page = self.body_rows().max(2) - 1;
            match action {
                Action::ScrollDown(n) => self.help_top = self.help_top.saturating_add(n),
                Action::PageDown => self.help_top = self.help_top.saturating_add(page),
                Action::ScrollUp(n) => self.help_top = self.help_top.saturating_sub(n),
                Action::PageUp => self.help_top = self.help_top.saturating_sub(page),
                other => self.update_one(other),
            }
            self.help_top = self.help_top.min(self.help_max_top());
            return;
        }
        match action {
            Action::ScrollDown(n) => self.scroll_down(n.saturating_mul(count)),
            Action::ScrollUp(n) => self.scroll_up(n.saturating_mul(count)),
            Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Next
            | Action::Previous
            | Action::NextDiscrepancy
            | Action::PreviousDiscrepancy
            | Action::NextFactual
            | Action::PreviousFactual => {
                for _ in 0..count {
                    self.motion(&action);
                }
            }
            other => self.update_one(other),
        }
    }

    /// A motion that a count repeats.
    fn motion(&mut self, action: &Action) {
        match action {
            Action::PageDown => self.scroll_down(self.page()),
            Action::PageUp => self.scroll_up(self.page()),
            Action::HalfPageDown => self.scroll_down(self.half_page()),
            Action::HalfPageUp => self.scroll_up(self.half_page()),
            Action::Next => self.step(true),
            Action::Previous => self.step(false),
            Action::NextDiscrepancy => self.step_discrepancy(true, false),
            Action::PreviousDiscrepancy => self.step_discrepancy(false, false),
            Action::NextFactual => self.step_discrepancy(true, true),
            Action::PreviousFactual => self.step_discrepancy(false, true),
            _ => {}
        }
    }

    fn update_one(&mut self, action: Action) {
        match action {
            Action::Top => self.top = Pos::default(),
            Action::Bottom => self.top = self.last_top(),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::Quit => self.shutdown(),
            other => self.update_input(other),
        }
    }

    fn page(&self) -> usize {
        self.body_rows().saturating_sub(1).max(1)
    }

    fn half_page(&self) -> usize {
        (self.body_rows() / 2).max(1)
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        self.relayout_keeping_current();
    }

    pub(super) fn relayout_keeping_current(&mut self) {
        self.relayout();
        if let Some(i) = self.current {
            self.bring_into_view(self.pair.cmp.discrepancies[i].unit);
        } else {
            self.top = self.top.min(self.last_top());
        }
    }
}
