//! Drives the review screen's state with key events, without a terminal.

mod tui_support;

use factdiff::tui::action::{Mode, Verdict};
use ratatui::crossterm::event::{Event, KeyCode};
use tui_support::{ch, demo_app, feed, key, type_text};

#[test]
fn n_and_shift_n_step_through_discrepancies() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('n')]);
    assert_eq!(app.current, Some(0));
    feed(&mut app, &[ch('n'), ch('n')]);
    assert_eq!(app.current, Some(2));
    feed(&mut app, &[ch('N')]);
    assert_eq!(app.current, Some(1));
}

#[test]
fn f_visits_only_factual_flags_and_brings_them_into_view() {
    let mut app = demo_app(80, 24);
    let factual: Vec<usize> = (0..app.pair.cmp.discrepancies.len())
        .filter(|&i| app.pair.cmp.discrepancies[i].factual)
        .collect();
    assert!(!factual.is_empty(), "the demo has factual flags");
    for &want in &factual {
        feed(&mut app, &[ch('f')]);
        assert_eq!(app.current, Some(want));
        let unit = app.pair.cmp.discrepancies[want].unit;
        assert!(
            app.top.unit <= unit && unit <= app.last_visible_unit(),
            "flag on screen"
        );
    }
    feed(&mut app, &[ch('f')]);
    assert_eq!(app.current, factual.first().copied(), "wraps round to the first");
    assert!(
        app.message.as_deref().unwrap_or("").contains("wrapped"),
        "and says so"
    );
    feed(&mut app, &[ch('F')]);
    assert_eq!(app.current, factual.last().copied(), "and back again");
}

#[test]
fn verdicts_set_and_unset() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('c')]);
    assert_eq!(app.review.reviewed(), 0, "no current discrepancy yet");
    feed(&mut app, &[ch('n'), ch('c')]);
    assert_eq!(app.review.verdict(0), Verdict::Confirmed);
    feed(&mut app, &[ch('n'), ch('x')]);
    assert_eq!(app.review.verdict(1), Verdict::Dismissed);
    assert_eq!(app.review.reviewed(), 2);
    feed(&mut app, &[ch('u')]);
    assert_eq!(app.review.verdict(1), Verdict::Unset);
    assert_eq!(app.review.reviewed(), 1);
}

#[test]
fn note_editor_keeps_text_on_escape_and_enter_is_a_newline() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('f'), key(KeyCode::Enter)]);
    assert_eq!(app.mode, Mode::Editor);
    type_text(&mut app, "quit? no");
    feed(&mut app, &[key(KeyCode::Enter)]);
    type_text(&mut app, "line 2x");
    feed(&mut app, &[key(KeyCode::Backspace), key(KeyCode::Esc)]);
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.quit, "q typed in the editor is text");
    let i = app.current.expect("current");
    assert_eq!(app.review.note(i), "quit? no\nline 2");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert_eq!(
        app.editor.as_ref().map(|e| e.text.as_str()),
        Some("quit? no\nline 2")
    );
}

#[test]
fn search_finds_both_sides_and_n_continues_until_escape() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('/')]);
    type_text(&mut app, "ferry");
    feed(&mut app, &[key(KeyCode::Enter)]);
    let sides: std::collections::BTreeSet<_> = app.search.matches.iter().map(|m| m.side).collect();
    assert_eq!(sides.len(), 2, "matches in both texts");
    let first = app.search.current.expect("a current match");
    feed(&mut app, &[ch('n')]);
    assert_eq!(app.search.current, Some((first + 1) % app.search.matches.len()));
    assert_eq!(app.current, None, "n moved the match, not the discrepancy");
    feed(&mut app, &[key(KeyCode::Esc), ch('n')]);
    assert!(!app.search.active());
    assert_eq!(app.current, Some(0));
}

#[test]
fn search_for_nothing_says_so() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('/')]);
    type_text(&mut app, "zebra");
    feed(&mut app, &[key(KeyCode::Enter)]);
    assert!(!app.search.active());
    assert!(app.message.as_deref().unwrap_or("").contains("no match"));
}

#[test]
fn resize_rewraps_and_keeps_the_current_discrepancy_in_view() {
    let mut app = demo_app(160, 48);
    feed(&mut app, &[ch('f'), ch('f')]);
    let unit = app.pair.cmp.discrepancies[app.current.unwrap()].unit;
    for (w, h) in [(40, 10), (200, 60), (25, 6), (80, 24)] {
        feed(&mut app, &[Event::Resize(w, h)]);
        assert!(
            app.top.unit <= unit && unit <= app.last_visible_unit(),
            "in view at {w}×{h}"
        );
    }
}

#[test]
fn selection_grows_by_words_and_becomes_a_free_note() {
    let mut app = demo_app(120, 40);
    feed(&mut app, &[ch('/')]);
    type_text(&mut app, "lifeboat");
    feed(&mut app, &[key(KeyCode::Enter), ch('v')]);
    assert_eq!(app.mode, Mode::Select);
    feed(&mut app, &[key(KeyCode::Esc)]);
    assert!(app.selection.is_none());
    feed(&mut app, &[ch('v'), key(KeyCode::Left)]);
    let sel = app.selection.expect("selection");
    let text = app.pair.doc(sel.side).slice(sel.span).to_owned();
    assert_eq!(text, "lifeboat", "shrinking a one-word selection keeps it");
    feed(&mut app, &[ch('a')]);
    type_text(&mut app, "how many boats?");
    feed(&mut app, &[key(KeyCode::Esc)]);
    let notes = app.review.free_notes(&app.pair);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].note, "how many boats?");
}

#[test]
fn g_and_shift_g_reach_both_ends() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('G')]);
    assert_eq!(app.last_visible_unit(), app.pair.unit_count() - 1);
    feed(&mut app, &[ch('g')]);
    assert_eq!(app.top.unit, 0);
}

#[test]
fn ctrl_c_and_q_quit() {
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('q')]);
    assert!(app.quit);
    let mut app = demo_app(80, 24);
    feed(&mut app, &[ch('/')]);
    let ctrl_c = Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('c'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    ));
    feed(&mut app, &[ctrl_c]);
    assert!(app.quit);
}

fn click(x: u16, y: u16) -> Event {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn clicking_a_sidebar_line_selects_that_discrepancy() {
    let mut app = demo_app(160, 48);
    let list = app.sidebar_list_area().expect("a sidebar at 160 columns");
    // With nothing current the list starts at the first discrepancy.
    feed(&mut app, &[click(list.x + 3, list.y + 4)]);
    assert_eq!(app.current, Some(4));
    let unit = app.pair.cmp.discrepancies[4].unit;
    assert!(app.top.unit <= unit && unit <= app.last_visible_unit());
}

#[test]
fn clicking_a_text_row_cycles_through_that_sentences_discrepancies() {
    let mut app = demo_app(160, 48);
    let all = app.pair.cmp.discrepancies.clone();
    // The row of the first unit holding two or more discrepancies.
    let unit = (0..app.pair.unit_count())
        .find(|&u| all.iter().filter(|d| d.unit == u).count() >= 2)
        .expect("the demo has a sentence with two discrepancies");
    let row: usize = (app.top.unit..unit).map(|u| app.height(u)).sum();
    let s = app.screen();
    let y = s.left.y + u16::try_from(row).unwrap();
    feed(&mut app, &[click(s.left.x + 2, y)]);
    let first = app.current.expect("a click selects");
    assert_eq!(all[first].unit, unit);
    feed(&mut app, &[click(s.right.x + 2, y)]);
    let second = app.current.unwrap();
    assert_eq!(all[second].unit, unit);
    assert_ne!(first, second, "a second click moves on");
}

#[test]
fn clicking_the_overview_bottom_scrolls_to_the_end() {
    let mut app = demo_app(80, 24);
    let s = app.screen();
    feed(&mut app, &[click(s.overview.x, s.overview.bottom() - 1)]);
    assert!(app.top.unit > 0, "scrolled down");
    assert_eq!(app.last_visible_unit(), app.pair.unit_count() - 1);
}

#[test]
fn clicks_are_ignored_while_typing_a_note() {
    let mut app = demo_app(160, 48);
    feed(&mut app, &[ch('n'), key(KeyCode::Enter)]);
    assert_eq!(app.mode, Mode::Editor);
    let list = app.sidebar_list_area().unwrap();
    feed(&mut app, &[click(list.x + 3, list.y + 6)]);
    assert_eq!(app.current, Some(0));
}
