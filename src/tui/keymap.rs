//! Keys to actions: a pure function of the key and the mode, so every
//! binding is testable without a terminal. The help overlay reads `KEYS`.

use super::action::{Action, Edge, Mode, Verdict};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The key table shown by `?` and in docs/tui.md.
pub const KEYS: &[(&str, &str)] = &[
    ("j / k / ↓ / ↑", "scroll one row (mouse wheel: three)"),
    ("space / PgDn, PgUp", "scroll one page (also Ctrl-F / Ctrl-B)"),
    ("Ctrl-D / Ctrl-U", "scroll half a page down / up"),
    ("g / G", "top / bottom"),
    ("5j, 3n, 2f …", "a count repeats the motion that follows"),
    (
        "n / N",
        "next / previous discrepancy (search match while searching)",
    ),
    ("f / F", "next / previous factual flag (from the screen; wraps)"),
    ("/", "search both texts; Enter runs it, Esc clears it"),
    ("c / x / u", "confirm / dismiss / unset the selected discrepancy"),
    ("X", "dismiss every plain rewording not yet reviewed"),
    ("Enter", "edit its note (Enter = new line, Esc = done, kept)"),
    (
        "  in the note",
        "  Ctrl-A/E line start/end, Ctrl-W/U/K delete word/to start/to end, Alt-b/f word",
    ),
    ("v", "select text: starts at the search match or discrepancy"),
    ("  → / ←", "  move the selection's end by a word"),
    ("  Shift+← / →", "  move the selection's start by a word"),
    ("  a", "  write a free note on the selection"),
    ("Tab", "focus the sidebar (j/k move in it); Tab again leaves"),
    ("s", "show / hide the sidebar"),
    ("t", "sidebar lists all / factual / unreviewed discrepancies"),
    ("i", "show / hide the detail pane (whole reason, context, lines)"),
    ("o", "lay both panes out in the rewrite's order / the original's"),
    ("e", "export verdicts and notes as Markdown"),
    ("?", "this help (j/k scroll it, any other key closes)"),
    ("q / Ctrl-C", "quit (annotations are already saved)"),
    ("click", "a sentence, a sidebar line or the overview"),
];

/// Keys shown by `?` only when several copies of the original are open.
pub const COPY_KEYS: &[(&str, &str)] = &[(
    "] / [",
    "next / previous copy (each keeps its own verdicts, notes and place)",
)];

/// Marks shown by `?` only when several copies of the original are open.
pub const COPY_LEGEND: &[(&str, &str)] = &[(
    "copy 2/3",
    "title and status bar: which copy of the original is shown",
)];

/// What the marks on screen mean, shown under the keys by `?`.
pub const LEGEND: &[(&str, &str)] = &[
    (
        "NAM NUM DAT PLA",
        "factual flags (capitals): name, number, date, place,",
    ),
    (
        "QUO NEG MOD ATR",
        "  quote, negation, hedge/modality, attribution (source),",
    ),
    (
        "ROL MEA CUT MOV",
        "  who did what, changed meaning, phrase cut off, moved,",
    ),
    ("ADD REM", "  sentence added, sentence removed"),
    (
        "mea, underlined",
        "check: meaning may have changed (a word swapped for an unrelated one)",
    ),
    (
        "wrd, lower case",
        "plain rewording; a dim lower-case tag is a weak signal",
    ),
    ("▶QUO◀", "the selected discrepancy (also ▶ in the sidebar)"),
    (
        "◆ • ·",
        "overview column: factual flag, other discrepancy, rewording",
    ),
    ("52%", "left gutter: share of that original paragraph reworded"),
    ("»", "left gutter: the row of the current search match"),
    ("✓ ✗ · ✎", "sidebar: confirmed, dismissed, not reviewed, note"),
];

/// Ctrl-C: quits in every mode, and never waits for anything.
#[must_use]
pub fn is_interrupt(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c')
}

/// The action a key press means in `mode`, if any. A chord with Ctrl or
/// Alt never means the plain letter: it has its own meaning or none.
#[must_use]
pub fn action(key: KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if is_interrupt(&key) {
        return Some(Action::Quit);
    }
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return chord(key, mode);
    }
    match mode {
        Mode::Normal => normal(key),
        Mode::Sidebar => sidebar(key),
        Mode::Search => prompt(key),
        Mode::Help => Some(help(key)),
        Mode::Editor => editor(key),
        Mode::Select => select(key),
    }
}

/// Ctrl and Alt chords: less/vim scrolling while reading, readline keys
/// while typing.
fn chord(key: KeyEvent, mode: Mode) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match mode {
        Mode::Normal | Mode::Sidebar | Mode::Select => match key.code {
            KeyCode::Char('d') if ctrl => Some(Action::HalfPageDown),
            KeyCode::Char('u') if ctrl => Some(Action::HalfPageUp),
            KeyCode::Char('f') if ctrl => Some(Action::PageDown),
            KeyCode::Char('b') if ctrl => Some(Action::PageUp),
            KeyCode::Char('e' | 'n') if ctrl => Some(Action::ScrollDown(1)),
            KeyCode::Char('y' | 'p') if ctrl => Some(Action::ScrollUp(1)),
            _ => None,
        },
        Mode::Editor => match key.code {
            KeyCode::Char('a') if ctrl => Some(Action::LineStart),
            KeyCode::Char('e') if ctrl => Some(Action::LineEnd),
            KeyCode::Char('w') if ctrl => Some(Action::DeleteWord),
            KeyCode::Backspace => Some(Action::DeleteWord),
            KeyCode::Char('u') if ctrl => Some(Action::KillToStart),
            KeyCode::Char('k') if ctrl => Some(Action::KillToEnd),
            KeyCode::Char('b') if ctrl => Some(Action::CursorLeft),
            KeyCode::Char('f') if ctrl => Some(Action::CursorRight),
            KeyCode::Char('b') if alt => Some(Action::WordLeft),
            KeyCode::Char('f') if alt => Some(Action::WordRight),
            KeyCode::Left => Some(Action::WordLeft),
            KeyCode::Right => Some(Action::WordRight),
            _ => None,
        },
        Mode::Search => match key.code {
            KeyCode::Char('w') if ctrl => Some(Action::DeleteWord),
            KeyCode::Backspace => Some(Action::DeleteWord),
            KeyCode::Char('u') if ctrl => Some(Action::KillToStart),
            _ => None,
        },
        Mode::Help => Some(Action::ToggleHelp),
    }
}

/// Keys that scroll, in every reading mode.
fn scrolling(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char('j') | KeyCode::Down => Action::ScrollDown(1),
        KeyCode::Char('k') | KeyCode::Up => Action::ScrollUp(1),
        KeyCode::Char(' ') | KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char(c @ '0'..='9') => Action::Count(c as u8 - b'0'),
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        _ => return None,
    })
}

/// Keys that act on the current discrepancy, from the panes or the sidebar.
fn reviewing(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char('c') => Action::SetVerdict(Verdict::Confirmed),
        KeyCode::Char('x') => Action::SetVerdict(Verdict::Dismissed),
        KeyCode::Char('u') => Action::SetVerdict(Verdict::Unset),
        KeyCode::Enter => Action::EditNote,
        KeyCode::Char('f') => Action::NextFactual,
        KeyCode::Char('F') => Action::PreviousFactual,
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::ToggleHelp,
        KeyCode::Char('s') => Action::ToggleSidebar,
        KeyCode::Char('i') => Action::ToggleDetail,
        KeyCode::Char('t') => Action::CycleFilter,
        KeyCode::Char('o') => Action::ToggleOrder,
        KeyCode::Char('X') => Action::DismissRewording,
        KeyCode::Char('e') => Action::Export,
        KeyCode::Char(']') => Action::NextCopy,
        KeyCode::Char('[') => Action::PreviousCopy,
        KeyCode::Tab | KeyCode::BackTab => Action::FocusSidebar,
        _ => return None,
    })
}

fn normal(key: KeyEvent) -> Option<Action> {
    let found = match key.code {
        KeyCode::Char('n') => Some(Action::Next),
        KeyCode::Char('N') => Some(Action::Previous),
        KeyCode::Char('/') => Some(Action::StartSearch),
        KeyCode::Char('v') => Some(Action::StartSelection),
        KeyCode::Esc => Some(Action::Escape),
        _ => None,
    };
    found
        .or_else(|| scrolling(key.code))
        .or_else(|| reviewing(key.code))
}

/// In the help: scrolling keys scroll it, any other key closes it.
fn help(key: KeyEvent) -> Action {
    match key.code {
        KeyCode::Char('j') | KeyCode::Down => Action::ScrollDown(1),
        KeyCode::Char('k') | KeyCode::Up => Action::ScrollUp(1),
        KeyCode::Char(' ') | KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        _ => Action::ToggleHelp,
    }
}

fn sidebar(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Char('j') | KeyCode::Down | KeyCode::Char('n') => Some(Action::NextDiscrepancy),
        KeyCode::Char('k') | KeyCode::Up | KeyCode::Char('N') => Some(Action::PreviousDiscrepancy),
        KeyCode::Esc => Some(Action::FocusSidebar),
        code => scrolling(code).or_else(|| reviewing(code)),
    }
}

fn prompt(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Enter => Some(Action::SubmitSearch),
        KeyCode::Esc => Some(Action::Escape),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Char(c) => Some(Action::Type(c)),
        _ => None,
    }
}

fn editor(key: KeyEvent) -> Option<Action> {
    match key.code {
        KeyCode::Esc => Some(Action::Escape),
        KeyCode::Enter => Some(Action::Newline),
        KeyCode::Backspace => Some(Action::Backspace),
        KeyCode::Left => Some(Action::CursorLeft),
        KeyCode::Right => Some(Action::CursorRight),
        KeyCode::Home => Some(Action::LineStart),
        KeyCode::End => Some(Action::LineEnd),
        KeyCode::Delete => Some(Action::Delete),
        KeyCode::Tab => Some(Action::Type(' ')),
        KeyCode::Char(c) => Some(Action::Type(c)),
        _ => None,
    }
}

fn select(key: KeyEvent) -> Option<Action> {
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    match key.code {
        KeyCode::Right | KeyCode::Char('l') if !shift => Some(Action::MoveSelection(Edge::EndRight)),
        KeyCode::Left | KeyCode::Char('h') if !shift => Some(Action::MoveSelection(Edge::EndLeft)),
        KeyCode::Left | KeyCode::Char('H') => Some(Action::MoveSelection(Edge::StartLeft)),
        KeyCode::Right | KeyCode::Char('L') => Some(Action::MoveSelection(Edge::StartRight)),
        KeyCode::Char('a') => Some(Action::AnnotateSelection),
        KeyCode::Esc => Some(Action::Escape),
        KeyCode::Char('q') => Some(Action::Quit),
        code => scrolling(code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn ctrl_c_quits_everywhere() {
        let k = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for m in [
            Mode::Normal,
            Mode::Editor,
            Mode::Search,
            Mode::Help,
            Mode::Select,
            Mode::Sidebar,
        ] {
            assert_eq!(action(k, m), Some(Action::Quit));
        }
    }

    #[test]
    fn letters_are_text_in_the_editor() {
        assert_eq!(
            action(key(KeyCode::Char('q')), Mode::Editor),
            Some(Action::Type('q'))
        );
        assert_eq!(action(key(KeyCode::Enter), Mode::Editor), Some(Action::Newline));
        assert_eq!(
            action(key(KeyCode::Char('c')), Mode::Normal),
            Some(Action::SetVerdict(Verdict::Confirmed))
        );
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// No Ctrl chord, in any mode, means what its plain letter means.
    #[test]
    fn ctrl_chords_never_fall_through_to_letters() {
        for m in [
            Mode::Normal,
            Mode::Sidebar,
            Mode::Select,
            Mode::Editor,
            Mode::Search,
        ] {
            for c in ('a'..='z').filter(|&c| c != 'c') {
                let chord = action(ctrl(c), m);
                assert!(
                    chord.is_none() || chord != action(key(KeyCode::Char(c)), m),
                    "Ctrl-{c} in {m:?} acts as '{c}'"
                );
                assert!(!matches!(
                    chord,
                    Some(Action::Type(_) | Action::SetVerdict(_) | Action::Export)
                ));
            }
        }
    }

    #[test]
    fn less_and_readline_chords() {
        assert_eq!(action(ctrl('d'), Mode::Normal), Some(Action::HalfPageDown));
        assert_eq!(action(ctrl('u'), Mode::Normal), Some(Action::HalfPageUp));
        assert_eq!(action(ctrl('f'), Mode::Normal), Some(Action::PageDown));
        assert_eq!(action(ctrl('b'), Mode::Sidebar), Some(Action::PageUp));
        assert_eq!(action(ctrl('a'), Mode::Editor), Some(Action::LineStart));
        assert_eq!(action(ctrl('e'), Mode::Editor), Some(Action::LineEnd));
        assert_eq!(action(ctrl('w'), Mode::Editor), Some(Action::DeleteWord));
        assert_eq!(action(ctrl('u'), Mode::Editor), Some(Action::KillToStart));
        assert_eq!(action(ctrl('k'), Mode::Editor), Some(Action::KillToEnd));
        let alt_b = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::ALT);
        assert_eq!(action(alt_b, Mode::Editor), Some(Action::WordLeft));
        assert_eq!(
            action(key(KeyCode::Char('5')), Mode::Normal),
            Some(Action::Count(5))
        );
        assert_eq!(
            action(key(KeyCode::Char('5')), Mode::Editor),
            Some(Action::Type('5'))
        );
    }

    #[test]
    fn brackets_switch_copies_where_the_reviewer_reads() {
        for m in [Mode::Normal, Mode::Sidebar] {
            assert_eq!(action(key(KeyCode::Char(']')), m), Some(Action::NextCopy));
            assert_eq!(action(key(KeyCode::Char('[')), m), Some(Action::PreviousCopy));
        }
        assert_eq!(
            action(key(KeyCode::Char(']')), Mode::Editor),
            Some(Action::Type(']'))
        );
        assert_eq!(
            action(key(KeyCode::Char('[')), Mode::Search),
            Some(Action::Type('['))
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut k = key(KeyCode::Char('j'));
        k.kind = KeyEventKind::Release;
        assert_eq!(action(k, Mode::Normal), None);
    }
}
