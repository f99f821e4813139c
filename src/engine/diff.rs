//! Word diff inside one aligned unit, for display: which words of each side
//! have no counterpart on the other. It decides nothing about facts.

use super::lexicon::{WordHasher, fold_into};
use super::segment::tokens;
use super::text::{Document, Span};
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One changed region: deleted words (original side), inserted words
/// (rewrite side), or both for a replacement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WordHunk {
    pub original: Option<Span>,
    pub rewrite: Option<Span>,
}

/// Diffs the words of `a_span` in `a` against those of `b_span` in `b`,
/// comparing case- and apostrophe-folded tokens.
#[must_use]
pub fn word_diff(a: &Document, a_span: Span, b: &Document, b_span: Span) -> Vec<WordHunk> {
    let ta: Vec<_> = tokens(a.slice(a_span), a_span.start).collect();
    let tb: Vec<_> = tokens(b.slice(b_span), b_span.start).collect();
    // Each folded spelling as a small number: the diff hashes and compares
    // numbers, not strings (the same diff: it only asks which are equal).
    let mut ids: HashMap<String, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
    let mut folded = String::new();
    let mut id = |text: &str| {
        fold_into(text, &mut folded);
        if let Some(&id) = ids.get(folded.as_str()) {
            return id;
        }
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        ids.insert(folded.clone(), next);
        next
    };
    let ka: Vec<u32> = ta.iter().map(|t| id(t.text)).collect();
    let kb: Vec<u32> = tb.iter().map(|t| id(t.text)).collect();
    let cover = |toks: &[super::segment::Token<'_>], r: std::ops::Range<usize>| {
        (!r.is_empty()).then(|| Span::new(toks[r.start].span.start, toks[r.end - 1].span.end))
    };
    let ops = capture_diff_slices(Algorithm::Patience, &ka, &kb);
    // Collected into a buffer of its own: collecting in place would keep
    // the ops' larger buffer (equal runs included) for as long as the unit.
    let mut hunks = Vec::with_capacity(ops.iter().filter(|op| op.tag() != DiffTag::Equal).count());
    hunks.extend(
        ops.iter()
            .filter(|op| op.tag() != DiffTag::Equal)
            .map(|op| WordHunk {
                original: cover(&ta, op.old_range()),
                rewrite: cover(&tb, op.new_range()),
            }),
    );
    hunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_replaced_word() {
        let a = Document::from("The cat sat.");
        let b = Document::from("The dog sat.");
        let hunks = word_diff(&a, Span::new(0, 12), &b, Span::new(0, 12));
        assert_eq!(
            hunks,
            [WordHunk {
                original: Some(Span::new(4, 7)),
                rewrite: Some(Span::new(4, 7))
            }]
        );
    }

    #[test]
    fn case_is_not_a_change() {
        let a = Document::from("the Cat");
        let b = Document::from("The cat");
        assert!(word_diff(&a, Span::new(0, 7), &b, Span::new(0, 7)).is_empty());
    }
}
