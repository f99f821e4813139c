//! The interactive review screen: two synced panes over one comparison,
//! with navigation between discrepancies and an annotation sidebar.

pub mod action;
pub mod app;
mod click;
pub mod copies;
pub mod draw;
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

use crate::input::{Input, Source};
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
    run_inner(
        original,
        vec![rewrite],
        vec![[None, None]],
        annotations,
        theme,
        sidebar,
    )
}

/// [`run_with`] on two sources: the screen shows their prose (HTML and
/// Markdown are read as what a reader sees) and counts line numbers in the
/// files as read.
///
/// # Errors
/// As [`run`].
pub fn run_sources(
    original: Source,
    rewrite: Source,
    annotations: Option<PathBuf>,
    theme: theme::Theme,
    sidebar: Option<bool>,
) -> anyhow::Result<Option<u8>> {
    run_copies(original, vec![rewrite], annotations, theme, sidebar)
}

/// [`run_sources`] on one original and several copies of it: the screen
/// shows one copy at a time and `]` / `[` switch. Each copy's verdicts and
/// notes are kept where the two-file review of that pair keeps them.
///
/// # Errors
/// As [`run`]; also `--annotations` with more than one copy (the file
/// holds one pair's annotations).
pub fn run_copies(
    original: Source,
    copies: Vec<Source>,
    annotations: Option<PathBuf>,
    theme: theme::Theme,
    sidebar: Option<bool>,
) -> anyhow::Result<Option<u8>> {
    anyhow::ensure!(
        annotations.is_none() || copies.len() < 2,
        "--annotations names one pair's file: with several copies leave it out \
         (each copy's annotations go where 'factdiff ORIGINAL COPY' keeps them)"
    );
    let prose = |s: &Source| s.prose.is_some().then(|| s.clone());
    let files = copies.iter().map(|c| [prose(&original), prose(c)]).collect();
    let rewrites = copies.into_iter().map(Source::into_input).collect();
    run_inner(
        original.into_input(),
        rewrites,
        files,
        annotations,
        theme,
        sidebar,
    )
}

fn run_inner(
    original: Input,
    rewrites: Vec<Input>,
    files: Vec<[Option<Source>; 2]>,
    annotations: Option<PathBuf>,
    theme: theme::Theme,
    sidebar: Option<bool>,
) -> anyhow::Result<Option<u8>> {
    let stop = terminal::stop_flag()?;
    let mut term = terminal::enter()?;
    let events = spawn_reader();
    // The screen opens at once; the comparison runs on a thread of its own
    // while a progress frame is drawn and q still quits.
    let mut typed_ahead = std::collections::VecDeque::new();
    let Some(pairs) = compare_with_progress(&mut term, original, rewrites, &stop, &events, &mut typed_ahead)?
    else {
        terminal::leave();
        let signal = stop.load(Ordering::SeqCst);
        return Ok((signal != 0).then(|| u8::try_from(signal).unwrap_or(u8::MAX)));
    };
    let opened: anyhow::Result<Vec<(pair::Pair, review::Review)>> = pairs
        .into_iter()
        .zip(files)
        .map(|(pair, files)| {
            let pair = pair.with_files(files);
            let review = review::Review::open(&pair, annotations.clone())?;
            Ok((pair, review))
        })
        .collect();
    let mut opened = match opened {
        Ok(opened) => opened.into_iter(),
        Err(e) => {
            terminal::leave();
            return Err(e);
        }
    };
    let Some((pair, review)) = opened.next() else {
        terminal::leave();
        anyhow::bail!("no copy to review");
    };
    let size = term.size()?;
    let others = opened.map(|(p, r)| copies::Shelved::new(p, r)).collect();
    let mut app = App::new(pair, review, theme, size.into()).with_copies(others);
    if let Some(shown) = sidebar {
        app.sidebar = shown;
    }
    app.message = app
        .warnings()
        .first()
        .map(|w| (*w).to_owned())
        .or_else(|| app.review.notice.clone());
    let watched = TerminalWatch::now();
    let panic_key = injected_panic_key();
    // A panic is caught only to save the note being typed: ratatui's hook
    // has already restored the terminal and printed the message by then.
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // Both the waiting read and the one that only takes what is queued
        // see the typed-ahead keys first, then the reader's.
        let typed_ahead = std::cell::RefCell::new(typed_ahead);
        let next = || loop {
            if stop.load(Ordering::SeqCst) != 0 || watched.hung_up() {
                return Ok(None);
            }
            if let Some(event) = typed_ahead.borrow_mut().pop_front() {
                assert!(!is_key(&event, panic_key), "panic injected by {PANIC_KEY_VAR}");
                return Ok(Some(event));
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
        };
        let queued = || {
            if stop.load(Ordering::SeqCst) != 0 {
                return Ok(None);
            }
            let event = match typed_ahead.borrow_mut().pop_front() {
                Some(event) => event,
                None => match events.try_recv() {
                    Ok(event) => event?,
                    Err(_) => return Ok(None),
                },
            };
            assert!(!is_key(&event, panic_key), "panic injected by {PANIC_KEY_VAR}");
            Ok(Some(event))
        };
        event_loop::run_loop_merging(&mut term, &mut app, next, queued)
    }));
    // Every change is already saved; this keeps a note still being typed
    // when a signal, an error or a panic ended the loop. Then the terminal.
    app.shutdown();
    terminal::leave();
    for warning in app.warnings() {
        eprintln!("factdiff: warning: {}", crate::sanitize::inert(warning));
    }
    let result = outcome.unwrap_or_else(|payload| std::panic::resume_unwind(payload));
    result?;
    let signal = stop.load(Ordering::SeqCst);
    Ok((signal != 0).then(|| u8::try_from(signal).unwrap_or(u8::MAX)))
}

/// Compares the original with each copy in turn on a thread, drawing the
/// progress frame until all are done. `None`: the reviewer quit (q, Esc,
/// Ctrl-C) or a signal came first. Other events that arrive meanwhile are
/// kept in `typed_ahead`, for the review screen to act on once it is up.
fn compare_with_progress(
    term: &mut ratatui::DefaultTerminal,
    original: Input,
    rewrites: Vec<Input>,
    stop: &std::sync::atomic::AtomicUsize,
    events: &mpsc::Receiver<std::io::Result<event::Event>>,
    typed_ahead: &mut std::collections::VecDeque<event::Event>,
) -> anyhow::Result<Option<Vec<pair::Pair>>> {
    let names: Vec<[String; 2]> = rewrites
        .iter()
        .map(|r| [original.name.clone(), r.name.clone()])
        .collect();
    let bytes: Vec<[usize; 2]> = rewrites
        .iter()
        .map(|r| [original.document.text().len(), r.document.text().len()])
        .collect();
    let n = rewrites.len();
    let (tx, rx) = mpsc::channel();
    // The share done of the whole, as f32 bits, and the copy being
    // compared, written by the comparing thread.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let at = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let (report, report_at) = (std::sync::Arc::clone(&done), std::sync::Arc::clone(&at));
    std::thread::spawn(move || {
        #[allow(clippy::cast_precision_loss)]
        let whole = n.max(1) as f32;
        let pairs = rewrites
            .into_iter()
            .enumerate()
            .map(|(k, rewrite)| {
                report_at.store(k, Ordering::Relaxed);
                #[allow(clippy::cast_precision_loss)]
                let before = k as f32;
                let progress =
                    |share: f32| report.store(((before + share) / whole).to_bits(), Ordering::Relaxed);
                pair::Pair::new_reporting(original.clone(), rewrite, &progress)
            })
            .collect::<Vec<_>>();
        let _ = tx.send(pairs);
    });
    let started = std::time::Instant::now();
    loop {
        let k = at.load(Ordering::Relaxed).min(n.saturating_sub(1));
        let progress = draw::progress::Progress {
            names: [&names[k][0], &names[k][1]],
            bytes: bytes[k],
            elapsed: started.elapsed(),
            share: f32::from_bits(done.load(Ordering::Relaxed)),
        };
        term.draw(|frame| frame.render_widget(&progress, frame.area()))?;
        match rx.recv_timeout(Duration::from_millis(100)) {
            Ok(pairs) => return Ok(Some(pairs)),
            Err(mpsc::RecvTimeoutError::Disconnected) => anyhow::bail!("the comparison failed"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if stop.load(Ordering::SeqCst) != 0 {
            return Ok(None);
        }
        while let Ok(event) = events.try_recv() {
            let event = event?;
            if let event::Event::Key(k) = &event
                && k.kind == event::KeyEventKind::Press
                && (matches!(k.code, event::KeyCode::Char('q') | event::KeyCode::Esc)
                    || (k.code == event::KeyCode::Char('c')
                        && k.modifiers.contains(event::KeyModifiers::CONTROL)))
            {
                return Ok(None);
            }
            typed_ahead.push_back(event);
        }
    }
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
