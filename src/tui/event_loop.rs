//! The main loop, generic over the ratatui backend so tests can drive it
//! with `TestBackend` and a list of events.

use super::action::Action;
use super::app::App;
use super::checking::Stage;
use super::keymap;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{Event, MouseButton, MouseEventKind};

/// Rows one mouse wheel notch scrolls.
const WHEEL_ROWS: usize = 3;

/// The action an input event means in the app's current mode.
#[must_use]
pub fn action_for(event: &Event, app: &App) -> Option<Action> {
    match event {
        Event::Key(key) => keymap::action(*key, app.mode),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::ScrollDown(WHEEL_ROWS)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp(WHEEL_ROWS)),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Acts on one input event. While the detectors are still running, a key
/// that needs their flags (`f`, `n`, a verdict, a note…) waits, and so does
/// everything typed after it, so that "f Enter my note" typed at once
/// does what it says once the flags arrive; Ctrl-C and resizes never wait.
pub fn act_on(app: &mut App, event: Event) {
    let action = action_for(&event, app);
    if app.checking && !matches!(action, Some(Action::Resize(..))) {
        let quits = matches!(&event, Event::Key(k) if keymap::is_interrupt(k));
        let waits = !app.waiting.is_empty() || action.as_ref().is_some_and(|a| app.needs_flags(a));
        if waits && !quits {
            app.waiting.push_back(event);
            let keys = match app.waiting.len() {
                1 => "1 key waits".to_owned(),
                n => format!("{n} keys wait"),
            };
            app.message = Some(format!("checking…: {keys} for the flags (Ctrl-C quits)"));
            return;
        }
    }
    if let Some(action) = action {
        app.update(action);
    }
}

/// Draws, waits for the next event, acts on it; until quit or until
/// `next_event` returns `Ok(None)` (input closed or a stop signal).
///
/// # Errors
/// Drawing or reading events failed.
pub fn run_loop<B, F>(terminal: &mut Terminal<B>, app: &mut App, next_event: F) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    F: FnMut() -> anyhow::Result<Option<Event>>,
{
    run_loop_merging(terminal, app, next_event, || Ok(None))
}

/// What wakes the loop: an input event, or the next stage of a comparison
/// still being made on another thread.
pub enum Incoming {
    Event(Event),
    Stage(Stage),
}

/// [`run_loop`], acting on every event already queued (`queued` returns
/// them without waiting, `Ok(None)` when there is none) before drawing
/// again: keys typed or repeated faster than a frame draws never pile up
/// behind one redraw each.
///
/// # Errors
/// Drawing or reading events failed.
pub fn run_loop_merging<B, F, Q>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: F,
    mut queued: Q,
) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    F: FnMut() -> anyhow::Result<Option<Event>>,
    Q: FnMut() -> anyhow::Result<Option<Event>>,
{
    run_loop_staged(
        terminal,
        app,
        || Ok(next_event()?.map(Incoming::Event)),
        || Ok(queued()?.map(Incoming::Event)),
    )
}

/// [`run_loop_merging`] on events and stages of the comparison alike: a
/// stage is taken in (see [`App::accept`]) between events, and drawn with
/// them.
///
/// # Errors
/// Drawing or reading events failed, or a stage brought an error.
pub fn run_loop_staged<B, F, Q>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next: F,
    mut queued: Q,
) -> anyhow::Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    F: FnMut() -> anyhow::Result<Option<Incoming>>,
    Q: FnMut() -> anyhow::Result<Option<Incoming>>,
{
    while !app.quit {
        let area = terminal.size()?;
        if (area.width, area.height) != (app.size.width, app.size.height) {
            app.update(Action::Resize(area.width, area.height));
        }
        terminal.draw(|frame| {
            frame.render_widget(&*app, frame.area());
            if let Some(at) = app.cursor(frame.area()) {
                frame.set_cursor_position(at);
            }
        })?;
        let Some(mut incoming) = next()? else { break };
        loop {
            match incoming {
                Incoming::Event(event) => act_on(app, event),
                Incoming::Stage(stage) => app.accept(stage)?,
            }
            if app.quit {
                break;
            }
            match queued()? {
                Some(next) => incoming = next,
                None => break,
            }
        }
    }
    Ok(())
}
