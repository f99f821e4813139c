//! Whole-screen snapshots of the review screen on the demo pair, without
//! colour so the snapshots read as what a user sees.

mod tui_support;

use ratatui::crossterm::event::{Event, KeyCode};
use tui_support::{ch, key, screen_after};

fn search(query: &str) -> Vec<Event> {
    let mut events = vec![ch('/')];
    events.extend(query.chars().map(ch));
    events.push(key(KeyCode::Enter));
    events
}

#[test]
fn main_screen() {
    insta::assert_snapshot!("main_80x24", screen_after(80, 24, vec![]));
    insta::assert_snapshot!("main_160x48", screen_after(160, 48, vec![]));
}

#[test]
fn factual_flag_selected() {
    insta::assert_snapshot!("factual_80x24", screen_after(80, 24, vec![ch('f')]));
    insta::assert_snapshot!("factual_160x48", screen_after(160, 48, vec![ch('f')]));
}

#[test]
fn sidebar_with_verdict_and_note() {
    let mut events = vec![ch('s'), ch('f'), ch('c'), key(KeyCode::Enter)];
    events.extend("Not in the original".chars().map(ch));
    events.push(key(KeyCode::Esc));
    events.extend([ch('n'), ch('x')]);
    insta::assert_snapshot!("sidebar_80x24", screen_after(80, 24, events.clone()));
    insta::assert_snapshot!("sidebar_160x48", screen_after(160, 48, events[1..].to_vec()));
}

#[test]
fn help_overlay() {
    insta::assert_snapshot!("help_80x24", screen_after(80, 24, vec![ch('?')]));
    insta::assert_snapshot!("help_160x48", screen_after(160, 48, vec![ch('?')]));
}

#[test]
fn search_match() {
    insta::assert_snapshot!("search_80x24", screen_after(80, 24, search("passengers")));
    insta::assert_snapshot!("search_160x48", screen_after(160, 48, search("passengers")));
}

#[test]
fn note_editor() {
    let mut events = vec![ch('f'), key(KeyCode::Enter)];
    events.extend("first line".chars().map(ch));
    events.push(key(KeyCode::Enter));
    events.extend("second".chars().map(ch));
    insta::assert_snapshot!("editor_80x24", screen_after(80, 24, events));
}
