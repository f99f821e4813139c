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

/// Prepositions and conjunctions can end a clause legitimately ("what it
/// was used for."), so one counts as dangling only where the original
/// carries on after the same word.
const DANGLING_IF_CUT: &[&str] = &[
    "of", "to", "for", "with", "from", "by", "as", "and", "or", "than", "about",
];

fn cut_short(cx: &UnitCx<'_>, i: usize) -> bool {
    let t = &cx.b.toks[i];
    let ends_here =
        cx.b.toks
            .get(i + 1)
            .is_none_or(|n| matches!(n.text, "," | "." | ";" | ":" | ")" | "!" | "?"));
    !t.in_quote
        && ends_here
        && DANGLING_IF_CUT.contains(&t.fold.as_str())
        && cx.map.b_to_a[i].is_some_and(|k| cx.a.toks.get(k + 1).is_some_and(|n| n.is_word()))
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let b = &cx.b;
    (0..b.toks.len())
        .filter(|&i| dangling_at(b, i) || cut_short(cx, i))
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
