//! Helpers shared by the review-screen tests: the demo app without a
//! terminal, key presses through the real keymap, screens on TestBackend.
#![allow(dead_code)]

use factdiff::tui::app::App;
use factdiff::tui::event_loop::{action_for, run_loop};
use factdiff::tui::pair::Pair;
use factdiff::tui::review::Review;
use factdiff::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

/// The demo pair at `w`×`h`, colourless, annotations in memory.
pub fn demo_app(w: u16, h: u16) -> App {
    let (a, b) = factdiff::tui::demo_pair();
    let pair = Pair::new(a, b);
    let review = Review::in_memory(&pair);
    App::new(pair, review, Theme::plain(), Rect::new(0, 0, w, h))
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

/// Feeds events to the app through the same mapping the loop uses.
pub fn feed(app: &mut App, events: &[Event]) {
    for e in events {
        if let Some(a) = action_for(e, app) {
            app.update(a);
        }
    }
}

/// Types text as separate key presses.
pub fn type_text(app: &mut App, text: &str) {
    let events: Vec<Event> = text.chars().map(ch).collect();
    feed(app, &events);
}

/// Runs the real loop on a TestBackend over `events` and returns the last
/// screen as text.
pub fn screen_after(w: u16, h: u16, events: Vec<Event>) -> String {
    let mut app = demo_app(w, h);
    screen_of(&mut app, w, h, events)
}

pub fn screen_of(app: &mut App, w: u16, h: u16, events: Vec<Event>) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let mut events = events.into_iter();
    run_loop(&mut terminal, app, || Ok(events.next())).expect("loop");
    terminal.backend().to_string()
}
