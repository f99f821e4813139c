//! The interactive review screen: two synced panes over one comparison,
//! with navigation between discrepancies and an annotation sidebar.

pub mod action;
pub mod app;
mod click;
mod draw;
pub mod editor;
pub mod event_loop;
pub mod geometry;
mod handle;
pub mod keymap;
mod navigate;
pub mod pair;
pub mod review;
pub mod rows;
pub mod scroll;
pub mod search;
pub mod select;
pub mod terminal;
pub mod theme;
pub mod wrap;

use crate::input::Input;
use app::App;
use ratatui::crossterm::event;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::Duration;

/// How often the loop wakes to check for stop signals.
const POLL: Duration = Duration::from_millis(200);

/// Opens the review screen on a pair. Returns the number of the signal that
/// ended it, if one did (the caller exits with 128 + that number).
///
/// # Errors
/// The annotations cannot be loaded, or terminal I/O failed.
pub fn run(original: Input, rewrite: Input, annotations: Option<PathBuf>) -> anyhow::Result<Option<u8>> {
    run_with(original, rewrite, annotations, theme::Theme::from_env(), None)
}

/// [`run`] with a theme and a sidebar setting (`None`: shown on wide
/// terminals), as the command line and config file choose.
///
/// # Errors
/// As [`run`].
pub fn run_with(
    original: Input,
    rewrite: Input,
    annotations: Option<PathBuf>,
    theme: theme::Theme,
    sidebar: Option<bool>,
) -> anyhow::Result<Option<u8>> {
    let pair = pair::Pair::new(original, rewrite);
    // Opened before the terminal changes mode, so errors print plainly.
    let review = review::Review::open(&pair, annotations)?;
    let stop = terminal::stop_flag()?;
    let mut term = terminal::enter()?;
    let size = term.size()?;
    let mut app = App::new(pair, review, theme, size.into());
    if let Some(shown) = sidebar {
        app.sidebar = shown;
    }
    app.message = app.review.warnings.first().cloned();
    let watched = TerminalWatch::now();
    let events = spawn_reader();
    let panic_key = injected_panic_key();
    // A panic is caught only to save the note being typed: ratatui's hook
    // has already restored the terminal and printed the message by then.
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        event_loop::run_loop(&mut term, &mut app, || {
            loop {
                if stop.load(Ordering::SeqCst) != 0 || watched.hung_up() {
                    return Ok(None);
                }
                match events.recv_timeout(POLL) {
                    Ok(event) => {
                        let event = event?;
                        assert!(!is_key(&event, panic_key), "panic injected by {PANIC_KEY_VAR}");
                        return Ok(Some(event));
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
                }
            }
        })
    }));
    // Every change is already saved; this keeps a note still being typed
    // when a signal, an error or a panic ended the loop. Then the terminal.
    app.shutdown();
    terminal::leave();
    for warning in &app.review.warnings {
        eprintln!("factdiff: warning: {}", crate::sanitize::inert(warning));
    }
    let result = outcome.unwrap_or_else(|payload| std::panic::resume_unwind(payload));
    result?;
    let signal = stop.load(Ordering::SeqCst);
    Ok((signal != 0).then(|| u8::try_from(signal).unwrap_or(u8::MAX)))
}

/// Names a key that makes the review screen panic, so that tests can check
/// the terminal is restored and the note being typed is kept.
const PANIC_KEY_VAR: &str = "FACTDIFF_PANIC_ON_KEY";

fn injected_panic_key() -> Option<char> {
    let value = std::env::var(PANIC_KEY_VAR).ok()?;
    let mut chars = value.chars();
    chars.next().filter(|_| chars.next().is_none())
}

fn is_key(event: &event::Event, key: Option<char>) -> bool {
    match (event, key) {
        (event::Event::Key(k), Some(c)) => k.code == event::KeyCode::Char(c),
        _ => false,
    }
}

/// The built-in demo pair shown when factdiff starts with no arguments.
#[must_use]
pub fn demo_pair() -> (Input, Input) {
    let doc = |s: &str| crate::engine::Document::from_string(s.to_owned());
    (
        Input {
            name: "demo/original.txt".into(),
            document: doc(include_str!("../../assets/demo/original.txt")),
        },
        Input {
            name: "demo/rewrite.txt".into(),
            document: doc(include_str!("../../assets/demo/rewrite.txt")),
        },
    )
}

/// Reads terminal events on a thread of its own. crossterm spins inside
/// `poll` once its terminal is gone (crossterm-rs/crossterm#793), so the
/// main loop must never block in it: it waits on this channel instead and
/// keeps checking for signals and hang-ups.
fn spawn_reader() -> mpsc::Receiver<std::io::Result<event::Event>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let next = event::read();
            let failed = next.is_err();
            if tx.send(next).is_err() || failed {
                break;
            }
        }
    });
    rx
}

/// Notices a terminal that went away without a signal reaching us (a
/// closed tmux pane or ssh session): crossterm then sees endless end-of-file
/// and would spin, so the loop checks that the streams that were terminals
/// still are.
struct TerminalWatch {
    stdin: bool,
    stdout: bool,
}

impl TerminalWatch {
    fn now() -> Self {
        use std::io::IsTerminal;
        Self {
            stdin: std::io::stdin().is_terminal(),
            stdout: std::io::stdout().is_terminal(),
        }
    }

    fn hung_up(&self) -> bool {
        let now = Self::now();
        (self.stdin && !now.stdin) || (self.stdout && !now.stdout)
    }
}
