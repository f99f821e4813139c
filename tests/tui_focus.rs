//! Focus on what matters: the sidebar filter (all / factual / unreviewed),
//! progress over factual flags, and dismissing plain rewording at once.
//! On the hand-built comparison, so snapshots do not follow the engine.

mod tui_support;

use factdiff::tui::action::{Filter, Mode, Verdict};
use ratatui::crossterm::event::KeyCode;
use tui_support::{ch, feed, hand_app, key, screen_of};

#[test]
fn sidebar_filters_snapshots() {
    let mut app = hand_app(120, 16);
    let all = screen_of(&mut app, 120, 16, vec![]);
    insta::assert_snapshot!("filter_all", all);
    let factual = screen_of(&mut app, 120, 16, vec![ch('t')]);
    assert_eq!(app.filter, Filter::Factual);
    assert!(!factual.contains("d2 "), "rewording is not listed:\n{factual}");
    insta::assert_snapshot!("filter_factual", factual);
    // Review d1, then list only what is left to do.
    let unreviewed = screen_of(&mut app, 120, 16, vec![ch('f'), ch('c'), ch('t')]);
    assert_eq!(app.filter, Filter::Unreviewed);
    assert!(!unreviewed.contains("▶d1"), "d1 has a verdict:\n{unreviewed}");
    insta::assert_snapshot!("filter_unreviewed", unreviewed);
    feed(&mut app, &[ch('t')]);
    assert_eq!(app.filter, Filter::All, "t cycles round");
}

#[test]
fn sidebar_j_and_k_visit_only_listed_discrepancies() {
    let mut app = hand_app(120, 16);
    feed(&mut app, &[ch('t'), key(KeyCode::Tab)]);
    assert_eq!(app.mode, Mode::Sidebar);
    assert_eq!(app.current, Some(0));
    feed(&mut app, &[ch('j')]);
    assert_eq!(app.current, Some(2), "d2 (rewording) is skipped");
}

#[test]
fn progress_counts_factual_flags_and_x_dismisses_rewording() {
    let mut app = hand_app(120, 16);
    let screen = screen_of(&mut app, 120, 16, vec![]);
    assert!(screen.contains("reviewed 0/2 factual (0/3 all)"), "{screen}");
    feed(&mut app, &[ch('X')]);
    assert_eq!(app.review.verdict(1), Verdict::Dismissed, "the rewording");
    assert_eq!(app.review.verdict(0), Verdict::Unset, "factual flags untouched");
    assert_eq!(app.review.verdict(2), Verdict::Unset);
    assert!(
        app.message
            .as_deref()
            .unwrap_or("")
            .contains("dismissed 1 plain rewording")
    );
    feed(&mut app, &[ch('f'), ch('c')]);
    let screen = screen_of(&mut app, 120, 16, vec![]);
    assert!(screen.contains("reviewed 1/2 factual (2/3 all)"), "{screen}");
    // A verdict already given is not overwritten by X.
    feed(&mut app, &[ch('n'), ch('c'), ch('X')]);
    assert_eq!(app.review.verdict(1), Verdict::Confirmed);
}
