//! The comparison is the same whatever the number of threads: every
//! article pair joined into one long pair (so the per-unit stages run in
//! many chunks and waves), compared on one thread and on several.

use factdiff::engine::{Document, compare};
use std::path::Path;

fn joined(name: &str) -> Document {
    let mut dirs: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pairs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join(name).is_file())
        .collect();
    dirs.sort();
    let text: Vec<String> = dirs
        .iter()
        .map(|d| std::fs::read_to_string(d.join(name)).unwrap())
        .collect();
    Document::from_string(text.join("\n\n"))
}

#[test]
fn same_comparison_on_one_thread_and_on_several() {
    let (a, b) = (joined("original.txt"), joined("rewrite.txt"));
    let on = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| compare(&a, &b))
    };
    let one = on(1);
    assert!(
        one.units.len() > 500,
        "enough units for many chunks: {}",
        one.units.len()
    );
    assert!(!one.discrepancies.is_empty());
    for threads in [2, 5] {
        assert!(on(threads) == one, "{threads} threads differ from one");
    }
}
