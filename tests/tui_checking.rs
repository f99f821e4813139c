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
use ratatui::crossterm::event::KeyCode;
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

#[test]
fn the_aligned_texts_show_before_the_flags_and_keys_work_meanwhile() {
    let (mut app, mut aligned) = staged();
    let first = screen(&mut app);
    assert!(first.contains("checking…"), "{first}");
    assert!(app.pair.cmp.discrepancies.is_empty());
    feed(&mut app, &[ch('j'), ch('j')]);
    let top = app.top;
    assert_ne!(top, Default::default(), "j scrolls while checking");
    // A verdict needs a flag: it waits, and says so.
    feed(&mut app, &[ch('n')]);
    assert!(app.message.as_deref().unwrap_or("").contains("checking…"));
    feed(&mut app, &[ch('o')]);
    assert!(!app.pair.rewrite_order, "o waits for the flags");

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
fn an_error_opening_the_annotations_ends_the_screen() {
    let (mut app, _) = staged();
    let failed = app.accept(Stage::Checked(Box::new(Err(anyhow::anyhow!("unreadable")))));
    assert!(failed.is_err());
}
