//! Snapshots of the review screen on a comparison built by hand, so that
//! a detector change does not churn them: the detail pane, the legend in
//! the help, and one snapshot that checks styles.

mod tui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use tui_support::{ch, feed, hand_app, key, screen_of};

#[test]
fn detail_pane_shows_the_whole_reason_places_and_note() {
    let mut app = hand_app(100, 24);
    let mut events = vec![ch('f'), ch('c'), key(KeyCode::Enter)];
    events.extend("checked the council minutes".chars().map(ch));
    events.push(key(KeyCode::Esc));
    let screen = screen_of(&mut app, 100, 24, events);
    assert!(
        screen.contains("a day the original never gives for the opening of the bridge"),
        "the whole reason:\n{screen}"
    );
    assert!(screen.contains("original: line 3:32, ¶ 2"), "{screen}");
    assert!(screen.contains("rewrite: line 3:4, ¶ 2"), "{screen}");
    insta::assert_snapshot!("hand_detail_100x24", screen);
}

#[test]
fn detail_pane_toggles_with_i() {
    let mut app = hand_app(100, 24);
    feed(&mut app, &[ch('f')]);
    let with = app.body_rows();
    assert!(app.screen().detail.is_some());
    feed(&mut app, &[ch('i')]);
    assert!(app.screen().detail.is_none());
    assert!(app.body_rows() > with, "the panes get the rows back");
    insta::assert_snapshot!("hand_no_detail_100x24", screen_of(&mut app, 100, 24, vec![]));
}

#[test]
fn help_has_a_legend_and_scrolls_when_short() {
    let mut app = hand_app(100, 48);
    let screen = screen_of(&mut app, 100, 48, vec![ch('?')]);
    insta::assert_snapshot!("hand_help_100x48", screen);
    let mut short = hand_app(100, 20);
    let top = screen_of(&mut short, 100, 20, vec![ch('?')]);
    assert!(!top.contains("sidebar: confirmed"), "the legend's end is below");
    let bottom = screen_of(
        &mut short,
        100,
        20,
        vec![key(KeyCode::PageDown), ch('j'), ch('j'), ch('j'), ch('j')],
    );
    assert_eq!(
        short.mode,
        factdiff::tui::action::Mode::Help,
        "scrolling keys keep the help open"
    );
    assert!(bottom.contains("sidebar: confirmed"), "{bottom}");
    feed(&mut short, &[ch('x')]);
    assert_eq!(short.mode, factdiff::tui::action::Mode::Normal);
}

/// Styles matter here: the flagged words in the detail pane are marked
/// (bold, underlined) and the header bar is reversed.
#[test]
fn detail_pane_styles() {
    let mut app = hand_app(72, 20);
    feed(&mut app, &[ch('f'), ch('f')]);
    let mut terminal = Terminal::new(TestBackend::new(72, 20)).expect("terminal");
    terminal.draw(|f| f.render_widget(&app, f.area())).expect("draw");
    let area = app.screen().detail.expect("detail pane");
    let buf = terminal.backend().buffer();
    let mut marked = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        for x in area.left()..area.right() {
            let cell = &buf[(x, y)];
            let m = cell.modifier;
            use ratatui::style::Modifier;
            let tag = if m.contains(Modifier::BOLD | Modifier::UNDERLINED) {
                '!'
            } else if m.contains(Modifier::REVERSED) {
                '#'
            } else if m.contains(Modifier::DIM) {
                '~'
            } else {
                ' '
            };
            line.push(tag);
        }
        marked.push_str(line.trim_end());
        marked.push('\n');
    }
    insta::assert_snapshot!("hand_detail_styles", marked);
}

/// The frame drawn while a big pair is being compared.
#[test]
fn progress_frame() {
    use factdiff::tui::draw::progress::Progress;
    let progress = Progress {
        names: ["bible/a.txt", "bible/b.txt"],
        bytes: [4_100_000, 3_990_000],
        elapsed: std::time::Duration::from_millis(3_250),
        share: 0.4,
    };
    let mut terminal = Terminal::new(TestBackend::new(70, 9)).expect("terminal");
    terminal
        .draw(|f| f.render_widget(&progress, f.area()))
        .expect("draw");
    let screen = terminal.backend().to_string();
    assert!(screen.contains("4.1 MB and 4.0 MB · 3.2 s"), "{screen}");
    assert!(screen.contains("q: quit"));
    assert!(screen.contains("comparing… 40 %"), "{screen}");
    insta::assert_snapshot!("progress_70x9", screen);
}
