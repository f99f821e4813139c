//! One original against several copies on the review screen: `]` and `[`
//! switch copies, each copy keeps its own verdicts, notes and place, and
//! each copy's annotations are the two-file review's of that pair.

mod tui_support;

use factdiff::engine::Document;
use factdiff::input::Input;
use factdiff::tui::action::{Action, Mode, Verdict};
use factdiff::tui::app::App;
use factdiff::tui::copies::Shelved;
use factdiff::tui::pair::{Pair, Side};
use factdiff::tui::review::Review;
use factdiff::tui::theme::Theme;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};
use tui_support::{HAND_ORIGINAL, HAND_REWRITE, ch, feed, key, screen_of, type_text};

/// A second copy of the hand-built original: another number, another day.
const SECOND_COPY: &str = "City news\n\nThe mayor opened the bridge on Friday, after a long delay.\n\nShe said it cost 90 million pounds.\nA hospital was also planned.\n";

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.into(),
        document: Document::from(text),
    }
}

fn pair(copy: usize) -> Pair {
    let (name, text) = [("copy1.txt", HAND_REWRITE), ("copy2.txt", SECOND_COPY)][copy];
    Pair::new(input("original.txt", HAND_ORIGINAL), input(name, text))
}

/// The screen on both copies, each review kept in `paths[k]` (in memory
/// when `None`), at `w`×`h`.
fn two_copies(paths: [Option<&Path>; 2], w: u16, h: u16) -> App {
    let open = |k: usize| {
        let p = pair(k);
        let review = match paths[k] {
            Some(path) => Review::open(&p, Some(path.to_owned())).expect("open store"),
            None => Review::in_memory(&p),
        };
        (p, review)
    };
    let (first, review) = open(0);
    let (second, second_review) = open(1);
    App::new(first, review, Theme::plain(), Rect::new(0, 0, w, h))
        .with_copies(vec![Shelved::new(second, second_review)])
}

/// The two-file screen on one copy, its review kept at `path`.
fn one_copy(copy: usize, path: &Path) -> App {
    let p = pair(copy);
    let review = Review::open(&p, Some(path.to_owned())).expect("open store");
    App::new(p, review, Theme::plain(), Rect::new(0, 0, 120, 40))
}

fn shown(app: &App) -> &str {
    app.pair.name(Side::Rewrite)
}

/// The first factual flag's index, as `f` from the top selects it.
fn first_factual(app: &App) -> usize {
    app.pair
        .cmp
        .discrepancies
        .iter()
        .position(|d| d.factual)
        .expect("a factual flag")
}

#[test]
fn brackets_switch_copies_and_wrap_round() {
    let mut app = two_copies([None, None], 120, 40);
    assert_eq!(
        (shown(&app), app.copies.shown(), app.copies.count()),
        ("copy1.txt", 0, 2)
    );
    feed(&mut app, &[ch(']')]);
    assert_eq!((shown(&app), app.copies.shown()), ("copy2.txt", 1));
    feed(&mut app, &[ch(']')]);
    assert_eq!(shown(&app), "copy1.txt", "past the last copy: the first");
    feed(&mut app, &[ch('[')]);
    assert_eq!(shown(&app), "copy2.txt", "before the first copy: the last");
    feed(&mut app, &[ch('[')]);
    assert_eq!(shown(&app), "copy1.txt");
    // From the sidebar too; in the note editor the key is text.
    feed(&mut app, &[key(KeyCode::Tab), ch(']')]);
    assert_eq!(shown(&app), "copy2.txt");
    feed(
        &mut app,
        &[key(KeyCode::Esc), ch('f'), key(KeyCode::Enter), ch(']')],
    );
    assert_eq!((shown(&app), app.mode), ("copy2.txt", Mode::Editor));
    assert_eq!(app.editor.as_ref().map(|e| e.text.as_str()), Some("]"));
}

#[test]
fn one_copy_says_there_is_nothing_to_switch_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = one_copy(0, &dir.path().join("a.json"));
    feed(&mut app, &[ch(']')]);
    assert_eq!(shown(&app), "copy1.txt");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("one copy only"))
    );
}

#[test]
fn each_copy_keeps_its_place_and_selection() {
    let mut app = two_copies([None, None], 120, 40);
    feed(&mut app, &[ch('f'), ch('f')]);
    let (current, top) = (app.current, app.top);
    assert!(current.is_some());
    feed(&mut app, &[ch(']')]);
    assert_eq!(app.current, None, "the second copy opens with nothing selected");
    feed(&mut app, &[ch('G'), ch('[')]);
    assert_eq!((app.current, app.top), (current, top));
}

#[test]
fn each_copy_keeps_its_order() {
    let mut app = two_copies([None, None], 120, 40);
    feed(&mut app, &[ch('o')]);
    assert!(app.pair.rewrite_order);
    feed(&mut app, &[ch(']')]);
    assert!(
        !app.pair.rewrite_order,
        "the second copy opens in the original's order"
    );
    feed(&mut app, &[ch(']')]);
    assert!(app.pair.rewrite_order, "the first copy is back in its own order");
    let title = screen_of(&mut app, 120, 40, vec![]);
    assert!(
        title
            .lines()
            .next()
            .is_some_and(|l| l.contains("copy 1/2 (its order): copy1.txt")),
        "{title}"
    );
    // `o` again goes back to the original's order: the other layout was kept.
    feed(&mut app, &[ch('o')]);
    assert!(!app.pair.rewrite_order);
}

#[test]
fn verdicts_and_notes_stay_with_their_copy_across_switches() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths: [PathBuf; 2] = [dir.path().join("one.json"), dir.path().join("two.json")];
    let mut app = two_copies([Some(&paths[0]), Some(&paths[1])], 120, 40);
    let first = first_factual(&app);
    feed(&mut app, &[ch('f'), ch('c')]);
    feed(&mut app, &[ch(']'), ch('f'), ch('x'), key(KeyCode::Enter)]);
    let second = first_factual(&app);
    type_text(&mut app, "second copy's note");
    // Switched while the note is still being typed: it is saved, to the
    // copy it was written on.
    app.update(Action::PreviousCopy);
    assert_eq!((shown(&app), app.mode), ("copy1.txt", Mode::Normal));
    assert_eq!(app.review.verdict(first), Verdict::Confirmed);
    assert_eq!(app.review.note(first), "");
    feed(&mut app, &[ch(']')]);
    assert_eq!(app.review.verdict(second), Verdict::Dismissed);
    assert_eq!(app.review.note(second), "second copy's note");
    drop(app);

    // Reopened as two-file reviews of each pair: the same verdicts.
    let one = one_copy(0, &paths[0]);
    assert_eq!(one.review.verdict(first), Verdict::Confirmed);
    assert_eq!(one.review.reviewed(), 1);
    assert_eq!(one.review.note(first), "");
    let two = one_copy(1, &paths[1]);
    assert_eq!(two.review.verdict(second), Verdict::Dismissed);
    assert_eq!(two.review.note(second), "second copy's note");
    assert_eq!(two.review.reviewed(), 1);
}

#[test]
fn quitting_on_another_copy_keeps_its_half_typed_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = [dir.path().join("one.json"), dir.path().join("two.json")];
    let mut app = two_copies([Some(&paths[0]), Some(&paths[1])], 120, 40);
    feed(&mut app, &[ch(']'), ch('f'), key(KeyCode::Enter)]);
    let second = first_factual(&app);
    type_text(&mut app, "half");
    app.shutdown();
    assert_eq!(one_copy(1, &paths[1]).review.note(second), "half");
    assert!(!paths[0].exists(), "nothing was written for the first copy");
}

#[test]
fn help_lists_the_copy_keys_only_with_several_copies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut several = two_copies([None, None], 120, 48);
    let with = screen_of(&mut several, 120, 48, vec![ch('?')]);
    assert!(with.contains("] / ["), "{with}");
    assert!(with.contains("copy 2/3"), "{with}");
    let mut single = one_copy(0, &dir.path().join("a.json"));
    let without = screen_of(&mut single, 120, 48, vec![ch('?')]);
    assert!(!without.contains("] / ["), "{without}");
}

#[test]
fn screen_with_several_copies() {
    let mut app = two_copies([None, None], 100, 20);
    insta::assert_snapshot!(
        "copies_first_100x20",
        screen_of(&mut app, 100, 20, vec![ch('f'), ch('c')])
    );
    insta::assert_snapshot!(
        "copies_second_100x20",
        screen_of(&mut app, 100, 20, vec![ch(']')])
    );
}

/// The binary with several copies and bad arguments: one line, exit 2,
/// before any terminal is touched.
fn review_error(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [
        ("o.txt", HAND_ORIGINAL),
        ("c1.txt", HAND_REWRITE),
        ("c2.txt", SECOND_COPY),
    ] {
        std::fs::write(dir.path().join(name), text).expect("write input");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run factdiff");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(!dir.path().join("data").exists(), "nothing saved");
    err
}

#[test]
fn one_annotation_file_for_several_copies_is_refused() {
    let err = review_error(&["--annotations", "a.json", "o.txt", "c1.txt", "c2.txt"]);
    assert!(
        err.starts_with("factdiff: --annotations names one pair's file"),
        "{err}"
    );
}

#[test]
fn stdin_for_two_copies_is_refused() {
    let err = review_error(&["o.txt", "-", "-"]);
    assert!(err.contains("only one of the inputs can be stdin"), "{err}");
    let err = review_error(&["o.txt", "c1.txt", "missing.txt"]);
    assert!(err.contains("missing.txt"), "{err}");
}
