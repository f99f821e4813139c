//! Verdicts and notes made on the review screen are saved at once and come
//! back when the pair is reopened.

mod tui_support;

use factdiff::tui::action::Verdict;
use factdiff::tui::app::App;
use factdiff::tui::pair::Pair;
use factdiff::tui::review::Review;
use factdiff::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use tui_support::{ch, feed, key, type_text};

fn open(path: &std::path::Path) -> App {
    let (a, b) = factdiff::tui::demo_pair();
    let pair = Pair::new(a, b);
    let review = Review::open(&pair, Some(path.to_owned())).expect("open store");
    App::new(pair, review, Theme::plain(), Rect::new(0, 0, 120, 40))
}

#[test]
fn reopening_restores_verdicts_and_notes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.json");
    let mut app = open(&path);
    feed(&mut app, &[ch('f'), ch('c'), key(KeyCode::Enter)]);
    type_text(&mut app, "check the source");
    feed(&mut app, &[key(KeyCode::Esc), ch('f'), ch('x')]);
    let (first, second) = (0..app.pair.cmp.discrepancies.len())
        .filter(|&i| app.pair.cmp.discrepancies[i].factual)
        .fold((None, None), |(a, b), i| {
            if a.is_none() {
                (Some(i), b)
            } else {
                (a, b.or(Some(i)))
            }
        });
    let (first, second) = (first.expect("one flag"), second.expect("two flags"));
    assert!(path.exists(), "saved after the change, before quitting");
    drop(app);

    let app = open(&path);
    assert_eq!(app.review.verdict(first), Verdict::Confirmed);
    assert_eq!(app.review.note(first), "check the source");
    assert_eq!(app.review.verdict(second), Verdict::Dismissed);
    assert_eq!(app.review.reviewed(), 2);
}

#[test]
fn quitting_inside_the_editor_keeps_the_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.json");
    let mut app = open(&path);
    feed(&mut app, &[ch('n'), key(KeyCode::Enter)]);
    type_text(&mut app, "half-typed");
    app.shutdown();
    let app = open(&path);
    assert_eq!(app.review.note(0), "half-typed");
}

#[test]
fn export_key_writes_markdown_next_to_the_annotations() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.json");
    let mut app = open(&path);
    feed(&mut app, &[ch('f'), key(KeyCode::Enter)]);
    type_text(&mut app, "exported note");
    feed(&mut app, &[key(KeyCode::Esc), ch('e')]);
    let md = dir.path().join("notes.md");
    let text = std::fs::read_to_string(&md).expect("export written");
    assert!(text.contains("exported note"));
    assert!(app.message.as_deref().unwrap_or("").contains("notes.md"));
}

#[test]
fn annotations_whose_text_is_gone_are_listed_as_orphaned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.json");
    let mut app = open(&path);
    // Walk the factual flags to the added sentence, the one whose text goes.
    for _ in 0..app.pair.cmp.discrepancies.len() {
        feed(&mut app, &[ch('f')]);
        let kind = app.current.map(|i| app.pair.cmp.discrepancies[i].kind);
        if kind == Some(factdiff::engine::Kind::Added) {
            break;
        }
    }
    feed(&mut app, &[ch('c'), key(KeyCode::Enter)]);
    type_text(&mut app, "orphan me");
    feed(&mut app, &[key(KeyCode::Esc)]);
    let i = app.current.expect("a flag");
    let gone = app.pair.cmp.discrepancies[i].rewrite.expect("added sentence");
    let gone_text = app
        .pair
        .doc(factdiff::tui::pair::Side::Rewrite)
        .slice(gone)
        .to_owned();
    drop(app);

    let (a, mut b) = factdiff::tui::demo_pair();
    let edited = b.document.text().replace(&gone_text, "");
    b.document = factdiff::engine::Document::from(edited.as_str());
    let pair = Pair::new(a, b);
    let review = Review::open(&pair, Some(path.clone())).expect("open store");
    assert!(review.orphans().iter().any(|o| o.contains("orphan me")));
    let mut app = App::new(pair, review, Theme::plain(), Rect::new(0, 0, 120, 40));
    let screen = tui_support::screen_of(&mut app, 120, 40, vec![]);
    assert!(screen.contains("orphaned: “Passengers had"), "{screen}");
}
