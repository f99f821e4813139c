//! Building W3C-style anchors from spans, and re-finding them in a text that
//! may have changed since the annotation was made.

use super::model::{Anchor, PositionSelector, QuoteSelector};
use crate::engine::{Document, Span};

/// How much context (in characters) a quote selector keeps either side:
/// enough to tell repeated numbers apart, short enough to survive nearby edits.
pub const CONTEXT_CHARS: usize = 32;

/// The anchor for `span` of `doc`; `None` if the span is not a valid range of
/// the text (out of bounds or splitting a character).
#[must_use]
pub fn anchor_for(doc: &Document, span: Span) -> Option<Anchor> {
    let text = doc.text();
    let exact = text.get(span.range())?;
    Some(Anchor {
        position: PositionSelector {
            start: span.start,
            end: span.end,
        },
        quote: QuoteSelector {
            exact: exact.to_owned(),
            prefix: last_chars(&text[..span.start], CONTEXT_CHARS).to_owned(),
            suffix: first_chars(&text[span.end..], CONTEXT_CHARS).to_owned(),
        },
    })
}

/// The position as a span.
#[must_use]
pub const fn position_span(anchor: &Anchor) -> Span {
    Span::new(anchor.position.start, anchor.position.end)
}

/// Whether the anchor still sits where it was: the text at its position is
/// exactly its quote, with its stored prefix and suffix around it. Checking
/// the context too keeps a short quote ("40") that now happens to occur at
/// the old offset of an edited text from being taken for the original.
#[must_use]
pub fn holds(doc: &Document, anchor: &Anchor) -> bool {
    let span = position_span(anchor);
    let text = doc.text();
    let quote = &anchor.quote;
    text.get(span.range()) == Some(quote.exact.as_str())
        && text[..span.start].ends_with(&quote.prefix)
        && text[span.end..].starts_with(&quote.suffix)
}

/// Where the anchored text is now: its position if that still holds, else
/// the occurrence of the quote whose surroundings best match the stored
/// prefix and suffix, nearest the old position on a tie. `None` when the
/// quote is gone or only occurs where its context does not match at all.
#[must_use]
pub fn refind(doc: &Document, anchor: &Anchor) -> Option<Span> {
    if holds(doc, anchor) {
        return Some(position_span(anchor));
    }
    let quote = &anchor.quote;
    let total = quote.prefix.chars().count() + quote.suffix.chars().count();
    let old = anchor.position.start;
    // Edits mostly shift text a little: a candidate near the old place with
    // all its context agreeing is what the full search below would pick
    // (no score beats full agreement, and it is nearer than anything outside
    // the window), found without scanning a whole book.
    if let Some(span) = nearby_full_match(doc.text(), quote, old, total) {
        return Some(span);
    }
    let candidates = candidates(doc.text(), quote);
    let unique = candidates.len() == 1;
    candidates
        .into_iter()
        .map(|span| (context_match(doc.text(), span, quote), span))
        // Some context must agree (a quarter of it, since nearby edits are
        // what moved the quote), unless the quote occurs just once and is
        // long enough not to be a coincidence.
        .filter(|&(score, _)| 4 * score >= total || (unique && quote.exact.chars().count() >= 8))
        .max_by_key(|&(score, span)| (score, std::cmp::Reverse(span.start.abs_diff(old))))
        .map(|(_, span)| span)
}

/// Bytes either side of the old position searched first.
const NEAR: usize = 8192;

fn nearby_full_match(text: &str, quote: &QuoteSelector, old: usize, total: usize) -> Option<Span> {
    let mut lo = old.saturating_sub(NEAR).min(text.len());
    while !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = old.saturating_add(NEAR).min(text.len());
    while !text.is_char_boundary(hi) {
        hi += 1;
    }
    candidates(&text[lo..hi], quote)
        .into_iter()
        .map(|s| Span::new(s.start + lo, s.end + lo))
        .filter(|&span| context_match(text, span, quote) == total)
        .min_by_key(|span| span.start.abs_diff(old))
}

/// Every span where the quote could be now. An empty quote (an insertion
/// point) is found between its prefix and suffix.
fn candidates(text: &str, quote: &QuoteSelector) -> Vec<Span> {
    if !quote.exact.is_empty() {
        return occurrences(text, &quote.exact)
            .map(|at| Span::new(at, at + quote.exact.len()))
            .collect();
    }
    if quote.prefix.is_empty() && quote.suffix.is_empty() {
        return Vec::new();
    }
    let joined = format!("{}{}", quote.prefix, quote.suffix);
    occurrences(text, &joined)
        .map(|at| Span::new(at + quote.prefix.len(), at + quote.prefix.len()))
        .collect()
}

/// Start offsets of `needle` in `text`, overlapping ones included.
fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = from + text.get(from..)?.find(needle)?;
        // Step one character, not one match, so "aa" in "aaa" is found twice.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
        Some(at)
    })
}

/// How many characters of stored context agree with the text around `span`.
fn context_match(text: &str, span: Span, quote: &QuoteSelector) -> usize {
    let before = text[..span.start].chars().rev();
    let after = text[span.end..].chars();
    common(before, quote.prefix.chars().rev()) + common(after, quote.suffix.chars())
}

fn common(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b).take_while(|(x, y)| x == y).count()
}

fn last_chars(text: &str, n: usize) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 { "" } else { &text[start..] }
}

fn first_chars(text: &str, n: usize) -> &str {
    let end = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Whether two spans share text; an empty span (an insertion point) meets a
/// span it touches.
#[must_use]
pub const fn meets(a: Span, b: Span) -> bool {
    if a.is_empty() || b.is_empty() {
        a.start <= b.end && b.start <= a.end
    } else {
        a.overlaps(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(doc: &Document, needle: &str, nth: usize) -> Span {
        let at = occurrences(doc.text(), needle).nth(nth).unwrap();
        Span::new(at, at + needle.len())
    }

    #[test]
    fn anchor_keeps_bounded_context() {
        let doc = Document::from("é".repeat(50).as_str());
        // Byte 80 is the 41st character.
        let a = anchor_for(&doc, Span::new(80, 82)).unwrap();
        assert_eq!(a.quote.exact, "é");
        assert_eq!(a.quote.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.quote.suffix.chars().count(), 9);
    }

    #[test]
    fn anchor_rejects_split_characters() {
        let doc = Document::from("é");
        assert!(anchor_for(&doc, Span::new(0, 1)).is_none());
        assert!(anchor_for(&doc, Span::new(0, 9)).is_none());
    }

    #[test]
    fn unchanged_text_holds() {
        let doc = Document::from("Police said 40 people were hurt.");
        let a = anchor_for(&doc, span_of(&doc, "40", 0)).unwrap();
        assert!(holds(&doc, &a));
        assert_eq!(refind(&doc, &a), Some(position_span(&a)));
    }

    #[test]
    fn same_quote_at_old_offset_in_new_context_does_not_hold() {
        let old = Document::from("Police said 40 people were hurt.");
        let a = anchor_for(&old, span_of(&old, "40", 0)).unwrap();
        let new = Document::from("Fire crews: 40 cars. Police said 40 people were hurt.");
        assert_eq!(&new.text()[12..14], "40", "the quote is at the old offset");
        assert!(!holds(&new, &a));
        assert_eq!(refind(&new, &a), Some(span_of(&new, "40", 1)));
    }

    #[test]
    fn moved_quote_is_refound_by_context() {
        let old = Document::from("In 2019, 40 cars. Police said 40 people were hurt.");
        let a = anchor_for(&old, span_of(&old, "40", 1)).unwrap();
        let new = Document::from("Intro added here. In 2019, 40 cars. Police said 40 people were hurt.");
        assert_eq!(refind(&new, &a), Some(span_of(&new, "40", 1)));
    }

    #[test]
    fn quote_in_unrelated_context_is_not_taken() {
        let old = Document::from("Police said 40 people were hurt in the blast yesterday.");
        let a = anchor_for(&old, span_of(&old, "40", 0)).unwrap();
        let new = Document::from("Completely different text mentions 40 once.");
        assert_eq!(refind(&new, &a), None);
    }

    #[test]
    fn empty_quote_is_found_between_prefix_and_suffix() {
        let old = Document::from("He said yes. She left.");
        let a = anchor_for(&old, Span::new(12, 12)).unwrap();
        let new = Document::from("Hello. He said yes. She left.");
        assert_eq!(refind(&new, &a), Some(Span::new(19, 19)));
    }

    proptest::proptest! {
        /// Text put before the anchored passage (from characters the text
        /// never uses, so no new occurrence appears) only shifts the anchor.
        #[test]
        fn prepended_text_shifts_the_anchor(
            text in "[a-zé ]{1,80}",
            lead in "[0-9]{1,40}",
            a in 0usize..80,
            b in 0usize..80,
        ) {
            let doc = Document::from(text.as_str());
            let (lo, hi) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            proptest::prop_assume!(text.is_char_boundary(lo) && text.is_char_boundary(hi) && lo < hi);
            let anchor = anchor_for(&doc, Span::new(lo, hi)).unwrap();
            let moved = Document::from(format!("{lead}{text}").as_str());
            let found = refind(&moved, &anchor);
            proptest::prop_assert_eq!(found, Some(Span::new(lo + lead.len(), hi + lead.len())));
        }

        /// Whatever the texts, a re-found span is valid and holds the quote.
        #[test]
        fn refound_spans_hold_the_quote(old in "[ab é]{0,40}", new in "[ab é]{0,40}", a in 0usize..40, b in 0usize..40) {
            let doc = Document::from(old.as_str());
            let (lo, hi) = (a.min(b).min(old.len()), a.max(b).min(old.len()));
            if let Some(anchor) = anchor_for(&doc, Span::new(lo, hi))
                && let Some(span) = refind(&Document::from(new.as_str()), &anchor)
            {
                proptest::prop_assert_eq!(new.get(span.range()), Some(anchor.quote.exact.as_str()));
            }
        }
    }

    #[test]
    fn empty_spans_meet_what_they_touch() {
        assert!(meets(Span::new(3, 3), Span::new(0, 3)));
        assert!(!meets(Span::new(0, 3), Span::new(3, 6)));
        assert!(meets(Span::new(0, 4), Span::new(3, 6)));
    }
}
