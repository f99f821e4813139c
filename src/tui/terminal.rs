//! Terminal setup and teardown: raw mode and alternate screen (ratatui),
//! mouse capture (ours), restored on exit, on panic and on SIGTERM, SIGHUP
//! and SIGINT.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;

/// Enters the review screen's terminal mode.
///
/// # Errors
/// The terminal could not be set up.
pub fn enter() -> std::io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    // ratatui's own hook restores raw mode and the screen; this one runs
    // first so that mouse reports stop too.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    execute!(std::io::stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

/// Leaves the terminal as it was found.
pub fn leave() {
    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
}

/// Set to the number of the first SIGTERM, SIGHUP or SIGINT received (0:
/// none); the event loop polls it.
///
/// # Errors
/// A handler could not be registered.
pub fn stop_flag() -> std::io::Result<Arc<AtomicUsize>> {
    let flag = Arc::new(AtomicUsize::new(0));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let number = usize::try_from(sig).unwrap_or(1);
        signal_hook::flag::register_usize(sig, Arc::clone(&flag), number)?;
    }
    Ok(flag)
}
