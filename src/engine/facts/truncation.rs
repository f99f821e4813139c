//! A description cut off mid-phrase: a sentence that ends, or a clause that
//! breaks off, right after an article or possessive ("who ran as a,").

use super::clip;
use super::context::{Side, UnitCx};
use crate::engine::discrepancy::{Finding, Kind};

/// Words that cannot end a phrase.
const DANGLING: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "every", "each",
];

/// Words of context shown before the dangling word.
const LEAD_WORDS: usize = 3;

fn dangling_at(side: &Side<'_>, i: usize) -> bool {
    let t = &side.toks[i];
    if t.in_quote || !DANGLING.contains(&t.fold.as_str()) {
        return false;
    }
    match side.toks.get(i + 1) {
        None => true,
        Some(n) => matches!(n.text, "," | "." | ";" | ":" | ")" | "!" | "?" | "—" | "–"),
    }
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let b = &cx.b;
    (0..b.toks.len())
        .filter(|&i| dangling_at(b, i))
        .filter(|&i| !cx.map.b_to_a[i].is_some_and(|k| dangling_at(&cx.a, k)))
        .map(|i| {
            let start = (0..i)
                .rev()
                .filter(|&k| b.toks[k].is_word())
                .take(LEAD_WORDS)
                .last()
                .unwrap_or(i);
            let end = (i + 2).min(b.toks.len());
            let b_span = b.cover(start, end);
            let a_span = cx.a_for_b(start, end);
            let reason = format!("phrase cut off: ‘{}’", clip(b.text(b_span)));
            Finding::new(Kind::Truncation, 0.8, a_span, Some(b_span), reason)
        })
        .collect()
}
