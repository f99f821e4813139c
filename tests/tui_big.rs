//! Book-sized input: the screen lays out only what is visible, so opening,
//! scrolling, jumping to the end and stepping between flags stay fast
//! however long the texts are. The comparison is built directly (one unit
//! per sentence) so the test measures the screen, not the aligner.

mod tui_support;

use factdiff::engine::align::UnitKind;
use factdiff::engine::comparison::Summary;
use factdiff::engine::segment::segment;
use factdiff::engine::{Comparison, Discrepancy, Document, Kind, Unit};
use factdiff::input::Input;
use factdiff::tui::app::App;
use factdiff::tui::pair::Pair;
use factdiff::tui::review::Review;
use factdiff::tui::theme::Theme;
use ratatui::layout::Rect;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use tui_support::{ch, feed, screen_of};

const SENTENCES: usize = 31_000;

fn book() -> String {
    let mut text = String::new();
    for i in 0..SENTENCES {
        text.push_str(&format!(
            "Verse {i} tells of the {} fields and the river that ran beside them. ",
            i % 97
        ));
        if i % 7 == 6 {
            text.push_str("\n\n");
        }
    }
    text
}

fn big_app() -> App {
    let text = book();
    let doc = Document::from(text.as_str());
    let seg = segment(&doc);
    let units: Vec<Unit> = (0..seg.sentences.len())
        .map(|i| Unit {
            original: Some(seg.sentences[i].span),
            rewrite: Some(seg.sentences[i].span),
            kind: UnitKind::Match,
            score: 1.0,
            original_sentences: Some(i..i + 1),
            rewrite_sentences: Some(i..i + 1),
            hunks: Vec::new(),
        })
        .collect();
    let discrepancies: Vec<Discrepancy> = (0..units.len())
        .step_by(1000)
        .map(|u| Discrepancy {
            id: format!("d{}", u / 1000 + 1),
            kind: Kind::Number,
            factual: true,
            confidence: 0.9,
            original: units[u].original,
            rewrite: units[u].rewrite,
            reason: "number changed".into(),
            unit: u,
        })
        .collect();
    let summary = Summary {
        identical: false,
        original_sentences: seg.sentences.len(),
        rewrite_sentences: seg.sentences.len(),
        original_found_share: 1.0,
        discrepancies: discrepancies.len(),
        factual: discrepancies.len(),
        check: 0,
        by_kind: BTreeMap::new(),
        factual_by_kind: BTreeMap::new(),
    };
    let cmp = Comparison {
        original: seg.clone(),
        rewrite: seg,
        units,
        discrepancies,
        suppressed: Vec::new(),
        summary,
    };
    let input = |name: &str| Input {
        name: name.into(),
        document: doc.clone(),
    };
    let pair = Pair::from_comparison(input("a.txt"), input("b.txt"), cmp);
    let review = Review::in_memory(&pair);
    App::new(pair, review, Theme::plain(), Rect::new(0, 0, 120, 40))
}

fn timed(what: &str, limit: Duration, f: impl FnOnce()) {
    let start = Instant::now();
    f();
    let took = start.elapsed();
    assert!(took < limit, "{what} took {took:?}");
}

#[test]
fn book_sized_pair_stays_responsive() {
    let mut app = big_app();
    assert!(app.pair.unit_count() >= SENTENCES);
    // The real check is how many units were wrapped; the time limits are
    // loose (debug build, shared cores) and only catch gross regressions.
    let limit = Duration::from_secs(3);
    timed("first screen", limit, || {
        screen_of(&mut app, 120, 40, vec![]);
    });
    timed("G", limit, || feed(&mut app, &[ch('G')]));
    assert_eq!(app.last_visible_unit(), app.pair.unit_count() - 1);
    timed("screen at the end", limit, || {
        let s = screen_of(&mut app, 120, 40, vec![]);
        assert!(s.contains("Verse 30999"));
    });
    timed("g, f, f, F", limit, || {
        feed(&mut app, &[ch('g'), ch('f'), ch('f'), ch('F')])
    });
    timed("resize", limit, || {
        feed(&mut app, &[ratatui::crossterm::event::Event::Resize(90, 30)])
    });
    timed("page down x50", limit, || {
        for _ in 0..50 {
            feed(&mut app, &[ch(' ')]);
        }
    });
    let built = app.rows.built();
    assert!(
        built < 3_000,
        "wrapped {built} units for a few screens of a 31k-unit book"
    );
}
