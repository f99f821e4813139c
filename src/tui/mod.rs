//! The interactive review screen: two synced panes over one comparison,
//! with navigation between discrepancies and an annotation sidebar.

pub mod action;
pub mod app;
pub mod checking;
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
    let (tx, wakes) = mpsc::channel();
    spawn_reader(tx.clone());
    // The screen opens at once; the comparison runs on a thread of its own
    // while a progress frame is drawn and q still quits. With one copy the
    // review screen opens as soon as the texts are aligned and the
    // detectors' flags follow.
    let mut typed_ahead = std::collections::VecDeque::new();
    let shown = Shown::of(&original, &rewrites);
    let progress = Progress::default();
    spawn_comparing(
        original,
        rewrites,
        files,
        annotations.clone(),
        tx,
        progress.clone(),
    );
    let opened = wait_with_progress(&mut term, &shown, &progress, &stop, &wakes, &mut typed_ahead);
    let opened = match opened {
        Ok(Some(opened)) => open_app(opened, annotations, theme, term.size()?.into()),
        Ok(None) => {
            terminal::leave();
            let signal = stop.load(Ordering::SeqCst);
            return Ok((signal != 0).then(|| u8::try_from(signal).unwrap_or(u8::MAX)));
        }
        Err(e) => Err(e),
    };
    let mut app = match opened {
        Ok(app) => app,
        Err(e) => {
            terminal::leave();
            return Err(e);
        }
    };
    if let Some(shown) = sidebar {
        app.sidebar = shown;
    }
    let watched = TerminalWatch::now();
    let panic_key = injected_panic_key();
    // A panic is caught only to save the note being typed: ratatui's hook
    // has already restored the terminal and printed the message by then.
    let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // Both the waiting read and the one that only takes what is queued
        // see the typed-ahead keys first, then the reader's and the
        // comparison's news.
        let typed_ahead = std::cell::RefCell::new(typed_ahead);
        let incoming = |wake: Wake| -> anyhow::Result<Option<event_loop::Incoming>> {
            match wake {
                Wake::Input(event) => {
                    let event = event?;
                    assert!(!is_key(&event, panic_key), "panic injected by {PANIC_KEY_VAR}");
                    Ok(Some(event_loop::Incoming::Event(event)))
                }
                Wake::Stage(stage) => Ok(Some(event_loop::Incoming::Stage(stage))),
                Wake::Failed => anyhow::bail!("the comparison failed"),
                Wake::Aligned(_) | Wake::Compared(_) => Ok(None),
            }
        };
        let typed = || {
            let event = typed_ahead.borrow_mut().pop_front()?;
            assert!(!is_key(&event, panic_key), "panic injected by {PANIC_KEY_VAR}");
            Some(event_loop::Incoming::Event(event))
        };
        let next = || loop {
            if stop.load(Ordering::SeqCst) != 0 || watched.hung_up() {
                return Ok(None);
            }
            if let Some(event) = typed() {
                return Ok(Some(event));
            }
            match wakes.recv_timeout(POLL) {
                Ok(wake) => {
                    if let Some(got) = incoming(wake)? {
                        return Ok(Some(got));
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
            }
        };
        let queued = || loop {
            if stop.load(Ordering::SeqCst) != 0 {
                return Ok(None);
            }
            if let Some(event) = typed() {
                return Ok(Some(event));
            }
            match wakes.try_recv() {
                Ok(wake) => {
                    if let Some(got) = incoming(wake)? {
                        return Ok(Some(got));
                    }
                }
                Err(_) => return Ok(None),
            }
        };
        event_loop::run_loop_staged(&mut term, &mut app, next, queued)
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

/// What the main thread waits for: terminal input, or news from the
/// thread comparing the texts.
enum Wake {
    Input(std::io::Result<event::Event>),
    /// One copy's texts aligned: the screen opens on them.
    Aligned(Box<pair::Pair>),
    /// A later stage of that comparison.
    Stage(checking::Stage),
    /// Every copy compared in full (several copies).
    Compared(Vec<pair::Pair>),
    /// The comparing thread panicked.
    Failed,
}

/// The review screen on what the comparing thread sent first: one copy's
/// aligned texts (the flags follow), or every copy compared in full.
fn open_app(
    opened: Wake,
    annotations: Option<PathBuf>,
    theme: theme::Theme,
    size: ratatui::layout::Rect,
) -> anyhow::Result<App> {
    if let Wake::Aligned(pair) = opened {
        let review = review::Review::pending(&pair);
        return Ok(App::new(*pair, review, theme, size).checking());
    }
    let Wake::Compared(pairs) = opened else {
        anyhow::bail!("the comparison failed");
    };
    let opened: Vec<(pair::Pair, review::Review)> = pairs
        .into_iter()
        .map(|pair| {
            let review = review::Review::open(&pair, annotations.clone())?;
            Ok((pair, review))
        })
        .collect::<anyhow::Result<_>>()?;
    let mut opened = opened.into_iter();
    let Some((pair, review)) = opened.next() else {
        anyhow::bail!("no copy to review");
    };
    let others = opened.map(|(p, r)| copies::Shelved::new(p, r)).collect();
    let mut app = App::new(pair, review, theme, size).with_copies(others);
    app.message = app
        .warnings()
        .first()
        .map(|w| (*w).to_owned())
        .or_else(|| app.review.notice.clone());
    Ok(app)
}

/// The names and sizes the progress frame shows, per copy.
struct Shown {
    names: Vec<[String; 2]>,
    bytes: Vec<[usize; 2]>,
}

impl Shown {
    fn of(original: &Input, rewrites: &[Input]) -> Self {
        Self {
            names: rewrites
                .iter()
                .map(|r| [original.name.clone(), r.name.clone()])
                .collect(),
            bytes: rewrites
                .iter()
                .map(|r| [original.document.text().len(), r.document.text().len()])
                .collect(),
        }
    }
}

/// How far the comparing thread has got: the share done of the whole, as
/// f32 bits, and the copy being compared.
#[derive(Clone, Default)]
struct Progress {
    done: std::sync::Arc<std::sync::atomic::AtomicU32>,
    at: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

/// Compares on a thread of its own. One copy: sends the aligned pair,
/// then its word diffs, then the whole pair with its review opened.
/// Several: compares each in turn and sends them all.
fn spawn_comparing(
    original: Input,
    rewrites: Vec<Input>,
    mut files: Vec<[Option<Source>; 2]>,
    annotations: Option<PathBuf>,
    tx: mpsc::Sender<Wake>,
    progress: Progress,
) {
    std::thread::spawn(move || {
        let work = AssertUnwindSafe(|| {
            if rewrites.len() == 1 {
                let rewrite = rewrites.into_iter().next().unwrap_or_else(|| unreachable!());
                let files = files.pop().unwrap_or_default();
                compare_staged(original, rewrite, files, annotations, &tx, &progress);
                return;
            }
            #[allow(clippy::cast_precision_loss)]
            let whole = rewrites.len().max(1) as f32;
            let pairs = rewrites
                .into_iter()
                .zip(files)
                .enumerate()
                .map(|(k, (rewrite, files))| {
                    progress.at.store(k, Ordering::Relaxed);
                    #[allow(clippy::cast_precision_loss)]
                    let before = k as f32;
                    let report = |share: f32| {
                        progress
                            .done
                            .store(((before + share) / whole).to_bits(), Ordering::Relaxed)
                    };
                    pair::Pair::new_reporting(original.clone(), rewrite, &report).with_files(files)
                })
                .collect::<Vec<_>>();
            let _ = tx.send(Wake::Compared(pairs));
        });
        if std::panic::catch_unwind(work).is_err() {
            let _ = tx.send(Wake::Failed);
        }
    });
}

/// One copy in stages (see [`checking`]); stops early once the screen is
/// gone.
fn compare_staged(
    original: Input,
    rewrite: Input,
    files: [Option<Source>; 2],
    annotations: Option<PathBuf>,
    tx: &mpsc::Sender<Wake>,
    progress: &Progress,
) {
    use crate::engine::comparison::Aligned;
    let report = |share: f32| progress.done.store(share.to_bits(), Ordering::Relaxed);
    let (a, b) = (&original.document, &rewrite.document);
    let mut aligned = Aligned::new_reporting(a, b, &report);
    let shown = pair::Pair::from_comparison(original.clone(), rewrite.clone(), aligned.unchecked(a, b))
        .with_files(files.clone());
    if tx.send(Wake::Aligned(Box::new(shown))).is_err() {
        return;
    }
    aligned.diff_words(a, b, &report);
    if tx
        .send(Wake::Stage(checking::Stage::Diffed(Box::new(
            aligned.unchecked(a, b),
        ))))
        .is_err()
    {
        return;
    }
    let cmp = aligned.detect(a, b, &report);
    let pair = pair::Pair::from_comparison(original, rewrite, cmp).with_files(files);
    let opened = review::Review::open(&pair, annotations).map(|review| (pair, review));
    let _ = tx.send(Wake::Stage(checking::Stage::Checked(Box::new(opened))));
}

/// Draws the progress frame until the comparing thread sends what the
/// review screen opens on. `None`: the reviewer quit (q, Esc, Ctrl-C) or
/// a signal came first. Other events that arrive meanwhile are kept in
/// `typed_ahead`, for the review screen to act on once it is up.
fn wait_with_progress(
    term: &mut ratatui::DefaultTerminal,
    shown: &Shown,
    progress: &Progress,
    stop: &std::sync::atomic::AtomicUsize,
    wakes: &mpsc::Receiver<Wake>,
    typed_ahead: &mut std::collections::VecDeque<event::Event>,
) -> anyhow::Result<Option<Wake>> {
    let n = shown.names.len();
    let started = std::time::Instant::now();
    loop {
        let k = progress.at.load(Ordering::Relaxed).min(n.saturating_sub(1));
        let frame = draw::progress::Progress {
            names: [&shown.names[k][0], &shown.names[k][1]],
            bytes: shown.bytes[k],
            elapsed: started.elapsed(),
            share: f32::from_bits(progress.done.load(Ordering::Relaxed)),
        };
        term.draw(|f| f.render_widget(&frame, f.area()))?;
        let deadline = std::time::Instant::now() + Duration::from_millis(100);
        loop {
            if stop.load(Ordering::SeqCst) != 0 {
                return Ok(None);
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let event = match wakes.recv_timeout(left) {
                Ok(Wake::Input(event)) => event?,
                Ok(Wake::Failed) | Err(mpsc::RecvTimeoutError::Disconnected) => {
                    anyhow::bail!("the comparison failed")
                }
                Ok(opened) => return Ok(Some(opened)),
                Err(mpsc::RecvTimeoutError::Timeout) => break,
            };
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
fn spawn_reader(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let next = event::read();
            let failed = next.is_err();
            if tx.send(Wake::Input(next)).is_err() || failed {
                break;
            }
        }
    });
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
