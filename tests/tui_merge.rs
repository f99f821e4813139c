//! Keys that arrive faster than a frame draws are all acted on before the
//! next frame: one redraw for a burst, and the same screen as one redraw
//! per key.

mod tui_support;

use factdiff::tui::event_loop::run_loop_merging;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use std::cell::Cell;
use tui_support::{ch, demo_app, screen_of};

#[test]
fn a_burst_of_keys_draws_once_and_lands_where_single_keys_do() {
    let (w, h) = (100, 30);
    let keys: Vec<Event> = std::iter::repeat_n(ch('j'), 40)
        .chain([ch('n'), ch('n'), ch('k'), ch('n')])
        .collect();
    let one_by_one = screen_of(&mut demo_app(w, h), w, h, keys.clone());

    let mut app = demo_app(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    let waits = Cell::new(0);
    let mut first = Some(keys[0].clone());
    let mut rest = keys[1..].iter().cloned();
    run_loop_merging(
        &mut terminal,
        &mut app,
        || {
            waits.set(waits.get() + 1);
            Ok(first.take())
        },
        || Ok(rest.next()),
    )
    .expect("loop");
    // The loop waits once per frame drawn: before the first key, and once
    // after the whole burst (where the input ends).
    assert_eq!(waits.get(), 2, "one frame for the whole burst");
    assert_eq!(terminal.backend().to_string(), one_by_one);
}
