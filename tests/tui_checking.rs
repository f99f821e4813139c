//! The review screen opens on the aligned texts before the detectors
//! finish: it says "checking…", keys work, actions that need the flags say
//! they wait, and the flags arrive later in place, the scroll position kept.

mod tui_support;

use factdiff::engine::comparison::{Aligned, compare};
use factdiff::tui::app::App;
use factdiff::tui::checking::Stage;
use factdiff::tui::pair::Pair;
use factdiff::tui::review::Review;
use factdiff::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use tui_support::{ch, feed, key};

const W: u16 = 100;
const H: u16 = 30;

fn screen(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(W, H)).expect("test terminal");
    terminal
        .draw(|frame| frame.render_widget(&*app, frame.area()))
        .expect("draw");
    terminal.backend().to_string()
}

/// The demo pair's screen opened on its alignment only, and the stages
/// that follow.
fn staged() -> (App, Aligned) {
    let (a, b) = factdiff::tui::demo_pair();
    let aligned = Aligned::new(&a.document, &b.document);
    let cmp = aligned.unchecked(&a.document, &b.document);
    let pair = Pair::from_comparison(a, b, cmp);
    let review = Review::pending(&pair);
    let app = App::new(pair, review, Theme::plain(), Rect::new(0, 0, W, H)).checking();
    (app, aligned)
}

#[test]
fn the_stages_make_the_same_comparison_as_compare() {
    let (a, b) = factdiff::tui::demo_pair();
    let (a, b) = (&a.document, &b.document);
    let mut aligned = Aligned::new(a, b);
    let first = aligned.unchecked(a, b);
    assert!(first.discrepancies.is_empty());
    assert!(first.units.iter().all(|u| u.hunks.is_empty()));
    aligned.diff_words(a, b, &|_| {});
    let whole = compare(a, b);
    let diffed = aligned.unchecked(a, b);
    assert_eq!(diffed.units, whole.units);
    assert!(diffed.discrepancies.is_empty());
    assert_eq!(aligned.detect(a, b, &|_| {}), whole);
    assert!(!whole.discrepancies.is_empty(), "the demo pair has flags");
}

/// The flags of the demo pair arrive: the diffed stage, then the checked one.
fn arrive(app: &mut App, aligned: &mut Aligned) -> usize {
    let (a, b) = factdiff::tui::demo_pair();
    aligned.diff_words(&a.document, &b.document, &|_| {});
    app.accept(Stage::Diffed(Box::new(
        aligned.unchecked(&a.document, &b.document),
    )))
    .expect("diffed");
    assert!(app.checking);
    assert!(app.pair.cmp.units.iter().any(|u| !u.hunks.is_empty()));
    let whole = Pair::new(a, b);
    let review = Review::in_memory(&whole);
    let found = whole.cmp.discrepancies.len();
    app.accept(Stage::Checked(Box::new(Ok((whole, review)))))
        .expect("checked");
    assert!(!app.checking);
    assert_eq!(app.pair.cmp.discrepancies.len(), found);
    found
}

#[test]
fn the_aligned_texts_show_before_the_flags_and_keys_work_meanwhile() {
    let (mut app, mut aligned) = staged();
    let first = screen(&mut app);
    assert!(first.contains("checking…"), "{first}");
    assert!(app.pair.cmp.discrepancies.is_empty());
    feed(&mut app, &[ch('j'), ch('j')]);
    let top = app.top;
    assert_ne!(top, Default::default(), "j scrolls while checking");

    let found = arrive(&mut app, &mut aligned);
    assert_eq!(app.top, top, "the flags arrive where the reader is");
    let shown = screen(&mut app);
    assert!(!shown.contains("checking…"), "{shown}");
    assert!(
        shown.contains(&format!("checked: {found} discrepancies")),
        "{shown}"
    );

    // Once the flags are in, the screen is the one opened on the whole
    // comparison after the same keys.
    let mut direct = tui_support::demo_app(W, H);
    feed(&mut direct, &[ch('j'), ch('j')]);
    feed(&mut app, &[key(KeyCode::Esc)]);
    assert_eq!(screen(&mut app), screen(&mut direct));
}

#[test]
fn keys_that_need_the_flags_wait_for_them_with_what_follows() {
    let (mut app, mut aligned) = staged();
    // f, then a note typed at once, then a verdict: none of it can act
    // before the flags exist, and none of it is lost.
    let typed = [
        ch('f'),
        key(KeyCode::Enter),
        ch('q'),
        ch('n'),
        key(KeyCode::Esc),
        ch('c'),
    ];
    feed(&mut app, &typed);
    assert!(!app.quit, "the q was part of the note");
    assert_eq!(app.waiting.len(), typed.len());
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("6 keys wait for the flags"), "{said}");
    // A scroll typed after waiting keys waits too, to keep the order.
    feed(&mut app, &[ch('j')]);
    assert_eq!(app.top, Default::default());
    assert_eq!(app.waiting.len(), typed.len() + 1);

    arrive(&mut app, &mut aligned);
    assert!(app.waiting.is_empty());
    let mut direct = tui_support::demo_app(W, H);
    feed(&mut direct, &typed);
    feed(&mut direct, &[ch('j')]);
    assert_eq!(app.current, direct.current);
    assert!(app.current.is_some(), "f found a factual flag");
    let i = app.current.expect("selected");
    assert_eq!(app.review.note(i), "qn", "the note typed while checking");
    assert_eq!(app.review.note(i), direct.review.note(i));
    assert_eq!(app.review.verdict(i), direct.review.verdict(i));
    assert_eq!(screen(&mut app), screen(&mut direct));
}

#[test]
fn ctrl_c_quits_at_once_while_keys_wait() {
    let (mut app, _) = staged();
    feed(&mut app, &[ch('f')]);
    assert_eq!(app.waiting.len(), 1);
    feed(
        &mut app,
        &[Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        ))],
    );
    assert!(app.quit);
}

#[test]
fn an_error_opening_the_annotations_ends_the_screen() {
    let (mut app, _) = staged();
    let failed = app.accept(Stage::Checked(Box::new(Err(anyhow::anyhow!("unreadable")))));
    assert!(failed.is_err());
}
