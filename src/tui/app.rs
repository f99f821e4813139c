//! The review screen's state and `update`, which carries out one action.
//! Drawing only reads this (see `draw`).

use super::action::{Action, Mode};
use super::editor::{Editor, NoteTarget};
use super::geometry::{Screen, screen};
use super::pair::Pair;
use super::review::Review;
use super::rows::RowCache;
use super::scroll::Pos;
use super::search::Search;
use super::select::Selection;
use super::theme::Theme;
use ratatui::layout::Rect;

/// Everything the review screen shows and remembers.
pub struct App {
    pub pair: Pair,
    pub rows: RowCache,
    pub review: Review,
    pub theme: Theme,
    /// Last known terminal size.
    pub size: Rect,
    pub sidebar: bool,
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
    pub quit: bool,
}

impl App {
    /// A screen of `size` on `pair`; the sidebar starts shown on wide terminals.
    #[must_use]
    pub fn new(pair: Pair, review: Review, theme: Theme, size: Rect) -> Self {
        let mut app = Self {
            pair,
            rows: RowCache::default(),
            review,
            theme,
            size,
            sidebar: size.width >= 120,
            mode: Mode::Normal,
            back: Mode::Normal,
            top: Pos::default(),
            current: None,
            search: Search::default(),
            selection: None,
            editor: None,
            message: None,
            quit: false,
        };
        app.relayout();
        app
    }

    /// The areas for the current size and sidebar setting.
    #[must_use]
    pub fn screen(&self) -> Screen {
        screen(self.size, self.sidebar)
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

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::ScrollDown(n) => self.scroll_down(n),
            Action::ScrollUp(n) => self.scroll_up(n),
            Action::PageDown => self.scroll_down(self.page()),
            Action::PageUp => self.scroll_up(self.page()),
            Action::Top => self.top = Pos::default(),
            Action::Bottom => self.top = self.last_top(),
            Action::Next => self.step(true),
            Action::Previous => self.step(false),
            Action::NextDiscrepancy => self.step_discrepancy(true, false),
            Action::PreviousDiscrepancy => self.step_discrepancy(false, false),
            Action::NextFactual => self.step_discrepancy(true, true),
            Action::PreviousFactual => self.step_discrepancy(false, true),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Quit => self.shutdown(),
            other => self.update_input(other),
        }
    }

    /// Actions about prompts, overlays, notes and selection.
    fn update_input(&mut self, action: Action) {
        match action {
            Action::StartSearch => {
                self.search.input.clear();
                self.mode = Mode::Search;
            }
            Action::Type(c) => self.type_char(c),
            Action::Backspace => self.backspace(),
            Action::SubmitSearch => self.submit_search(),
            Action::Escape => self.escape(),
            Action::ToggleHelp => self.toggle_help(),
            Action::ToggleSidebar => {
                self.sidebar = !self.sidebar;
                if !self.sidebar && self.mode == Mode::Sidebar {
                    self.mode = Mode::Normal;
                }
                self.relayout_keeping_current();
            }
            Action::FocusSidebar => self.focus_sidebar(),
            Action::SetVerdict(v) => self.set_verdict(v),
            Action::EditNote => self.edit_note(),
            Action::Newline => self.type_char('\n'),
            Action::CursorLeft => self.editor.iter_mut().for_each(Editor::left),
            Action::CursorRight => self.editor.iter_mut().for_each(Editor::right),
            Action::StartSelection => self.start_selection(),
            Action::MoveSelection(edge) => {
                if let Some(sel) = self.selection {
                    let moved = sel.moved(self.pair.doc(sel.side).text(), edge);
                    self.selection = Some(moved);
                }
            }
            Action::AnnotateSelection => self.annotate_selection(),
            Action::Export => self.export(),
            _ => {}
        }
    }

    /// Ends the session; a note being edited is kept, as Esc would.
    pub fn shutdown(&mut self) {
        if self.mode == Mode::Editor {
            self.finish_note();
        }
        self.quit = true;
    }

    fn page(&self) -> usize {
        self.body_rows().saturating_sub(1).max(1)
    }

    fn resize(&mut self, w: u16, h: u16) {
        self.size = Rect::new(0, 0, w, h);
        self.relayout_keeping_current();
    }

    fn relayout_keeping_current(&mut self) {
        self.relayout();
        if let Some(i) = self.current {
            self.bring_into_view(self.pair.cmp.discrepancies[i].unit);
        } else {
            self.top = self.top.min(self.last_top());
        }
    }

    fn toggle_help(&mut self) {
        if self.mode == Mode::Help {
            self.mode = self.back;
        } else {
            self.back = self.mode;
            self.mode = Mode::Help;
        }
    }

    fn focus_sidebar(&mut self) {
        if self.mode == Mode::Sidebar {
            self.mode = Mode::Normal;
            return;
        }
        if !self.sidebar {
            self.sidebar = true;
            self.relayout_keeping_current();
        }
        if self.screen().sidebar.is_none() {
            self.message = Some("the terminal is too narrow for the sidebar".into());
            return;
        }
        self.mode = Mode::Sidebar;
        if self.current.is_none() {
            self.step_discrepancy(true, false);
        }
    }

    fn type_char(&mut self, c: char) {
        match self.mode {
            Mode::Search => self.search.input.push(c),
            Mode::Editor => self.editor.iter_mut().for_each(|e| e.insert(c)),
            _ => {}
        }
    }

    fn backspace(&mut self) {
        match self.mode {
            Mode::Search => {
                self.search.input.pop();
            }
            Mode::Editor => self.editor.iter_mut().for_each(Editor::backspace),
            _ => {}
        }
    }

    fn escape(&mut self) {
        match self.mode {
            Mode::Search => {
                self.search.input.clear();
                self.mode = Mode::Normal;
            }
            Mode::Editor => self.finish_note(),
            Mode::Select => {
                self.selection = None;
                self.mode = Mode::Normal;
            }
            Mode::Help => self.toggle_help(),
            Mode::Sidebar => self.mode = Mode::Normal,
            Mode::Normal => {
                self.search.clear();
                self.message = None;
            }
        }
    }

    fn submit_search(&mut self) {
        self.search.run(&self.pair);
        self.mode = Mode::Normal;
        if self.search.matches.is_empty() {
            self.message = Some(format!("no match for “{}”", self.search.query));
            self.search.clear();
        } else {
            self.message = None;
            self.step(true);
        }
    }

    fn edit_note(&mut self) {
        let Some(i) = self.current else {
            self.message = Some("no discrepancy selected: press n or f first".into());
            return;
        };
        let text = self.review.note(i).to_owned();
        self.editor = Some(Editor::new(NoteTarget::Discrepancy(i), text));
        self.back = Mode::Normal;
        self.mode = Mode::Editor;
    }

    fn annotate_selection(&mut self) {
        if let Some(sel) = self.selection {
            self.editor = Some(Editor::new(NoteTarget::Span(sel), String::new()));
            self.back = Mode::Normal;
            self.mode = Mode::Editor;
        }
    }

    /// Leaves the editor keeping the text, and saves it.
    fn finish_note(&mut self) {
        self.mode = self.back;
        let Some(editor) = self.editor.take() else { return };
        let saved = match editor.target {
            NoteTarget::Discrepancy(i) => self.review.set_note(i, &editor.text),
            NoteTarget::Span(sel) if !editor.text.trim().is_empty() => {
                self.selection = None;
                self.review.add_span_note(sel, &editor.text)
            }
            NoteTarget::Span(_) => {
                self.selection = None;
                Ok(())
            }
        };
        self.report_saved(saved, "note saved");
    }

    fn set_verdict(&mut self, v: super::action::Verdict) {
        let Some(i) = self.current else {
            self.message = Some("no discrepancy selected: press n or f first".into());
            return;
        };
        let saved = self.review.set_verdict(i, v);
        self.report_saved(saved, "verdict saved");
    }

    fn report_saved(&mut self, result: anyhow::Result<()>, ok: &str) {
        self.message = Some(match result {
            Ok(()) => ok.to_owned(),
            Err(e) => format!("NOT SAVED: {e:#}"),
        });
    }

    fn export(&mut self) {
        self.message = Some(match self.review.export(&self.pair) {
            Ok(path) => format!("exported to {}", path.display()),
            Err(e) => format!("export failed: {e:#}"),
        });
    }
}
