//! The review screen never panics on tiny terminals or rapid resizes.

mod tui_support;

use ratatui::crossterm::event::{Event, KeyCode};
use tui_support::{ch, key, screen_after};

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
    for (w, h) in [(1, 1), (20, 5), (2, 3), (10, 2)] {
        let screen = screen_after(w, h, busy_events());
        assert!(screen.lines().count() <= usize::from(h.max(1)));
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
    let screen = screen_after(30, 8, events);
    assert!(!screen.is_empty());
}
