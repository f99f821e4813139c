//! Layout details: wide characters keep the panes aligned, control
//! characters are drawn inert, moved sentences say where they went, and the
//! mouse wheel scrolls.

mod tui_support;

use factdiff::engine::align::UnitKind;
use factdiff::engine::comparison::Summary;
use factdiff::engine::segment::segment;
use factdiff::engine::{Comparison, Document, Unit};
use factdiff::input::Input;
use factdiff::tui::app::App;
use factdiff::tui::pair::Pair;
use factdiff::tui::review::Review;
use factdiff::tui::theme::Theme;
use ratatui::crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::collections::BTreeMap;
use tui_support::{demo_app, feed, screen_of};
use unicode_width::UnicodeWidthStr;

fn app_for(a: &str, b: &str, w: u16, h: u16) -> App {
    let input = |name: &str, text: &str| Input {
        name: name.into(),
        document: Document::from(text),
    };
    let pair = Pair::new(input("a", a), input("b", b));
    let review = Review::in_memory(&pair);
    App::new(pair, review, Theme::plain(), Rect::new(0, 0, w, h))
}

/// Display column of the middle column (`│xxx│` or `▶xxx◀`) in each row
/// that has one.
fn divider_columns(screen: &str) -> Vec<usize> {
    screen
        .lines()
        .filter_map(|l| {
            let chars: Vec<(usize, char)> = l.char_indices().collect();
            let at = chars.windows(5).find_map(|w| {
                let edges = (w[0].1, w[4].1);
                matches!(edges, ('│', '│') | ('▶', '◀')).then_some(w[0].0)
            })?;
            Some(l[..at].width())
        })
        .collect()
}

#[test]
fn wide_characters_and_controls_keep_panes_aligned() {
    let a = "東京で会議が開かれた。参加者は三十人だった。\n\nEmoji 🚢🚢🚢 ferry \u{1b}]2;PWNED\u{7} ahead.";
    let b = "東京で会議が開催された。参加者は三十人だった。\n\nEmoji 🚢🚢 ferry \u{1b}]2;PWNED\u{7} ahead.";
    let mut app = app_for(a, b, 41, 14);
    let screen = screen_of(&mut app, 41, 14, vec![]);
    assert!(!screen.contains('\u{1b}'), "no raw escape reaches the screen");
    assert!(
        screen.contains("␛]2;PWNED␇"),
        "escape shown as symbols:\n{screen}"
    );
    let cols = divider_columns(&screen);
    assert!(cols.len() > 3, "{screen}");
    assert!(
        cols.iter().all(|&c| c == cols[0]),
        "middle column drifts: {cols:?}\n{screen}"
    );
}

#[test]
fn moved_sentences_are_marked_on_both_sides() {
    let text = "First one here.\n\nSecond one here.\n\nThird one here.";
    let doc = Document::from(text);
    let seg = segment(&doc);
    let unit = |o: usize, r: usize, kind| Unit {
        original: Some(seg.sentences[o].span),
        rewrite: Some(seg.sentences[r].span),
        kind,
        score: 1.0,
        original_sentences: Some(o..o + 1),
        rewrite_sentences: Some(r..r + 1),
        hunks: Vec::new(),
    };
    let units = vec![
        unit(0, 2, UnitKind::Moved),
        unit(1, 1, UnitKind::Match),
        unit(2, 0, UnitKind::Match),
    ];
    let summary = Summary {
        identical: false,
        original_sentences: 3,
        rewrite_sentences: 3,
        original_found_share: 1.0,
        discrepancies: 0,
        factual: 0,
        check: 0,
        by_kind: BTreeMap::new(),
        factual_by_kind: BTreeMap::new(),
    };
    let cmp = Comparison {
        original: seg.clone(),
        rewrite: seg,
        units,
        discrepancies: Vec::new(),
        suppressed: Vec::new(),
        summary,
    };
    let input = |name: &str| Input {
        name: name.into(),
        document: doc.clone(),
    };
    let pair = Pair::from_comparison(input("a"), input("b"), cmp);
    let review = Review::in_memory(&pair);
    let mut app = App::new(pair, review, Theme::plain(), Rect::new(0, 0, 100, 10));
    let screen = screen_of(&mut app, 100, 10, vec![]);
    assert!(screen.contains("moved: now in rewrite ¶3"), "{screen}");
    assert!(screen.contains("moved here from original ¶1"), "{screen}");
}

#[test]
fn mouse_wheel_scrolls_both_panes() {
    let mut app = demo_app(80, 24);
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 5,
            modifiers: KeyModifiers::NONE,
        })
    };
    feed(
        &mut app,
        &[
            wheel(MouseEventKind::ScrollDown),
            wheel(MouseEventKind::ScrollDown),
        ],
    );
    let down = app.top;
    assert!(down > Default::default());
    feed(
        &mut app,
        &[wheel(MouseEventKind::ScrollUp), wheel(MouseEventKind::ScrollUp)],
    );
    assert_eq!(app.top, Default::default());
}
