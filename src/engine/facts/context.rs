//! What detectors read: per-document indexes (quotes, vocabulary) and, for
//! one aligned unit, the tokens of each side with a word-level map between
//! them.

use crate::engine::diff::WordHunk;
use crate::engine::lexicon::{WordHasher, fold, fold_into, is_folded, stem};
use crate::engine::segment::{Segmented, TokenKind, tokens};
use crate::engine::text::{Document, Span};
use crate::engine::words::RELATIVE_ENDINGS;
use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Sets and maps of words that are looked up, never iterated for output
/// (the sorted list is sorted after), so a fast hasher changes nothing.
type WordHash = std::hash::BuildHasherDefault<WordHasher>;

/// Facts about a whole document that detectors consult across units.
#[derive(Debug)]
pub struct DocIndex {
    /// Inner spans (marks excluded) of quotations, in order.
    pub quotes: Vec<Span>,
    /// Folded words of each quotation, joined by spaces.
    pub quote_words: Vec<String>,
    /// Every folded word of the document.
    pub words: HashSet<String, WordHash>,
    /// Stems of every word.
    pub stems: HashSet<String, WordHash>,
    /// The same words, sorted, for prefix search.
    sorted: Vec<String>,
    /// Folded words that occur in lowercase somewhere (so a capitalised
    /// occurrence is an ordinary word at a sentence start, not a name).
    pub lowercase: HashSet<String, WordHash>,
    /// Folded words seen capitalised somewhere other than a sentence start.
    pub midcaps: HashSet<String, WordHash>,
    /// The stem of every folded word, computed once per spelling (looked
    /// up for every word of every unit, so hashed cheaply).
    stem_of: HashMap<String, String, WordHash>,
}

impl DocIndex {
    /// An index of nothing: no quotations, and stems computed as asked.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            quotes: Vec::new(),
            quote_words: Vec::new(),
            words: HashSet::default(),
            stems: HashSet::default(),
            sorted: Vec::new(),
            lowercase: HashSet::default(),
            midcaps: HashSet::default(),
            stem_of: HashMap::default(),
        }
    }

    #[must_use]
    pub fn new(doc: &Document, seg: &Segmented) -> Self {
        let mut words = HashSet::default();
        let mut stems = HashSet::default();
        let mut stem_of = HashMap::default();
        // Per spelling met: whether it was seen in lowercase and capitalised
        // mid-sentence (one look-up per word; the two sets made after).
        let mut seen: HashMap<String, (bool, bool), WordHash> = HashMap::default();
        let mut after_stop = true;
        let mut f = String::new();
        // Headings (often in title case) are no evidence that a word is
        // capitalised mid-sentence: their spans, in order.
        let mut headings = seg
            .sentences
            .iter()
            .filter(|s| s.header)
            .map(|s| s.span)
            .peekable();
        for t in tokens(&doc.text()[doc.body_start()..], doc.body_start()) {
            while headings.next_if(|h| h.end <= t.span.start).is_some() {}
            let in_heading = headings.peek().is_some_and(|h| h.start <= t.span.start);
            if t.kind == TokenKind::Punct {
                after_stop = matches!(t.text, "." | "!" | "?" | "“" | "\"" | "‘" | "«" | ":" | "—" | "–");
                continue;
            }
            // Folded into one buffer: a book has a million words and few
            // thousand spellings, so a copy is made only of a new one.
            fold_into(t.text, &mut f);
            let (lower, midcap) = match t.text.chars().next() {
                Some(c) if c.is_lowercase() => (true, false),
                Some(c) if c.is_uppercase() && !after_stop && !in_heading => (false, true),
                _ => (false, false),
            };
            // The word after a heading starts a sentence.
            after_stop = in_heading;
            if let Some(flags) = seen.get_mut(f.as_str()) {
                flags.0 |= lower;
                flags.1 |= midcap;
                continue;
            }
            seen.insert(f.clone(), (lower, midcap));
            if words.contains(f.as_str()) {
                continue;
            }
            let st = stem(&f);
            stems.insert(st.clone());
            stem_of.insert(f.clone(), st);
            if let Some(base) = f.strip_suffix("'s") {
                words.insert(base.to_owned());
            }
            if f.contains('.') {
                words.insert(f.replace('.', ""));
            }
            words.insert(f.clone());
        }
        let mut lowercase = HashSet::default();
        let mut midcaps = HashSet::default();
        for (w, (lower, midcap)) in seen {
            match (lower, midcap) {
                (true, true) => {
                    midcaps.insert(w.clone());
                    lowercase.insert(w);
                }
                (true, false) => {
                    lowercase.insert(w);
                }
                (false, true) => {
                    midcaps.insert(w);
                }
                (false, false) => {}
            }
        }
        let quotes = super::quotes::find_quotes(doc, seg);
        let mut sorted: Vec<String> = words.iter().cloned().collect();
        sorted.sort_unstable();
        Self {
            quote_words: quotes
                .iter()
                .map(|q| super::quotes::quote_words(doc, *q))
                .collect(),
            quotes,
            words,
            stems,
            sorted,
            lowercase,
            midcaps,
            stem_of,
        }
    }

    /// The stem of a folded word, from the index when the document has it.
    #[must_use]
    pub fn stem(&self, folded: &str) -> String {
        self.stem_of.get(folded).cloned().unwrap_or_else(|| stem(folded))
    }

    /// A folded word and its stem, both borrowed from the index when the
    /// document has the word (one look-up, nothing copied); else the word
    /// copied and stemmed.
    #[must_use]
    pub fn fold_and_stem<'s>(&'s self, folded: &str) -> (Cow<'s, str>, Cow<'s, str>) {
        match self.stem_of.get_key_value(folded) {
            Some((f, s)) => (Cow::Borrowed(f.as_str()), Cow::Borrowed(s.as_str())),
            None => (Cow::Owned(folded.to_owned()), Cow::Owned(stem(folded))),
        }
    }

    /// Whether `span` lies inside a quotation.
    #[must_use]
    pub fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.end < span.end);
        self.quotes
            .get(i)
            .is_some_and(|q| q.start <= span.start && span.end <= q.end)
    }

    /// Whether the document contains `word` (folded) or a word it is a
    /// short prefix or extension of ("Iraq" / "Iraqi").
    #[must_use]
    pub fn knows_word(&self, folded: &str) -> bool {
        self.words.contains(folded) || self.stems.contains(&stem(folded)) || self.has_relative(folded)
    }

    /// A word of the document that extends `folded` by at most four bytes,
    /// or that `folded` extends so ("Iraq" / "Iraqi").
    fn has_relative(&self, folded: &str) -> bool {
        if folded.len() < 4 {
            return false;
        }
        let from = self.sorted.partition_point(|w| w.as_str() < folded);
        let extended = self.sorted[from..]
            .iter()
            .take_while(|w| w.starts_with(folded))
            .any(|w| RELATIVE_ENDINGS.contains(&&w[folded.len()..]));
        extended
            || (4..folded.len())
                .rev()
                .take(4)
                .filter(|&k| folded.is_char_boundary(k))
                .any(|k| RELATIVE_ENDINGS.contains(&&folded[k..]) && self.words.contains(&folded[..k]))
    }
}

/// One token of a unit side, with what detectors ask of it.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub span: Span,
    pub text: &'a str,
    /// Case- and apostrophe-folded text, borrowed from the document's
    /// index (or the text itself) when it has it.
    pub fold: Cow<'a, str>,
    /// Stem of `fold` (empty for punctuation), borrowed from the index
    /// when it has it.
    pub stem: Cow<'a, str>,
    pub kind: TokenKind,
    pub in_quote: bool,
    /// First word of a sentence (after any opening punctuation).
    pub sentence_start: bool,
}

impl Tok<'_> {
    #[must_use]
    pub fn is_word(&self) -> bool {
        self.kind != TokenKind::Punct
    }

    #[must_use]
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

impl crate::engine::diff::FoldedToken for Tok<'_> {
    fn span(&self) -> Span {
        self.span
    }

    fn folded(&self) -> &str {
        &self.fold
    }
}

/// One side of an aligned unit.
pub struct Side<'a> {
    pub doc: &'a Document,
    pub index: &'a DocIndex,
    pub span: Span,
    pub toks: Vec<Tok<'a>>,
    /// The sentences just before this side (at most `LOOKBACK`), where a
    /// pronoun in it finds its antecedent.
    pub before: Span,
    /// The side's quantities, found once for every detector that asks
    /// (`numbers::quantities`).
    pub quantities: std::cell::OnceCell<Vec<super::numbers::Quantity>>,
    /// The document's sentences, for a look at the side's neighbours.
    seg: &'a Segmented,
}

/// Which neighbour of a side: the sentence just before it or just after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beside {
    Before,
    After,
}

/// Sentences before a unit that count as its immediate context.
const LOOKBACK: usize = 2;

impl<'a> Side<'a> {
    #[must_use]
    pub fn new(doc: &'a Document, index: &'a DocIndex, seg: &'a Segmented, span: Span) -> Self {
        // Sentences are sorted: find the ones in the span by binary search,
        // not by a scan of the document per unit.
        let first = seg.sentences.partition_point(|s| s.span.end <= span.start);
        let before = Span::new(
            seg.sentences[first.saturating_sub(LOOKBACK)..first]
                .first()
                .map_or(span.start, |s| s.span.start),
            span.start,
        );
        // Starts of the sentences in the span, in order: tokens come in
        // order too, so one walk finds the tokens that start a sentence.
        let mut starts = seg.sentences[first..]
            .iter()
            .take_while(|s| s.span.start < span.end)
            .map(|s| s.span.start)
            .peekable();
        // About one token per four bytes of English: room made once, not
        // grown token by token.
        let mut toks = Vec::with_capacity(span.len() / 4 + 4);
        let mut at_start = true;
        let mut folded = String::new();
        // Quotes are in order too: the one that may hold a token is found
        // by walking on (as `DocIndex::in_quote` finds it by a search).
        let quotes = &index.quotes;
        let mut quote = quotes.partition_point(|q| q.end < span.start);
        for t in tokens(doc.slice(span), span.start) {
            while quotes.get(quote).is_some_and(|q| q.end < t.span.end) {
                quote += 1;
            }
            let in_quote = quotes
                .get(quote)
                .is_some_and(|q| q.start <= t.span.start && t.span.end <= q.end);
            debug_assert_eq!(in_quote, index.in_quote(t.span));
            while starts.next_if(|&s| s < t.span.start).is_some() {}
            if starts.next_if_eq(&t.span.start).is_some() {
                at_start = true;
            }
            let word = t.kind != TokenKind::Punct;
            // Borrowed where possible: a word from the index (with its
            // stem), punctuation from the text when folding leaves it.
            let (fold, stem) = if word {
                fold_into(t.text, &mut folded);
                index.fold_and_stem(&folded)
            } else if is_folded(t.text) {
                (Cow::Borrowed(t.text), Cow::Borrowed(""))
            } else {
                (Cow::Owned(fold(t.text)), Cow::Borrowed(""))
            };
            toks.push(Tok {
                span: t.span,
                text: t.text,
                stem,
                fold,
                kind: t.kind,
                in_quote,
                sentence_start: at_start && word,
            });
            if word {
                at_start = false;
            }
            if matches!(t.text, "." | "!" | "?") {
                at_start = true;
            }
        }
        Self {
            doc,
            index,
            span,
            toks,
            before,
            quantities: std::cell::OnceCell::new(),
            seg,
        }
    }

    /// The one word token with this stem, if the side has exactly one (a
    /// word the diff could not match because the sentence moved it).
    #[must_use]
    pub fn only_with_stem(&self, stem: &str) -> Option<usize> {
        let mut at = self
            .toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_word() && *t.stem == *stem);
        match (at.next(), at.next()) {
            (Some((k, _)), None) => Some(k),
            _ => None,
        }
    }

    /// Whether token `k` is a particle that makes a phrasal verb of the
    /// lexical database with the word before it ("pay off", "push back").
    #[must_use]
    pub fn is_phrasal_particle(&self, k: usize) -> bool {
        k > 0
            && crate::engine::words::PARTICLES.contains(&self.toks[k].fold.as_ref())
            && crate::engine::wordnet::wordnet()
                .phrasal_lemma(&self.toks[k - 1].fold, &self.toks[k].fold)
                .is_some()
    }

    /// Whether a word of this stem, missing from `other`'s unit, stands in
    /// the sentence beside `other` while the sentence on the same hand of
    /// this side lacks it: the two texts broke their sentences at
    /// different places, and the word moved across the break.
    #[must_use]
    pub fn stem_moved_across(&self, other: &Side<'_>, stem: &str) -> bool {
        let has = |s: &Side<'_>| s.toks.iter().any(|t| t.is_word() && t.stem == stem);
        [Beside::Before, Beside::After].into_iter().any(|which| {
            other.beside(which).is_some_and(|o| has(&o)) && self.beside(which).is_none_or(|s| !has(&s))
        })
    }

    /// The sentence just before or after this side in its paragraph, read
    /// as a side of its own (for the rare finding that asks whether a
    /// figure moved across a sentence break).
    #[must_use]
    pub fn beside(&self, which: Beside) -> Option<Self> {
        let sentences = &self.seg.sentences;
        let first = sentences.partition_point(|s| s.span.end <= self.span.start);
        let last = sentences.partition_point(|s| s.span.start < self.span.end);
        let (own, k) = match which {
            Beside::Before => (first, first.checked_sub(1)?),
            Beside::After => (last.checked_sub(1)?, last),
        };
        let (own, near) = (sentences.get(own)?, sentences.get(k)?);
        (own.paragraph == near.paragraph).then(|| Self::new(self.doc, self.index, self.seg, near.span))
    }

    /// Span covering tokens `i..j` (must be non-empty).
    #[must_use]
    pub fn cover(&self, i: usize, j: usize) -> Span {
        self.toks[i].span.join(self.toks[j - 1].span)
    }

    /// Whether any token of this side folds to `word`.
    #[must_use]
    pub fn has_word(&self, word: &str) -> bool {
        self.toks.iter().any(|t| t.fold == word)
    }

    /// Initials of each run of capitalised words ("United Nations" → "un"),
    /// so an acronym on the other side can be recognised.
    #[must_use]
    pub fn acronyms(&self) -> HashSet<String> {
        let mut out = HashSet::new();
        let mut run = String::new();
        for t in &self.toks {
            if t.is_word() && t.is_capitalised() && !super::lists::NOT_NAMES.contains(&t.fold.as_ref()) {
                run.extend(t.fold.chars().next());
            } else if !(t.fold == "of" || t.fold == "and") {
                if run.len() > 1 {
                    out.insert(std::mem::take(&mut run));
                }
                run.clear();
            }
        }
        if run.len() > 1 {
            out.insert(run);
        }
        out
    }

    #[must_use]
    pub fn text(&self, span: Span) -> &'a str {
        self.doc.slice(span)
    }
}

/// Word-level correspondence between the two sides of a unit.
pub struct TokenMap {
    /// For each original token, the rewrite token it equals, if any.
    pub a_to_b: Vec<Option<usize>>,
    pub b_to_a: Vec<Option<usize>>,
}

impl TokenMap {
    #[must_use]
    pub fn new(a: &Side<'_>, b: &Side<'_>) -> Self {
        let ka: Vec<&str> = a.toks.iter().map(|t| t.fold.as_ref()).collect();
        let kb: Vec<&str> = b.toks.iter().map(|t| t.fold.as_ref()).collect();
        let mut a_to_b = vec![None; ka.len()];
        let mut b_to_a = vec![None; kb.len()];
        for op in capture_diff_slices(Algorithm::Patience, &ka, &kb) {
            if op.tag() == DiffTag::Equal {
                for (i, j) in op.old_range().zip(op.new_range()) {
                    a_to_b[i] = Some(j);
                    b_to_a[j] = Some(i);
                }
            }
        }
        Self { a_to_b, b_to_a }
    }

    /// The same map read off the unit's display diff, without diffing
    /// again: `hunks` are [`crate::engine::diff::word_diff`] of these two
    /// sides (the same tokens, folded the same way, the same Patience
    /// diff), so the tokens outside every hunk are the equal ones, paired
    /// in order. Hunks that leave unequal counts outside them are not this
    /// unit's diff: then it diffs as [`TokenMap::new`] does.
    #[must_use]
    pub fn from_hunks(a: &Side<'_>, b: &Side<'_>, hunks: &[WordHunk]) -> Self {
        let ea = outside(&a.toks, hunks.iter().filter_map(|h| h.original));
        let eb = outside(&b.toks, hunks.iter().filter_map(|h| h.rewrite));
        if ea.len() != eb.len() {
            return Self::new(a, b);
        }
        let mut a_to_b = vec![None; a.toks.len()];
        let mut b_to_a = vec![None; b.toks.len()];
        for (&i, &j) in ea.iter().zip(&eb) {
            a_to_b[i] = Some(j);
            b_to_a[j] = Some(i);
        }
        Self { a_to_b, b_to_a }
    }
}

/// Indices of the tokens that lie inside none of `spans` (in order).
fn outside(toks: &[Tok<'_>], spans: impl Iterator<Item = Span>) -> Vec<usize> {
    let mut spans = spans.peekable();
    let mut out = Vec::with_capacity(toks.len());
    for (i, t) in toks.iter().enumerate() {
        while spans.next_if(|s| s.end <= t.span.start).is_some() {}
        let inside = spans
            .peek()
            .is_some_and(|s| s.start <= t.span.start && t.span.end <= s.end);
        if !inside {
            out.push(i);
        }
    }
    out
}

/// Maps the token range `i..j` of one side to the range of the other side
/// lying between the nearest mapped tokens around it; widened to one token
/// when the other side has nothing there.
#[must_use]
pub fn counterpart(map: &[Option<usize>], other_len: usize, i: usize, j: usize) -> Option<(usize, usize)> {
    if other_len == 0 {
        return None;
    }
    let before = map[..i].iter().rev().find_map(|m| *m).map_or(0, |k| k + 1);
    let after = map[j.min(map.len())..]
        .iter()
        .find_map(|m| *m)
        .unwrap_or(other_len);
    if before < after {
        return Some((before, after));
    }
    let k = after.min(other_len - 1);
    Some((k, k + 1))
}

/// Both sides of one matched unit.
pub struct UnitCx<'a> {
    pub a: Side<'a>,
    pub b: Side<'a>,
    pub map: TokenMap,
}

impl UnitCx<'_> {
    /// The rewrite span corresponding to original tokens `i..j`.
    #[must_use]
    pub fn b_for_a(&self, i: usize, j: usize) -> Option<Span> {
        counterpart(&self.map.a_to_b, self.b.toks.len(), i, j).map(|(s, e)| self.b.cover(s, e))
    }

    /// [`Self::a_for_b`], but only when the original stretch holds a
    /// content word: a flag never points at a lone "the" or a full stop
    /// as what a new name or figure replaced.
    #[must_use]
    pub fn content_a_for_b(&self, i: usize, j: usize) -> Option<Span> {
        let (s, e) = counterpart(&self.map.b_to_a, self.a.toks.len(), i, j)?;
        self.a.toks[s..e]
            .iter()
            .any(|t| t.is_word() && !super::lists::is_function_word(&t.fold))
            .then(|| self.a.cover(s, e))
    }

    /// The original span corresponding to rewrite tokens `i..j`.
    #[must_use]
    pub fn a_for_b(&self, i: usize, j: usize) -> Option<Span> {
        counterpart(&self.map.b_to_a, self.a.toks.len(), i, j).map(|(s, e)| self.a.cover(s, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compare;
    use crate::engine::segment::segment;

    /// Calls `check` with every two-sided unit of every article pair and
    /// its two sides, the pair's path to name it; returns the number of
    /// units.
    fn each_unit(
        mut check: impl FnMut(&std::path::Path, &crate::engine::Unit, &Side<'_>, &Side<'_>),
    ) -> usize {
        let mut units = 0;
        for (path, a, b) in crate::test_pairs::article_pairs() {
            let (sa, sb) = (segment(&a), segment(&b));
            let (ia, ib) = (DocIndex::new(&a, &sa), DocIndex::new(&b, &sb));
            for unit in compare(&a, &b).units {
                let (Some(x), Some(y)) = (unit.original, unit.rewrite) else {
                    continue;
                };
                let (side_a, side_b) = (Side::new(&a, &ia, &sa, x), Side::new(&b, &ib, &sb, y));
                check(&path, &unit, &side_a, &side_b);
                units += 1;
            }
        }
        units
    }

    /// On every unit of every article pair, the map read off the display
    /// diff is the map a second diff gives.
    #[test]
    fn map_from_hunks_is_the_diffed_map() {
        let mut changed = 0;
        let units = each_unit(|path, unit, side_a, side_b| {
            let diffed = TokenMap::new(side_a, side_b);
            let read = TokenMap::from_hunks(side_a, side_b, &unit.hunks);
            assert_eq!(read.a_to_b, diffed.a_to_b, "{}", path.display());
            assert_eq!(read.b_to_a, diffed.b_to_a, "{}", path.display());
            changed += usize::from(!unit.hunks.is_empty());
        });
        assert!(
            units > 300 && changed > 200,
            "{units} units, {changed} with changes"
        );
    }

    /// On every unit of every article pair, the diff of the detectors'
    /// tokens is the display diff made from the text.
    #[test]
    fn diff_of_the_detectors_tokens_is_the_word_diff() {
        use crate::engine::diff::{word_diff, word_diff_folded};
        let units = each_unit(|path, unit, side_a, side_b| {
            let folded = word_diff_folded(&side_a.toks, &side_b.toks);
            let (x, y) = (side_a.span, side_b.span);
            assert_eq!(
                folded,
                word_diff(side_a.doc, x, side_b.doc, y),
                "{}",
                path.display()
            );
            assert_eq!(folded, unit.hunks, "{}", path.display());
        });
        assert!(units > 300, "{units} units");
    }

    #[test]
    fn hunks_of_another_diff_fall_back_to_diffing() {
        let a = Document::from("The cat sat on the mat.");
        let b = Document::from("The dog sat on a mat.");
        let (sa, sb) = (segment(&a), segment(&b));
        let (ia, ib) = (DocIndex::new(&a, &sa), DocIndex::new(&b, &sb));
        let (x, y) = (Span::new(0, a.text().len()), Span::new(0, b.text().len()));
        let (side_a, side_b) = (Side::new(&a, &ia, &sa, x), Side::new(&b, &ib, &sb, y));
        // One hunk only on the original side: unequal counts left outside.
        let wrong = [WordHunk {
            original: Some(Span::new(4, 7)),
            rewrite: None,
        }];
        let read = TokenMap::from_hunks(&side_a, &side_b, &wrong);
        assert_eq!(read.a_to_b, TokenMap::new(&side_a, &side_b).a_to_b);
    }
}
