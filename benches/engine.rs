//! Criterion benchmarks of the engine: segmentation and sentence alignment
//! alone, and the whole pipeline (compare with detectors, then the JSON
//! report written to nowhere), on the Bible pairs in the shared data folder when it is there
//! (read at run time, never copied into the repository), else on a
//! generated text of similar size.

use criterion::{Criterion, criterion_group, criterion_main};
use factdiff::engine::align::align;
use factdiff::engine::segment::segment;
use factdiff::engine::{Document, compare};
use factdiff::report::Report;
use factdiff::report::view::View;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

/// The shared data folder beside the crate, if present.
fn bible(pair: &str) -> Option<(Document, Document)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/bible")
        .join(pair);
    let a = std::fs::read_to_string(dir.join("a.txt")).ok()?;
    let b = std::fs::read_to_string(dir.join("b.txt")).ok()?;
    Some((Document::from_string(a), Document::from_string(b)))
}

/// A pseudo-random text of `sentences` sentences and a reworded copy:
/// some words swapped for synonyms, some sentences dropped or split.
fn generated(sentences: usize) -> (Document, Document) {
    const WORDS: &[&str] = &[
        "king", "river", "city", "gold", "army", "temple", "people", "field", "house", "servant", "mountain",
        "bread", "water", "fire", "gate", "road", "sheep", "wine", "law", "night", "morning", "land",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        usize::try_from(seed % n as u64).unwrap_or(0)
    };
    let (mut a, mut b) = (String::new(), String::new());
    for k in 0..sentences {
        let words: Vec<&str> = (0..6 + next(14)).map(|_| WORDS[next(WORDS.len())]).collect();
        a.push_str(&format!("And the {} went {k}; ", words.join(" ")));
        match next(20) {
            0 => {}
            1 => b.push_str(&format!("The {}. Then it went {k}. ", words.join(" "))),
            _ => b.push_str(&format!("The {} went {k}. ", words[1..].join(" "))),
        }
    }
    (Document::from_string(a), Document::from_string(b))
}

fn bench_align(c: &mut Criterion) {
    let pairs = [
        ("mark", bible("kjv-web-mark").unwrap_or_else(|| generated(1_500))),
        ("full", bible("kjv-web-full").unwrap_or_else(|| generated(60_000))),
    ];
    let mut group = c.benchmark_group("align");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, (a, b)) in &pairs {
        let (sa, sb) = (segment(a), segment(b));
        group.bench_function(format!("segment/{name}"), |bench| {
            bench.iter(|| (segment(black_box(a)), segment(black_box(b))));
        });
        group.bench_function(format!("align/{name}"), |bench| {
            bench.iter(|| align(black_box(a), &sa, black_box(b), &sb));
        });
    }
    group.finish();
}

/// The whole pipeline on Mark (about a second a run); on the whole Bible
/// too when `FACTDIFF_BENCH_FULL` is set (several seconds a run).
fn bench_pipeline(c: &mut Criterion) {
    let mut pairs = vec![("mark", bible("kjv-web-mark").unwrap_or_else(|| generated(1_500)))];
    if std::env::var_os("FACTDIFF_BENCH_FULL").is_some() {
        pairs.push(("full", bible("kjv-web-full").unwrap_or_else(|| generated(60_000))));
    }
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (name, (a, b)) in &pairs {
        group.bench_function(format!("compare/{name}"), |bench| {
            bench.iter(|| compare(black_box(a), black_box(b)));
        });
        let comparison = compare(a, b);
        let report = Report {
            original_name: "a.txt",
            rewrite_name: "b.txt",
            original: a,
            rewrite: b,
            comparison: &comparison,
        };
        let view = View::from(&report);
        group.bench_function(format!("report-json/{name}"), |bench| {
            bench.iter(|| {
                view.write(factdiff::report::Format::Json, None, &mut std::io::sink())
                    .expect("a sink takes everything");
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench_align, bench_pipeline);
criterion_main!(benches);
