//! `o` lays both panes out in the rewrite's order (the copy as published),
//! moved sentences marked with where they came from; verdicts follow.

mod tui_support;

use factdiff::tui::action::Verdict;
use tui_support::{ch, feed, hand_app, screen_of};

#[test]
fn rewrite_order_layout() {
    let mut app = hand_app(100, 16);
    let before = screen_of(&mut app, 100, 16, vec![]);
    let cost = |s: &str| {
        s.lines()
            .position(|l| l.contains("She said it cost"))
            .expect("cost row")
    };
    let hospital = |s: &str| {
        s.lines()
            .position(|l| l.contains("A hospital"))
            .expect("hospital row")
    };
    assert!(cost(&before) < hospital(&before), "original order first");
    let after = screen_of(&mut app, 100, 16, vec![ch('o')]);
    assert!(app.pair.rewrite_order);
    assert!(hospital(&after) < cost(&after), "the rewrite's order:\n{after}");
    assert!(after.contains("moved here from original ¶3"), "{after}");
    assert!(after.contains("rewrite (its order)"));
    insta::assert_snapshot!("rewrite_order_100x16", after);
    feed(&mut app, &[ch('o')]);
    assert!(!app.pair.rewrite_order, "o again goes back");
}

#[test]
fn verdicts_and_selection_survive_the_toggle() {
    let mut app = hand_app(100, 16);
    feed(&mut app, &[ch('f'), ch('f')]);
    let id = app.pair.cmp.discrepancies[app.current.unwrap()].id.clone();
    assert_eq!(id, "d3");
    feed(&mut app, &[ch('o')]);
    let i = app.current.expect("still selected");
    assert_eq!(app.pair.cmp.discrepancies[i].id, "d3");
    feed(&mut app, &[ch('c')]);
    assert_eq!(app.review.verdict(i), Verdict::Confirmed);
    feed(&mut app, &[ch('o')]);
    let j = app.current.unwrap();
    assert_eq!(app.pair.cmp.discrepancies[j].id, "d3");
    assert_eq!(
        app.review.verdict(j),
        Verdict::Confirmed,
        "the verdict made in rewrite order is kept"
    );
}
