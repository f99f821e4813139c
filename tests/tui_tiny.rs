//! The review screen never panics on tiny terminals or rapid resizes.

mod tui_support;

use factdiff::tui::app::App;
use ratatui::crossterm::event::{Event, KeyCode};
use tui_support::{ch, demo_app, key, screen_of};

/// The scroll position points at a real row, and the status bar is the
/// last line whenever there is room for a word of it.
fn assert_sane(app: &App, screen: &str, w: u16) {
    assert!(app.top.unit < app.pair.unit_count(), "top unit in range");
    assert!(app.top.row < app.height(app.top.unit), "top row inside its unit");
    let last = screen.lines().last().unwrap_or_default();
    if w >= 12 {
        assert!(last.starts_with("\" discrep"), "status bar at the bottom: {last}");
    }
}

fn busy_events() -> Vec<Event> {
    let mut events = vec![
        ch('f'),
        ch('n'),
        ch('G'),
        ch('?'),
        ch('?'),
        ch('s'),
        key(KeyCode::Tab),
    ];
    events.extend([
        ch('j'),
        key(KeyCode::Tab),
        ch('/'),
        ch('e'),
        key(KeyCode::Enter),
        ch('v'),
    ]);
    events.extend([
        key(KeyCode::Right),
        ch('a'),
        ch('x'),
        key(KeyCode::Esc),
        key(KeyCode::Enter),
    ]);
    events.extend([ch('y'), key(KeyCode::Esc), ch(' '), key(KeyCode::PageUp), ch('g')]);
    events
}

#[test]
fn one_by_one_and_twenty_by_five() {
    for (w, h) in [(1, 1), (20, 5), (2, 3), (10, 2), (12, 1)] {
        let mut app = demo_app(w, h);
        let screen = screen_of(&mut app, w, h, busy_events());
        assert_sane(&app, &screen, w);
    }
}

#[test]
fn rapid_resizes() {
    let mut events = Vec::new();
    for i in 0..60u16 {
        events.push(Event::Resize((i * 7) % 130, (i * 5) % 45));
        events.push(if i % 2 == 0 { ch('f') } else { ch('j') });
    }
    events.push(Event::Resize(30, 8));
    let mut app = demo_app(30, 8);
    let screen = screen_of(&mut app, 30, 8, events);
    assert_eq!((app.size.width, app.size.height), (30, 8), "the last size wins");
    assert_sane(&app, &screen, 30);
    let unit = app.pair.cmp.discrepancies[app.current.expect("f selected one")].unit;
    assert!(app.unit_on_screen(unit), "the selected flag stays in view");
}
