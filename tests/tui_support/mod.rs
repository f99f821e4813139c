//! Helpers shared by the review-screen tests: the demo app without a
//! terminal, key presses through the real keymap, screens on TestBackend.
#![allow(dead_code)]

use factdiff::tui::app::App;
use factdiff::tui::event_loop::{act_on, run_loop};
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
        act_on(app, e.clone());
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

/// The two texts of the hand-built pair.
pub const HAND_ORIGINAL: &str = "City news\n\nThe mayor opened the bridge on Monday, after a long delay.\n\nShe said it cost 40 million pounds.\nA hospital was also planned.\n";
pub const HAND_REWRITE: &str = "City news\n\nOn Tuesday the mayor opened the bridge after a long delay.\n\nA hospital was also planned.\nShe said it cost 14 million pounds.\n";

/// A comparison built by hand (not by the engine, so a detector change
/// does not churn the snapshots that use it): a heading, a changed date,
/// plain rewording, a changed number, and a sentence that moved.
pub fn hand_pair() -> factdiff::tui::pair::Pair {
    use factdiff::engine::align::UnitKind;
    use factdiff::engine::comparison::Summary;
    use factdiff::engine::diff::WordHunk;
    use factdiff::engine::segment::segment;
    use factdiff::engine::{Comparison, Discrepancy, Document, Kind, Span, Unit};
    let (a, b) = (Document::from(HAND_ORIGINAL), Document::from(HAND_REWRITE));
    let (sa, sb) = (segment(&a), segment(&b));
    let at = |text: &str, s: &str| {
        let i = text.find(s).expect("in text");
        Span::new(i, i + s.len())
    };
    // Sentences: 0 heading, 1 bridge, 2 cost, 3 hospital (original);
    // 0 heading, 1 bridge, 2 hospital, 3 cost (rewrite).
    let unit = |i: usize, j: usize, kind: UnitKind, hunks: Vec<WordHunk>| Unit {
        original: Some(sa.sentences[i].span),
        rewrite: Some(sb.sentences[j].span),
        kind,
        score: 0.9,
        original_sentences: Some(i..i + 1),
        rewrite_sentences: Some(j..j + 1),
        hunks,
    };
    let hunk = |o: Option<&str>, r: Option<&str>| WordHunk {
        original: o.map(|s| at(HAND_ORIGINAL, s)),
        rewrite: r.map(|s| at(HAND_REWRITE, s)),
    };
    let units = vec![
        unit(0, 0, UnitKind::Match, vec![]),
        unit(
            1,
            1,
            UnitKind::Match,
            vec![hunk(Some("on Monday,"), None), hunk(None, Some("On Tuesday"))],
        ),
        unit(2, 3, UnitKind::Moved, vec![hunk(Some("40"), Some("14"))]),
        unit(3, 2, UnitKind::Match, vec![]),
    ];
    let d = |n: usize,
             kind: Kind,
             factual: bool,
             confidence: f32,
             o: &str,
             r: &str,
             reason: &str,
             unit: usize| Discrepancy {
        id: format!("d{n}"),
        kind,
        factual,
        confidence,
        original: Some(at(HAND_ORIGINAL, o)),
        rewrite: Some(at(HAND_REWRITE, r)),
        reason: reason.into(),
        unit,
    };
    let discrepancies = vec![
        d(
            1,
            Kind::Date,
            true,
            0.85,
            "Monday",
            "Tuesday",
            "date changed: ‘Monday’ → ‘Tuesday’, a day the original never gives for the opening of the bridge",
            1,
        ),
        d(
            2,
            Kind::Wording,
            false,
            0.1,
            "opened the bridge on Monday,",
            "opened the bridge",
            "reworded (2 changes)",
            1,
        ),
        d(
            3,
            Kind::Number,
            true,
            0.9,
            "40",
            "14",
            "number changed: ‘40’ → ‘14’",
            2,
        ),
    ];
    let summary = Summary {
        identical: false,
        original_sentences: sa.sentences.len(),
        rewrite_sentences: sb.sentences.len(),
        original_found_share: 1.0,
        discrepancies: 3,
        factual: 2,
        check: 0,
        by_kind: std::collections::BTreeMap::new(),
        factual_by_kind: std::collections::BTreeMap::new(),
    };
    let cmp = Comparison {
        original: sa,
        rewrite: sb,
        units,
        discrepancies,
        suppressed: Vec::new(),
        summary,
    };
    let input = |name: &str, doc: Document| factdiff::input::Input {
        name: name.into(),
        document: doc,
    };
    Pair::from_comparison(input("orig.txt", a), input("new.txt", b), cmp)
}

/// The hand-built pair at `w`×`h`, colourless, annotations in memory.
pub fn hand_app(w: u16, h: u16) -> App {
    let pair = hand_pair();
    let review = Review::in_memory(&pair);
    App::new(pair, review, Theme::plain(), Rect::new(0, 0, w, h))
}
