//! Carrying out the actions about prompts, overlays, notes and the
//! selection: the half of `App::update` that deals with input rather than
//! movement.

use super::action::{Action, Mode, Verdict};
use super::app::App;
use super::editor::{Editor, NoteTarget};

impl App {
    /// Actions about prompts, overlays, notes and selection.
    pub(super) fn update_input(&mut self, action: Action) {
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
            Action::ToggleDetail => {
                self.detail = !self.detail;
                self.relayout_keeping_current();
            }
            Action::FocusSidebar => self.focus_sidebar(),
            Action::ToggleOrder => self.toggle_order(),
            Action::CycleFilter => {
                self.filter = self.filter.next();
                let n = self.sidebar_items().len();
                self.message = Some(format!("sidebar: {} ({n})", self.filter.label()));
            }
            Action::DismissRewording => self.dismiss_rewording(),
            Action::SetVerdict(v) => self.set_verdict(v),
            Action::EditNote => self.edit_note(),
            Action::Newline => self.type_char('\n'),
            Action::CursorLeft => self.editor.iter_mut().for_each(Editor::left),
            Action::CursorRight => self.editor.iter_mut().for_each(Editor::right),
            Action::WordLeft => self.editor.iter_mut().for_each(Editor::word_left),
            Action::WordRight => self.editor.iter_mut().for_each(Editor::word_right),
            Action::LineStart => self.editor.iter_mut().for_each(Editor::line_start),
            Action::LineEnd => self.editor.iter_mut().for_each(Editor::line_end),
            Action::KillToEnd => self.editor.iter_mut().for_each(Editor::kill_to_end),
            Action::Delete => self.editor.iter_mut().for_each(Editor::delete),
            Action::DeleteWord => self.delete_word(),
            Action::KillToStart => self.kill_to_start(),
            Action::StartSelection => self.start_selection(),
            Action::MoveSelection(edge) => {
                if let Some(sel) = self.selection {
                    let moved = sel.moved(self.pair.doc(sel.side).text(), edge);
                    self.selection = Some(moved);
                }
            }
            Action::AnnotateSelection => self.annotate_selection(),
            Action::Export => self.export(),
            Action::NextCopy => self.switch_copy(true),
            Action::PreviousCopy => self.switch_copy(false),
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

    fn toggle_help(&mut self) {
        if self.mode == Mode::Help {
            self.mode = self.back;
        } else {
            self.back = self.mode;
            self.mode = Mode::Help;
            self.help_top = 0;
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

    fn delete_word(&mut self) {
        match self.mode {
            Mode::Search => {
                let kept = self.search.input.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.search.input.truncate(kept);
            }
            Mode::Editor => self.editor.iter_mut().for_each(Editor::delete_word),
            _ => {}
        }
    }

    fn kill_to_start(&mut self) {
        match self.mode {
            Mode::Search => self.search.input.clear(),
            Mode::Editor => self.editor.iter_mut().for_each(Editor::kill_to_start),
            _ => {}
        }
    }

    /// The selected discrepancy, if a verdict or note may go to it: it must
    /// be on screen (or the sidebar, which shows it, has focus). Otherwise
    /// says why not.
    fn visible_current(&mut self) -> Option<usize> {
        let Some(i) = self.current else {
            self.message = Some("no discrepancy selected: press n or f first".into());
            return None;
        };
        let d = &self.pair.cmp.discrepancies[i];
        if self.mode != Mode::Sidebar && !self.unit_on_screen(d.unit) {
            self.message = Some(format!(
                "{} is off screen: press n or f to pick one on screen, or Tab to act from the sidebar",
                d.id
            ));
            return None;
        }
        Some(i)
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
        let Some(i) = self.visible_current() else { return };
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
    pub(super) fn finish_note(&mut self) {
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

    fn set_verdict(&mut self, v: Verdict) {
        let Some(i) = self.visible_current() else { return };
        let saved = self.review.set_verdict(i, v);
        self.report_saved(saved, "verdict saved");
    }

    /// `o`: the comparison laid out in the other order; the selected
    /// discrepancy stays selected (found by id), the search is cleared.
    fn toggle_order(&mut self) {
        let id = self.current.map(|i| self.pair.cmp.discrepancies[i].id.clone());
        let next = self.other_pair.take().unwrap_or_else(|| self.pair.reordered());
        self.other_pair = Some(std::mem::replace(&mut self.pair, next));
        self.review = self.review.for_pair(&self.pair);
        self.rows = super::rows::RowCache::default();
        self.search.clear();
        self.selection = None;
        self.top = super::scroll::Pos::default();
        self.current = id.and_then(|id| self.pair.cmp.discrepancies.iter().position(|d| d.id == id));
        self.relayout_keeping_current();
        self.message = Some(if self.pair.rewrite_order {
            "panes in the rewrite's order (o: back to the original's)".into()
        } else {
            "panes in the original's order".into()
        });
    }

    /// `X`: every plain rewording without a verdict is dismissed, in one save.
    fn dismiss_rewording(&mut self) {
        let all = &self.pair.cmp.discrepancies;
        let picked: Vec<usize> = (0..all.len())
            .filter(|&i| all[i].kind == crate::engine::Kind::Wording && !all[i].factual)
            .filter(|&i| self.review.verdict(i) == Verdict::Unset)
            .collect();
        let n = picked.len();
        let saved = self.review.set_verdicts(&picked, Verdict::Dismissed);
        self.report_saved(
            saved,
            &format!(
                "dismissed {n} plain rewording{} (u on one undoes it)",
                if n == 1 { "" } else { "s" }
            ),
        );
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
