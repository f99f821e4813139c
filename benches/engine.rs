//! Criterion benchmarks of the engine: segmentation and sentence alignment
//! alone, on the Bible pairs in the shared data folder when it is there
//! (read at run time, never copied into the repository), else on a
//! generated text of similar size.

use criterion::{Criterion, criterion_group, criterion_main};
use factdiff::engine::Document;
use factdiff::engine::align::align;
use factdiff::engine::segment::segment;
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

criterion_group!(benches, bench_align);
criterion_main!(benches);
