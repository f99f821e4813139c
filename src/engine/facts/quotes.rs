//! Direct quotes: any change to the words inside quotation marks is factual,
//! reported once per quote over the changed stretch.

use super::Detector;
use super::clip;
use super::context::{Side, UnitCx};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::segment::Segmented;
use crate::engine::text::{Document, Span};
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "quotes",
    kinds: &[Kind::Quote],
    catches: "any change to the words inside quotation marks",
    guards: &[],
    run: detect,
};

/// Inner spans of the quotations of a document. Curly, guillemet and
/// straight double quotes pair up; a single curly quote opens only after a
/// space or bracket (so the apostrophe in "Iraq’s" never opens or closes
/// one). A quote left open ends with its paragraph.
#[must_use]
pub fn find_quotes(doc: &Document, seg: &Segmented) -> Vec<Span> {
    let mut out = Vec::new();
    for para in &seg.paragraphs {
        quotes_in(doc.text(), para.span, &mut out);
    }
    out
}

fn closer_for(open: char) -> Option<char> {
    match open {
        '“' => Some('”'),
        '„' => Some('“'),
        '«' => Some('»'),
        '‘' => Some('’'),
        '"' => Some('"'),
        _ => None,
    }
}

fn quotes_in(text: &str, para: Span, out: &mut Vec<Span>) {
    let body = &text[para.range()];
    // Every opening mark is `"` or starts with byte C2 («) or E2 (“ „ ‘):
    // a paragraph with none of these bytes opens no quotation.
    if memchr::memchr3(b'"', 0xc2, 0xe2, body.as_bytes()).is_none() {
        return;
    }
    let mut open: Option<(char, usize)> = None;
    let mut prev = ' ';
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map_or(' ', |&(_, n)| n);
        match open {
            Some((o, start)) if Some(c) == closer_for(o) && closes(o, prev, next) => {
                push_trimmed(text, para.start + start, para.start + i, out);
                open = None;
            }
            None if closer_for(c).is_some() && opens(c, prev, next) => open = Some((c, i + c.len_utf8())),
            _ => {}
        }
        prev = c;
    }
    if let Some((_, start)) = open {
        push_trimmed(text, para.start + start, para.end, out);
    }
}

fn opens(c: char, prev: char, next: char) -> bool {
    let after_gap = prev.is_whitespace() || "([{—–-/:".contains(prev);
    match c {
        '‘' | '"' => after_gap && !next.is_whitespace(),
        _ => !next.is_whitespace() || after_gap,
    }
}

fn closes(open: char, prev: char, next: char) -> bool {
    match open {
        '‘' | '"' => !prev.is_whitespace() && !next.is_alphanumeric(),
        _ => true,
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let inner = &text[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let t = inner.trim();
    if t.chars().any(char::is_alphanumeric) {
        out.push(Span::new(start + lead, start + lead + t.len()));
    }
}

/// A quote of one side as token indices into the unit side.
struct UnitQuote {
    span: Span,
    words: Vec<usize>,
}

/// The pieces of quotations that fall inside a unit side: a quote spanning
/// several units is compared piece by piece, each in its own unit.
fn unit_quotes(side: &Side<'_>) -> Vec<UnitQuote> {
    // Quotes are in order and apart (starts and ends ascending): the ones
    // that can overlap the side lie from the first ending after its start
    // to the last starting before its end.
    let quotes = &side.index.quotes;
    let from = quotes.partition_point(|q| q.end <= side.span.start);
    quotes[from..]
        .iter()
        .take_while(|q| q.start < side.span.end)
        .filter(|q| side.span.overlaps(**q))
        .map(|q| UnitQuote {
            span: Span::new(q.start.max(side.span.start), q.end.min(side.span.end)),
            words: (0..side.toks.len())
                .filter(|&i| {
                    side.toks[i].is_word()
                        && q.start <= side.toks[i].span.start
                        && side.toks[i].span.end <= q.end
                })
                .collect(),
        })
        .filter(|q| !q.words.is_empty())
        .collect()
}

/// Share of words two quotes have in common (Dice over folded words).
fn overlap(a: &Side<'_>, qa: &UnitQuote, b: &Side<'_>, qb: &UnitQuote) -> f32 {
    let wa: Vec<&str> = qa.words.iter().map(|&i| a.toks[i].fold.as_ref()).collect();
    let wb: Vec<&str> = qb.words.iter().map(|&i| b.toks[i].fold.as_ref()).collect();
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    2.0 * shared as f32 / (wa.len() + wb.len()) as f32
}

/// Quotes whose words changed, paired with their counterparts.
pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let qa = unit_quotes(&cx.a);
    let qb = unit_quotes(&cx.b);
    // "a set piece and after that we lost our heads," she said / "a set
    // piece," she said. "And after that we lost our heads": one quotation
    // broken at another place says the same words in the same order.
    // Broken and changed too, they are compared as one.
    if qa.len() != qb.len() && !qa.is_empty() && !qb.is_empty() {
        let (ma, mb) = (merged(&qa), merged(&qb));
        if overlap(&cx.a, &ma, &cx.b, &mb) >= MERGED_OVERLAP {
            return compare_quotes(cx, &ma, &mb).into_iter().collect();
        }
    }
    let mut out = Vec::new();
    let mut used = vec![false; qb.len()];
    for q in &qa {
        let best = (0..qb.len())
            .filter(|&j| !used[j])
            .map(|j| (j, overlap(&cx.a, q, &cx.b, &qb[j])))
            .max_by(|x, y| x.1.total_cmp(&y.1));
        // A lone quote on each side is the same quote even when reworded
        // beyond recognition (called the delay "indefensible" / called the
        // delay "inexcusable"); among several, pair only clear matches.
        let floor = if qa.len() == 1 && qb.len() == 1 { 0.0 } else { 0.25 };
        let Some((j, _)) = best.filter(|&(_, s)| s >= floor) else {
            out.extend(unquoted(cx, q));
            continue;
        };
        used[j] = true;
        if let Some(f) = compare_quotes(cx, q, &qb[j]) {
            out.push(f);
        }
    }
    out.extend(
        qb.iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .filter_map(|(q, _)| new_quote(cx, q)),
    );
    out
}

/// Share of words the quotations of two sides, each read as one, must
/// have in common to be one quotation broken at another place.
const MERGED_OVERLAP: f32 = 0.8;

/// The quotations of a unit side read as one.
fn merged(qs: &[UnitQuote]) -> UnitQuote {
    UnitQuote {
        span: qs[0].span.join(qs[qs.len() - 1].span),
        words: qs.iter().flat_map(|q| q.words.iter().copied()).collect(),
    }
}

fn compare_quotes(cx: &UnitCx<'_>, qa: &UnitQuote, qb: &UnitQuote) -> Option<Finding> {
    let wa: Vec<&str> = qa.words.iter().map(|&i| cx.a.toks[i].fold.as_ref()).collect();
    let wb: Vec<&str> = qb.words.iter().map(|&i| cx.b.toks[i].fold.as_ref()).collect();
    let ops = capture_diff_slices(Algorithm::Patience, &wa, &wb);
    let changed: Vec<_> = ops.iter().filter(|op| op.tag() != DiffTag::Equal).collect();
    let (first, last) = (changed.first()?, changed.last()?);
    let a_range = region(first.old_range().start, last.old_range().end, qa.words.len());
    let b_range = region(first.new_range().start, last.new_range().end, qb.words.len());
    let a_span = cx.a.cover(qa.words[a_range.0], qa.words[a_range.1 - 1] + 1);
    let b_span = cx.b.cover(qb.words[b_range.0], qb.words[b_range.1 - 1] + 1);
    // One flag per quote, over the stretch from the first to the last changed
    // word: a single word swapped in a long quote is as factual as a rewrite.
    let reason = format!(
        "quote changed: “{}” → “{}”",
        clip(cx.a.text(a_span)),
        clip(cx.b.text(b_span))
    );
    Some(Finding::new(Kind::Quote, 0.9, Some(a_span), Some(b_span), reason))
}

/// Widens an empty change (a pure insertion on the other side) to the word
/// next to it, so each side shows where the change sits.
fn region(start: usize, end: usize, len: usize) -> (usize, usize) {
    if start < end {
        return (start, end);
    }
    let s = start.min(len - 1);
    (s, s + 1)
}

/// A quotation in the rewrite with no counterpart quote in the original unit:
/// factual when its words are not quoted anywhere in the original.
fn new_quote(cx: &UnitCx<'_>, q: &UnitQuote) -> Option<Finding> {
    let text = cx.b.text(q.span);
    let words: Vec<&str> = q.words.iter().map(|&i| cx.b.toks[i].fold.as_ref()).collect();
    // An original that never uses quotation marks (a style, not a fact)
    // gives no reason to read the rewrite's quotation marks as a claim.
    if words.len() < 2 || cx.a.index.quotes.is_empty() || quoted_in_original(cx, &words) {
        return None;
    }
    let known = words.iter().filter(|w| cx.a.has_word(w)).count() as f32 / words.len() as f32;
    let conf = if known > 0.8 { 0.55 } else { 0.7 };
    Some(Finding::new(
        Kind::Quote,
        conf,
        cx.a_for_b(q.words[0], q.words[q.words.len() - 1] + 1),
        Some(q.span),
        format!(
            "words put in quotation marks that the original does not quote: “{}”",
            clip(text)
        ),
    ))
}

fn quoted_in_original(cx: &UnitCx<'_>, words: &[&str]) -> bool {
    let joined = words.join(" ");
    cx.a.index.quote_words.iter().any(|q| q.contains(&joined))
}

/// The folded words of a quotation joined by single spaces, for searching
/// one quotation inside another.
#[must_use]
pub fn quote_words(doc: &Document, quote: Span) -> String {
    // Folded into one buffer and appended, not a string per word joined.
    let mut out = String::with_capacity(quote.len());
    let mut f = String::new();
    let words = crate::engine::segment::tokens(doc.slice(quote), 0)
        .filter(|t| t.kind != crate::engine::segment::TokenKind::Punct);
    for (k, t) in words.enumerate() {
        if k > 0 {
            out.push(' ');
        }
        crate::engine::lexicon::fold_into(t.text, &mut f);
        out.push_str(&f);
    }
    out.shrink_to_fit();
    out
}

/// An original quote with no quotation in the rewrite: if most of its words
/// are still there, in order, the rewrite kept the quote without its marks;
/// changed words in it are still words put in someone's mouth.
fn unquoted(cx: &UnitCx<'_>, q: &UnitQuote) -> Option<Finding> {
    let kept: Vec<usize> = q.words.iter().filter_map(|&i| cx.map.a_to_b[i]).collect();
    if kept.len() * 2 < q.words.len() || q.words.len() < 3 {
        return None;
    }
    let lost: Vec<usize> = q
        .words
        .iter()
        .copied()
        .filter(|&i| cx.map.a_to_b[i].is_none())
        .collect();
    let (&first, &last) = (lost.first()?, lost.last()?);
    let a_span = cx.a.cover(first, last + 1);
    let b_span = cx.b_for_a(first, last + 1);
    let shown = b_span.map_or_else(|| "—".to_owned(), |s| clip(cx.b.text(s)));
    let reason = format!(
        "quoted words changed (and the quotation marks dropped): “{}” → {shown}",
        clip(cx.a.text(a_span))
    );
    Some(Finding::new(Kind::Quote, 0.7, Some(a_span), b_span, reason))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::segment;

    fn quotes(text: &str) -> Vec<&str> {
        let doc = Document::from(text);
        let seg = segment(&doc);
        find_quotes(&doc, &seg)
            .into_iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(
            quotes("He said “we won” and \"they lost\" and «fine»."),
            ["we won", "they lost", "fine"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("The mayor’s aide said ‘no comment’ at the city’s hall."),
            ["no comment"]
        );
    }

    #[test]
    fn open_quote_runs_to_paragraph_end() {
        assert_eq!(quotes("“We will stay.\n\nNext para."), ["We will stay."]);
    }
}
