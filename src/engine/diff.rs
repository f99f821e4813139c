//! Word diff inside one aligned unit, for display: which words of each side
//! have no counterpart on the other. It decides nothing about facts.

use super::lexicon::{WordHasher, fold_into, is_folded};
use super::segment::tokens;
use super::text::{Document, Span};
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::borrow::Cow;
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
    // Room made once (about one token per four bytes of English), not
    // grown token by token.
    let mut ta = Vec::with_capacity(a_span.len() / 4 + 4);
    ta.extend(tokens(a.slice(a_span), a_span.start));
    let mut tb = Vec::with_capacity(b_span.len() / 4 + 4);
    tb.extend(tokens(b.slice(b_span), b_span.start));
    // Each folded spelling as a small number: the diff hashes and compares
    // numbers, not strings (the same diff: it only asks which are equal).
    // A word already in its folded form (lowercase ASCII without a
    // backtick: most words) is its own key, borrowed; others are folded.
    let mut ids: HashMap<Cow<'_, str>, u32, BuildHasherDefault<WordHasher>> =
        HashMap::with_capacity_and_hasher(ta.len() + tb.len(), BuildHasherDefault::default());
    let mut folded = String::new();
    let mut id = |text| {
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        if is_folded(text) {
            return *ids.entry(Cow::Borrowed(text)).or_insert(next);
        }
        fold_into(text, &mut folded);
        if let Some(&id) = ids.get(folded.as_str()) {
            return id;
        }
        ids.insert(Cow::Owned(folded.clone()), next);
        next
    };
    let ka: Vec<u32> = ta.iter().map(|t| id(t.text)).collect();
    let kb: Vec<u32> = tb.iter().map(|t| id(t.text)).collect();
    hunks(|i| ta[i].span, &ka, |j| tb[j].span, &kb)
}

/// A token made and folded already, as [`word_diff_folded`] reads it.
pub trait FoldedToken {
    fn span(&self) -> Span;
    /// The text folded as [`fold_into`] folds it.
    fn folded(&self) -> &str;
}

/// [`word_diff`] of two sides whose tokens are made and folded already
/// (the detectors' tokens: the same tokens of the same spans, folded the
/// same way): each fold numbered in the order the original then the
/// rewrite first meet it, as `word_diff` numbers them, so the diff and
/// its hunks are the same.
#[must_use]
pub fn word_diff_folded<'t, T: FoldedToken>(a: &'t [T], b: &'t [T]) -> Vec<WordHunk> {
    let mut ids: HashMap<&'t str, u32, BuildHasherDefault<WordHasher>> =
        HashMap::with_capacity_and_hasher(a.len() + b.len(), BuildHasherDefault::default());
    let mut id = |t: &'t T| {
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        *ids.entry(t.folded()).or_insert(next)
    };
    let ka: Vec<u32> = a.iter().map(&mut id).collect();
    let kb: Vec<u32> = b.iter().map(&mut id).collect();
    hunks(|i| a[i].span(), &ka, |j| b[j].span(), &kb)
}

/// The changed regions of the Patience diff of two id sequences, as spans
/// of their tokens (`sa(i)`, `sb(j)`).
fn hunks(sa: impl Fn(usize) -> Span, ka: &[u32], sb: impl Fn(usize) -> Span, kb: &[u32]) -> Vec<WordHunk> {
    let cover = |span: &dyn Fn(usize) -> Span, r: std::ops::Range<usize>| {
        (!r.is_empty()).then(|| Span::new(span(r.start).start, span(r.end - 1).end))
    };
    let ops = capture_diff_slices(Algorithm::Patience, ka, kb);
    // Collected into a buffer of its own: collecting in place would keep
    // the ops' larger buffer (equal runs included) for as long as the unit.
    let mut hunks = Vec::with_capacity(ops.iter().filter(|op| op.tag() != DiffTag::Equal).count());
    hunks.extend(
        ops.iter()
            .filter(|op| op.tag() != DiffTag::Equal)
            .map(|op| WordHunk {
                original: cover(&sa, op.old_range()),
                rewrite: cover(&sb, op.new_range()),
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
    fn folded_words_are_their_own_fold() {
        // Never a word whose fold differs (a word may be folded and not
        // pass: non-ASCII ones are folded the long way).
        for w in ["the", "it's", "11,500", "a-b", "The", "don`t", "é", "NASA", ""] {
            let mut f = String::new();
            fold_into(w, &mut f);
            assert!(!is_folded(w) || f == w, "{w}");
        }
        assert!(is_folded("it's") && !is_folded("The") && !is_folded("don`t"));
    }

    #[test]
    fn case_is_not_a_change() {
        let a = Document::from("the Cat");
        let b = Document::from("The cat");
        assert!(word_diff(&a, Span::new(0, 7), &b, Span::new(0, 7)).is_empty());
    }
}
