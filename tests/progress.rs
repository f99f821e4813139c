//! The comparison reports how far it has got: shares that never go back
//! and end at 1, so the review screen's "comparing… N %" is honest.

use factdiff::engine::Document;
use factdiff::engine::comparison::{compare, compare_reporting};
use std::cell::RefCell;

#[test]
fn progress_rises_to_one_and_changes_nothing() {
    let sentence = |i: usize| format!("Sentence number {i} tells of the harbour and the ferry. ");
    let a: String = (0..600).map(sentence).collect();
    let b: String = (0..600).map(|i| sentence(i).replace("ferry", "boat")).collect();
    let (a, b) = (Document::from(a.as_str()), Document::from(b.as_str()));
    let seen = RefCell::new(Vec::new());
    let reported = compare_reporting(&a, &b, &|share| seen.borrow_mut().push(share));
    let seen = seen.into_inner();
    assert!(seen.len() > 4, "too few reports: {seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "went back: {seen:?}");
    assert!((seen.last().copied().unwrap_or(0.0) - 1.0).abs() < f32::EPSILON);
    assert!(
        seen.iter().any(|&s| s > 0.4 && s < 0.99),
        "no share mid-way: {seen:?}"
    );
    assert_eq!(reported, compare(&a, &b));
}
