//! Keys a less/vim user expects: Ctrl chords that never act as letters,
//! half and whole pages, counts, wrapping jumps that start from the screen,
//! verdicts only on what is visible, readline keys in the note editor.

mod tui_support;

use factdiff::tui::action::{Mode, Verdict};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_support::{ch, demo_app, feed, key, type_text};

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn alt(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT))
}

/// Rows from the top of the comparison to the first visible row.
fn offset(app: &factdiff::tui::app::App) -> usize {
    (0..app.top.unit).map(|u| app.height(u)).sum::<usize>() + app.top.row
}

#[test]
fn ctrl_u_keeps_the_verdict_and_scrolls_half_a_page() {
    let mut app = demo_app(120, 40);
    feed(&mut app, &[ch('f'), ch('c')]);
    let i = app.current.unwrap();
    feed(&mut app, &[ctrl('d'), ctrl('d')]);
    let down = offset(&app);
    feed(&mut app, &[ctrl('u')]);
    assert_eq!(app.review.verdict(i), Verdict::Confirmed, "Ctrl-U is not u");
    assert_eq!(down - offset(&app), app.body_rows() / 2, "half a page up");
    feed(&mut app, &[ctrl('x'), ctrl('e')]);
    assert_eq!(app.review.verdict(i), Verdict::Confirmed, "Ctrl-X is not x");
    assert!(
        !app.message.as_deref().unwrap_or("").contains("export"),
        "Ctrl-E is not e"
    );
}

#[test]
fn ctrl_f_and_ctrl_b_page() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ctrl('f')]);
    assert_eq!(offset(&app), app.body_rows() - 1);
    assert_eq!(app.current, None, "Ctrl-F is not f");
    feed(&mut app, &[ctrl('b')]);
    assert_eq!(offset(&app), 0);
}

#[test]
fn counts_repeat_motions() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('5'), ch('j')]);
    assert_eq!(offset(&app), 5);
    feed(&mut app, &[ch('1'), ch('2'), ch('k')]);
    assert_eq!(offset(&app), 0, "stops at the top");
    feed(&mut app, &[ch('g'), ch('3'), ch('n')]);
    assert_eq!(app.current, Some(2));
    feed(&mut app, &[ch('2'), ch('N')]);
    assert_eq!(app.current, Some(0));
    assert_eq!(app.count, None, "a count is used once");
}

#[test]
fn n_starts_from_the_screen_when_the_selection_is_off_it() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('n')]);
    assert_eq!(app.current, Some(0));
    feed(&mut app, &[ch('G'), ch('N')]);
    let i = app.current.unwrap();
    let last = app.pair.cmp.discrepancies.len() - 1;
    assert!(app.unit_on_screen(app.pair.cmp.discrepancies[i].unit));
    assert_eq!(i, last, "N from the bottom of the screen takes the last one");
}

#[test]
fn verdict_keys_refuse_an_off_screen_selection_and_say_why() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('G'), ch('N')]);
    let i = app.current.unwrap();
    feed(&mut app, &[ch('g'), ch('c')]);
    assert_eq!(app.review.verdict(i), Verdict::Unset, "nothing set off screen");
    let msg = app.message.clone().unwrap_or_default();
    assert!(msg.contains("off screen"), "{msg}");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(app.mode, Mode::Normal, "no note on an off-screen flag either");
    // From the sidebar, which shows the selection, the verdict is allowed.
    let mut wide = demo_app(160, 48);
    feed(&mut wide, &[ch('G'), ch('N'), ch('g'), key(KeyCode::Tab)]);
    let j = wide.current.unwrap();
    feed(&mut wide, &[ch('x')]);
    assert_eq!(wide.review.verdict(j), Verdict::Dismissed);
}

#[test]
fn search_wraps_with_a_message() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('/')]);
    type_text(&mut app, "ferry");
    feed(&mut app, &[key(KeyCode::Enter)]);
    let n = app.search.matches.len();
    assert!(n > 1);
    assert_eq!(app.search.current, Some(0));
    feed(&mut app, &[ch('N')]);
    assert_eq!(
        app.search.current,
        Some(n - 1),
        "N from the first goes round to the last"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("wrapped round to the bottom")
    );
    feed(&mut app, &[ch('n')]);
    assert_eq!(app.search.current, Some(0));
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("wrapped round to the top")
    );
    feed(&mut app, &[ch('n')]);
    assert_eq!(app.message, None, "no message for an ordinary step");
}

#[test]
fn note_editor_line_editing_keys() {
    let mut app = demo_app(120, 40);
    feed(&mut app, &[ch('f'), key(KeyCode::Enter)]);
    type_text(&mut app, "one two three");
    feed(&mut app, &[ctrl('w')]);
    assert_eq!(app.editor.as_ref().unwrap().text, "one two ");
    feed(&mut app, &[ctrl('a')]);
    type_text(&mut app, ">");
    feed(&mut app, &[ctrl('e')]);
    type_text(&mut app, "<");
    assert_eq!(app.editor.as_ref().unwrap().text, ">one two <");
    feed(&mut app, &[alt('b'), ctrl('k')]);
    assert_eq!(app.editor.as_ref().unwrap().text, ">one ");
    feed(&mut app, &[ctrl('u')]);
    assert_eq!(app.editor.as_ref().unwrap().text, "");
    type_text(&mut app, "kept");
    feed(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(app.review.note(app.current.unwrap()), "kept");
}

#[test]
fn the_editor_places_the_terminal_cursor() {
    let mut app = demo_app(120, 40);
    let area = app.size;
    assert_eq!(app.cursor(area), None, "hidden while reading");
    feed(&mut app, &[ch('f'), key(KeyCode::Enter)]);
    let at_start = app.cursor(area).expect("a cursor in the editor");
    type_text(&mut app, "abc");
    let after = app.cursor(area).unwrap();
    assert_eq!((after.x - at_start.x, after.y), (3, at_start.y));
    feed(&mut app, &[ctrl('a')]);
    assert_eq!(app.cursor(area), Some(at_start));
}

#[test]
fn search_prompt_ctrl_w_and_ctrl_u() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('/')]);
    type_text(&mut app, "fire engine");
    feed(&mut app, &[ctrl('w')]);
    assert_eq!(app.search.input, "fire ");
    feed(&mut app, &[ctrl('u')]);
    assert_eq!(app.search.input, "");
    assert_eq!(app.mode, Mode::Search);
}
