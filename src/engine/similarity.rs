//! How alike two runs of sentences are, in a way that survives rewording:
//! stemmed content words weighted by their rarity in the two documents,
//! numbers and names weighted up, and a length term.

use super::lexicon::{fold_into, is_stop_word, stem};
use super::segment::{TokenKind, tokens};
use std::collections::HashMap;

/// Looked up, never iterated (ids come from the count so far).
type WordHash = std::hash::BuildHasherDefault<super::lexicon::WordHasher>;

/// What the aligner needs to know of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceProfile {
    /// Term ids with their weights, sorted by id, deduplicated.
    pub terms: Vec<(u32, f32)>,
    /// Sum of the term weights.
    pub weight: f32,
    /// Length in characters.
    pub chars: usize,
    /// A heading or dateline rather than prose.
    pub header: bool,
    /// Index of the paragraph holding the sentence.
    pub paragraph: usize,
}

/// What [`Profiles::new`] reads of one sentence.
#[derive(Debug, Clone, Copy)]
pub struct SentenceText<'a> {
    pub text: &'a str,
    pub header: bool,
    pub paragraph: usize,
}

/// Both documents' sentence profiles, weighted against each other.
#[derive(Debug, Clone, Default)]
pub struct Profiles {
    pub a: Vec<SentenceProfile>,
    pub b: Vec<SentenceProfile>,
    /// Number of distinct terms; term ids are below this.
    pub vocabulary: usize,
}

/// Extra weight of a number or a capitalised word inside a sentence: these
/// are the names and figures a rewrite keeps while it rewords the rest.
const NAME_BOOST: f32 = 1.5;

/// A sentence before weighting: term ids and which of them are names.
struct RawSentence {
    terms: Vec<(u32, bool)>,
    chars: usize,
    header: bool,
    paragraph: usize,
}

/// One side's sentences read on their own, so that both sides are read at
/// once: each folded spelling numbered in order of first use on the side
/// and stemmed once; stop words left out.
struct SideWords<'a> {
    /// Per side word: its folded spelling and its stem.
    words: Vec<(String, String)>,
    /// Content words of every sentence in token order, one after another:
    /// the side word number, with [`NAME_BIT`] set for a name or number.
    flat: Vec<u32>,
    /// Where each sentence's words end in `flat`.
    ends: Vec<u32>,
    sentences: Vec<SentenceText<'a>>,
}

/// Marks a word used as a name in [`SideWords::flat`].
const NAME_BIT: u32 = 1 << 31;

impl<'a> SideWords<'a> {
    fn read(sentences: Vec<SentenceText<'a>>) -> Self {
        let mut ids: HashMap<String, Option<u32>, WordHash> = HashMap::default();
        let mut words = Vec::new();
        let mut flat = Vec::new();
        let mut ends = Vec::with_capacity(sentences.len());
        let mut buf = String::new();
        for s in &sentences {
            for (k, t) in tokens(s.text, 0)
                .filter(|t| t.kind != TokenKind::Punct)
                .enumerate()
            {
                fold_into(t.text, &mut buf);
                // "11,500" and "11500" are one figure.
                if buf.starts_with(|c: char| c.is_ascii_digit()) && buf.contains(',') {
                    buf.retain(|c| c != ',');
                }
                let id = match ids.get(buf.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = (!is_stop_word(&buf)).then(|| {
                            words.push((buf.clone(), stem(&buf)));
                            u32::try_from(words.len() - 1).unwrap_or(u32::MAX) & !NAME_BIT
                        });
                        ids.insert(buf.clone(), id);
                        id
                    }
                };
                let Some(id) = id else {
                    continue;
                };
                let capital = k > 0 && t.text.chars().next().is_some_and(char::is_uppercase);
                let name = t.kind == TokenKind::Number || capital;
                flat.push(if name { id | NAME_BIT } else { id });
            }
            ends.push(u32::try_from(flat.len()).unwrap_or(u32::MAX));
        }
        Self {
            words,
            flat,
            ends,
            sentences,
        }
    }

    fn sentence_words(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.flat[start..self.ends[i] as usize]
    }
}

/// Gives terms their ids in the order one reading of the original then the
/// rewrite meets them: a stem at its first use, a content-free sentence's
/// whole text after the sentence (ids are positions in the order met).
#[derive(Default)]
struct Interner {
    /// Folded spelling to term id.
    by_word: HashMap<String, u32, WordHash>,
    by_stem: HashMap<String, u32, WordHash>,
}

/// One side's term ids: per side word, and per content-free sentence.
struct SideIds {
    words: Vec<u32>,
    wholes: Vec<Option<u32>>,
}

impl Interner {
    /// A term id for a whole content-free sentence, kept apart from words.
    fn whole(&mut self, text: &str) -> u32 {
        let key = format!("\u{0}{}", text.split_whitespace().collect::<Vec<_>>().join(" "));
        let next = u32::try_from(self.by_stem.len()).unwrap_or(u32::MAX);
        *self.by_stem.entry(key).or_insert(next)
    }

    fn term(&mut self, (spelling, stem): &(String, String)) -> u32 {
        if let Some(&id) = self.by_word.get(spelling) {
            return id;
        }
        let next = u32::try_from(self.by_stem.len()).unwrap_or(u32::MAX);
        let id = *self.by_stem.entry(stem.clone()).or_insert(next);
        self.by_word.insert(spelling.clone(), id);
        id
    }

    /// Numbers a side's terms, sentence by sentence in order.
    fn number(&mut self, side: &SideWords<'_>) -> SideIds {
        let mut words: Vec<Option<u32>> = vec![None; side.words.len()];
        let mut wholes = vec![None; side.sentences.len()];
        for (i, s) in side.sentences.iter().enumerate() {
            let used = side.sentence_words(i);
            for &w in used {
                let w = (w & !NAME_BIT) as usize;
                if words[w].is_none() {
                    words[w] = Some(self.term(&side.words[w]));
                }
            }
            if used.is_empty() {
                // A sentence of stop words or punctuation ("...", "It is.")
                // has no content terms; its whole text stands in as one, so
                // it still matches an identical sentence.
                wholes[i] = Some(self.whole(s.text));
            }
        }
        SideIds {
            words: words.into_iter().map(|id| id.unwrap_or(u32::MAX)).collect(),
            wholes,
        }
    }
}

/// A side's sentences with their term ids, sorted and deduplicated.
fn raw_sentences(side: &SideWords<'_>, ids: &SideIds) -> Vec<RawSentence> {
    side.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut terms: Vec<(u32, bool)> = side
                .sentence_words(i)
                .iter()
                .map(|&w| (ids.words[(w & !NAME_BIT) as usize], w & NAME_BIT != 0))
                .collect();
            terms.sort_unstable_by_key(|&(id, name)| (id, !name));
            terms.dedup_by_key(|&mut (id, _)| id);
            if let Some(whole) = ids.wholes[i] {
                terms.push((whole, false));
            }
            RawSentence {
                terms,
                chars: s.text.chars().count(),
                header: s.header,
                paragraph: s.paragraph,
            }
        })
        .collect()
}

impl Profiles {
    /// Profiles of the sentences of two documents. Term weights are inverse
    /// sentence frequencies over both documents.
    ///
    /// Both sides are split, folded and stemmed at once; only the
    /// numbering of terms (ids in the order one reading of `a` then `b`
    /// meets them) runs on one thread.
    pub fn new<'a>(
        a: impl IntoIterator<Item = SentenceText<'a>>,
        b: impl IntoIterator<Item = SentenceText<'a>>,
    ) -> Self {
        let (a, b): (Vec<_>, Vec<_>) = (a.into_iter().collect(), b.into_iter().collect());
        let (wa, wb) = rayon::join(|| SideWords::read(a), || SideWords::read(b));
        let mut interner = Interner::default();
        let ids_a = interner.number(&wa);
        let ids_b = interner.number(&wb);
        drop(interner.by_word);
        let (ra, rb) = rayon::join(|| raw_sentences(&wa, &ids_a), || raw_sentences(&wb, &ids_b));
        let vocabulary = interner.by_stem.len();
        drop(interner.by_stem);
        drop((wa, wb, ids_a, ids_b));
        let mut df = vec![0u32; vocabulary];
        for s in ra.iter().chain(&rb) {
            for &(id, _) in &s.terms {
                df[id as usize] += 1;
            }
        }
        let n = (ra.len() + rb.len()) as f32;
        let idf: Vec<f32> = df.iter().map(|&d| (1.0 + n / d.max(1) as f32).ln()).collect();
        let weigh = |s: RawSentence| weigh(s, &idf);
        Self {
            a: ra.into_iter().map(weigh).collect(),
            b: rb.into_iter().map(weigh).collect(),
            vocabulary,
        }
    }
}

fn weigh(s: RawSentence, idf: &[f32]) -> SentenceProfile {
    let terms: Vec<(u32, f32)> = s
        .terms
        .iter()
        .map(|&(id, name)| (id, idf[id as usize] * if name { NAME_BOOST } else { 1.0 }))
        .collect();
    SentenceProfile {
        weight: terms.iter().map(|t| t.1).sum(),
        terms,
        chars: s.chars,
        header: s.header,
        paragraph: s.paragraph,
    }
}

/// How two runs of sentences compare.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Similarity {
    /// Weighted Dice overlap of the content terms, 0..=1.
    pub lexical: f32,
    /// Shorter over longer character length, 0..=1.
    pub length: f32,
    /// Smallest share of one sentence's own term weight found on the other
    /// side, over the sentences of both runs with a few content words: low
    /// when one sentence of a merge contributes nothing.
    pub weakest_part: f32,
}

/// Weight of the lexical term in [`Similarity::combined`].
const LEXICAL_SHARE: f32 = 0.75;

impl Similarity {
    /// One figure in 0..=1: mostly lexical, partly length.
    #[must_use]
    pub fn combined(self) -> f32 {
        LEXICAL_SHARE * self.lexical + (1.0 - LEXICAL_SHARE) * self.length
    }
}

/// The union of the terms of a run of sentences, sorted by id.
pub fn run_terms(run: &[SentenceProfile], out: &mut Vec<(u32, f32)>) {
    out.clear();
    for p in run {
        out.extend_from_slice(&p.terms);
    }
    out.sort_unstable_by_key(|t| t.0);
    out.dedup_by_key(|t| t.0);
}

/// Compares two runs of consecutive sentences; `scratch` avoids allocating
/// in the aligner's inner loop.
#[must_use]
pub fn compare_runs(a: &[SentenceProfile], b: &[SentenceProfile], scratch: &mut Scratch) -> Similarity {
    let ta = terms_of(a, &mut scratch.a);
    let tb = terms_of(b, &mut scratch.b);
    let wa: f32 = ta.iter().map(|t| t.1).sum();
    let wb: f32 = tb.iter().map(|t| t.1).sum();
    // Each side's own weights: a name capitalised on one side only still
    // counts symmetrically.
    let (shared_a, shared_b) = shared_weights(ta, tb);
    let shared = shared_a + shared_b;
    let lexical = if wa + wb > 0.0 { shared / (wa + wb) } else { 0.0 };
    let la: usize = a.iter().map(|p| p.chars).sum();
    let lb: usize = b.iter().map(|p| p.chars).sum();
    let length = if la.max(lb) == 0 {
        0.0
    } else {
        la.min(lb) as f32 / la.max(lb) as f32
    };
    let weakest_part = weakest_part(a, tb).min(weakest_part(b, ta));
    Similarity {
        lexical,
        length,
        weakest_part,
    }
}

/// Reusable buffers for [`compare_runs`].
#[derive(Debug, Default)]
pub struct Scratch {
    a: Vec<(u32, f32)>,
    b: Vec<(u32, f32)>,
}

fn terms_of<'a>(run: &'a [SentenceProfile], buf: &'a mut Vec<(u32, f32)>) -> &'a [(u32, f32)] {
    if let [one] = run {
        return &one.terms;
    }
    run_terms(run, buf);
    buf
}

/// Parts with fewer content terms than this are not judged by
/// [`Similarity::weakest_part`].
const PART_MIN_TERMS: usize = 3;

/// For runs of several sentences, the lowest share of a sentence's weight
/// that the other side shares; 1 for a single sentence.
fn weakest_part(run: &[SentenceProfile], other: &[(u32, f32)]) -> f32 {
    if run.len() < 2 {
        return 1.0;
    }
    // A clause of one or two content words ("for we are many") may well be
    // reworded beyond recognition; it is judged by the length term only.
    run.iter()
        .filter(|p| p.terms.len() >= PART_MIN_TERMS)
        .map(|p| shared_weight(&p.terms, other) / p.weight)
        .fold(1.0, f32::min)
}

/// `(shared_weight(a, b), shared_weight(b, a))` in one walk: each sum
/// adds the same weights in the same order as its own walk would.
fn shared_weights(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, f32) {
    let (mut i, mut j, mut wa, mut wb) = (0, 0, 0.0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                wa += a[i].1;
                wb += b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    (wa, wb)
}

/// Summed weight (taken from `a`) of the terms both sorted lists hold.
#[must_use]
pub fn shared_weight(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut w) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(texts: &[&'static str]) -> Vec<SentenceText<'static>> {
        texts
            .iter()
            .map(|&text| SentenceText {
                text,
                header: false,
                paragraph: 0,
            })
            .collect()
    }

    fn sim(a: &'static str, b: &'static str) -> Similarity {
        let p = Profiles::new(
            prose(&[a, "Unrelated filler about weather."]),
            prose(&[b, "Other filler on markets today."]),
        );
        compare_runs(&p.a[..1], &p.b[..1], &mut Scratch::default())
    }

    #[test]
    fn paraphrase_scores_above_unrelated() {
        let close = sim(
            "The minister said he was unhurt after the attack.",
            "After the attack, the minister says he is unharmed.",
        );
        let far = sim(
            "The minister said he was unhurt after the attack.",
            "Rain is expected across the north tomorrow.",
        );
        assert!(close.combined() > far.combined() + 0.3, "{close:?} {far:?}");
        assert!(far.lexical < 0.01);
    }

    #[test]
    fn one_walk_sums_as_two_walks() {
        let a = [(1, 0.1), (3, 0.7), (4, 1.3), (9, 0.01), (12, 2.5)];
        let b = [(0, 0.4), (3, 0.2), (4, 0.9), (5, 1.0), (12, 0.3), (20, 1.0)];
        for (x, y) in [
            (&a[..], &b[..]),
            (&b[..], &a[..]),
            (&a[..0], &b[..]),
            (&a[..], &a[..]),
        ] {
            let (sx, sy) = shared_weights(x, y);
            assert_eq!(sx.to_bits(), shared_weight(x, y).to_bits());
            assert_eq!(sy.to_bits(), shared_weight(y, x).to_bits());
        }
    }

    #[test]
    fn archaic_forms_meet_modern_ones() {
        let s = sim(
            "There cometh one mightier than I.",
            "One comes who is mightier than I.",
        );
        assert!(s.lexical > 0.6, "{s:?}");
    }

    #[test]
    fn weakest_part_flags_a_passenger_sentence() {
        let p = Profiles::new(
            prose(&["Troops entered the capital at dawn.", "Markets fell sharply."]),
            prose(&["At dawn troops entered the capital."]),
        );
        let s = compare_runs(&p.a, &p.b, &mut Scratch::default());
        assert!(s.weakest_part < 0.01, "{s:?}");
    }
}
