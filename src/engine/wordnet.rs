//! Word relations from Princeton WordNet 3.0: whether a word swapped for
//! another is a synonym, a broader or narrower word (rewording), an
//! opposite or a sibling (a factual change), or unknown.
//!
//! The table is derived by `assets/lexicon/derive_wordnet.py` (words and
//! relations only, no glosses), gzipped and embedded in the binary, and
//! parsed once on first use. Licence: `assets/lexicon/WORDNET-LICENSE`.

use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;
use std::sync::LazyLock;

static TABLE: &[u8] = include_bytes!("../../assets/lexicon/wordnet.tsv.gz");

/// How two words relate, in the order they are tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The same spelling after inflection, or a shared sense.
    Synonym,
    /// The second word names a broader class than the first ("bombing" →
    /// "attack").
    Broader,
    /// The second word is more specific than the first.
    Narrower,
    /// One word derives from the other ("Italian" / "Italy", "American" /
    /// "US"): the same thing named another way.
    Derived,
    /// Opposites ("rose" / "fell", "explicit" / "implicit").
    Antonym,
    /// Two kinds of one thing ("rock" / "jazz", "sister" / "brother"): the
    /// shared class is given as a synset.
    Sibling(u32),
    /// Both words are known and no relation above links them.
    Unrelated,
    /// One of the words is not in the table.
    Unknown,
}

/// Part of speech of a synset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    Noun,
    Verb,
    Adj,
    Adv,
}

struct Synset {
    pos: Pos,
    /// WordNet's lexicographer file (noun.person is 18).
    lexfile: u8,
    /// A particular person, place or thing rather than a kind.
    instance: bool,
    /// Distance to the root of its hypernym tree (0 for roots and for
    /// words without hypernyms).
    depth: u8,
    /// Where its links start in [`WordNet::links`], and where each list
    /// (hypernyms, antonyms, heads, pertains) ends.
    start: u32,
    ends: [u32; 4],
}

/// The parsed table, flat: a few large vectors rather than a box per
/// synset or lemma, so parsing the table costs little at start-up.
pub struct WordNet {
    synsets: Vec<Synset>,
    /// Every synset's links, concatenated.
    links: Vec<u32>,
    /// Lemmas (lowercase, `_` for spaces), in byte order, concatenated;
    /// lemma `k` is `lemma_text[lemma_at[k]..lemma_at[k + 1]]`.
    lemma_text: String,
    lemma_at: Vec<u32>,
    /// Lemma `k`'s synsets, most frequent first, are
    /// `senses[sense_at[k]..sense_at[k + 1]]`.
    senses: Vec<u32>,
    sense_at: Vec<u32>,
    /// Irregular inflection → base forms.
    irregular: HashMap<Box<str>, Vec<Box<str>>>,
    /// The first lemma of each synset, for reasons ("a kind of …").
    names: Vec<u32>,
}

static WORDNET: LazyLock<WordNet> = LazyLock::new(|| {
    let mut text = String::new();
    GzDecoder::new(TABLE)
        .read_to_string(&mut text)
        .expect("the embedded WordNet table is valid gzip and UTF-8");
    WordNet::parse(&text)
});

/// The table embedded in the binary (parsed on first call).
#[must_use]
pub fn wordnet() -> &'static WordNet {
    &WORDNET
}

/// Appends a comma-separated list of ids ("-" for none) to `out`.
fn push_ids(field: &str, out: &mut Vec<u32>) {
    if field != "-" {
        out.extend(field.split(',').filter_map(|x| x.parse::<u32>().ok()));
    }
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Senses looked at when deciding that two words are siblings: the most
/// frequent ones, so a rare sense does not make "bank" a kind of "slope".
const TOP_SENSES: usize = 3;
/// Senses looked at for opposites: a rare sense of one word opposes a
/// rare sense of many ("made" / "out").
const ANTONYM_SENSES: usize = 6;
/// Senses looked at for siblings: fewer, since a sibling is a factual
/// flag and near-synonyms are often siblings in some rarer sense.
const SIBLING_SENSES: usize = 1;
/// Hypernym steps searched for a broader or narrower word.
const BROADER_STEPS: usize = 3;
/// A noun class shared by siblings must be at least this deep, so
/// "entity", "object" or "act" do not make every pair siblings.
const SIBLING_NOUN_DEPTH: u8 = 6;

/// Suffix rules of WordNet's `morphy`, per part of speech.
const MORPH_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("er", ""),
    ("est", ""),
    ("er", "e"),
    ("est", "e"),
];

impl WordNet {
    fn parse(text: &str) -> Self {
        let mut wn = Self {
            synsets: Vec::new(),
            links: Vec::new(),
            lemma_text: String::new(),
            lemma_at: vec![0],
            senses: Vec::new(),
            sense_at: vec![0],
            irregular: HashMap::new(),
            names: Vec::new(),
        };
        for line in text.lines() {
            let mut f = line.split(' ');
            match f.next() {
                Some("S") => wn.parse_synset(&mut f),
                Some("W") => {
                    if let Some(lemma) = f.next() {
                        wn.lemma_text.push_str(lemma);
                        wn.lemma_at.push(len32(wn.lemma_text.len()));
                        wn.senses.extend(f.filter_map(|x| x.parse::<u32>().ok()));
                        wn.sense_at.push(len32(wn.senses.len()));
                    }
                }
                Some("X") => {
                    if let (Some(inflected), Some(base)) = (f.next(), f.next()) {
                        wn.irregular
                            .entry(inflected.into())
                            .or_default()
                            .push(base.into());
                    }
                }
                _ => {}
            }
        }
        wn.names = vec![u32::MAX; wn.synsets.len()];
        for k in 0..wn.lemma_at.len() - 1 {
            for i in wn.sense_at[k]..wn.sense_at[k + 1] {
                if let Some(n) = wn.names.get_mut(wn.senses[i as usize] as usize)
                    && *n == u32::MAX
                {
                    *n = len32(k);
                }
            }
        }
        wn.fill_depths();
        wn
    }

    fn parse_synset<'t>(&mut self, f: &mut impl Iterator<Item = &'t str>) {
        let Some(tag) = f.next() else { return };
        let pos = match tag.as_bytes().first() {
            Some(b'n') => Pos::Noun,
            Some(b'v') => Pos::Verb,
            Some(b'a') => Pos::Adj,
            _ => Pos::Adv,
        };
        let rest = tag.get(1..).unwrap_or_default();
        let start = len32(self.links.len());
        let mut ends = [start; 4];
        for end in &mut ends {
            push_ids(f.next().unwrap_or("-"), &mut self.links);
            *end = len32(self.links.len());
        }
        self.synsets.push(Synset {
            pos,
            lexfile: rest.trim_end_matches('i').parse().unwrap_or(0),
            instance: rest.ends_with('i'),
            depth: 0,
            start,
            ends,
        });
    }

    fn list(&self, s: u32, which: usize) -> &[u32] {
        let syn = &self.synsets[s as usize];
        let from = if which == 0 {
            syn.start
        } else {
            syn.ends[which - 1]
        };
        &self.links[from as usize..syn.ends[which] as usize]
    }

    fn hypers(&self, s: u32) -> &[u32] {
        self.list(s, 0)
    }

    fn antonyms(&self, s: u32) -> &[u32] {
        self.list(s, 1)
    }

    fn heads(&self, s: u32) -> &[u32] {
        self.list(s, 2)
    }

    fn pertains(&self, s: u32) -> &[u32] {
        self.list(s, 3)
    }

    fn lemma(&self, k: usize) -> &str {
        &self.lemma_text[self.lemma_at[k] as usize..self.lemma_at[k + 1] as usize]
    }

    /// The index of a lemma, by binary search over the sorted lemmas.
    fn find_lemma(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.lemma_at.len() - 1);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            match self.lemma(mid).cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    fn lemma_senses(&self, k: usize) -> &[u32] {
        &self.senses[self.sense_at[k] as usize..self.sense_at[k + 1] as usize]
    }

    /// Depth of every synset: the shortest hypernym path to a root,
    /// memoised with an explicit stack (the hypernym graph is acyclic).
    fn fill_depths(&mut self) {
        const UNKNOWN: u8 = u8::MAX;
        let n = self.synsets.len();
        let mut depth = vec![UNKNOWN; n];
        for root in 0..n {
            let mut stack = vec![len32(root)];
            while let Some(&s) = stack.last() {
                if depth[s as usize] != UNKNOWN {
                    stack.pop();
                    continue;
                }
                let pending: Vec<u32> = self
                    .hypers(s)
                    .iter()
                    .copied()
                    .filter(|&h| depth[h as usize] == UNKNOWN && !stack.contains(&h))
                    .collect();
                if pending.is_empty() {
                    let d = self
                        .hypers(s)
                        .iter()
                        .map(|&h| depth[h as usize])
                        .filter(|&d| d != UNKNOWN)
                        .min()
                        .map_or(0, |d| d.saturating_add(1).min(UNKNOWN - 1));
                    depth[s as usize] = d;
                    stack.pop();
                } else {
                    stack.extend(pending);
                }
            }
        }
        for (s, d) in self.synsets.iter_mut().zip(depth) {
            s.depth = d;
        }
    }

    /// The lemmas a (lowercase) word form may be an inflection of,
    /// itself first when the table has it.
    fn bases(&self, word: &str) -> Vec<usize> {
        let key = word.replace(' ', "_");
        let mut out: Vec<usize> = Vec::new();
        let mut push = |b: &str| {
            if let Some(k) = self.find_lemma(b)
                && !out.contains(&k)
            {
                out.push(k);
            }
        };
        push(&key);
        if let Some(list) = self.irregular.get(key.as_str()) {
            for b in list {
                push(b);
            }
        }
        for (suffix, ending) in MORPH_RULES {
            if let Some(stem) = key.strip_suffix(suffix)
                && !stem.is_empty()
            {
                push(&format!("{stem}{ending}"));
            }
        }
        out
    }

    /// Whether the table knows the word in some inflection.
    #[must_use]
    pub fn knows(&self, word: &str) -> bool {
        !self.bases(word).is_empty()
    }

    /// Synsets of a word form: every sense, or the first `top` senses of
    /// each base form.
    fn senses(&self, word: &str, top: Option<usize>) -> Vec<u32> {
        let mut out = Vec::new();
        for b in self.bases(word) {
            let all = self.lemma_senses(b);
            out.extend_from_slice(&all[..top.map_or(all.len(), |t| t.min(all.len()))]);
        }
        out
    }

    fn synset(&self, s: u32) -> &Synset {
        &self.synsets[s as usize]
    }

    /// A synset and what an adjective satellite leans on.
    fn with_heads(&self, s: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(s).chain(self.heads(s).iter().copied())
    }

    /// Ancestors of `s` up to `steps` hypernym (or satellite-head) links.
    fn ancestors(&self, s: u32, steps: usize) -> Vec<u32> {
        let mut out = vec![s];
        let mut front = vec![s];
        for _ in 0..steps {
            let mut next = Vec::new();
            for &x in &front {
                for &h in self.hypers(x).iter().chain(self.heads(x)) {
                    if !out.contains(&h) {
                        out.push(h);
                        next.push(h);
                    }
                }
            }
            front = next;
        }
        out
    }

    /// Whether a word's most frequent noun sense is a kind of person ("CEO",
    /// "senator", "spokeswoman"), not a particular one.
    #[must_use]
    pub fn names_a_role(&self, word: &str) -> bool {
        const NOUN_PERSON: u8 = 18;
        self.senses(word, Some(1)).iter().any(|&s| {
            let syn = self.synset(s);
            syn.pos == Pos::Noun && syn.lexfile == NOUN_PERSON && !syn.instance
        })
    }

    /// Whether a word's most frequent sense is a noun.
    #[must_use]
    pub fn is_noun(&self, word: &str) -> bool {
        let bases = self.bases(word);
        let Some(base) = bases.first() else {
            return false;
        };
        // "appealed", "fleeing": an inflected verb form, whatever its base.
        if self.lemma(*base) != word && (word.ends_with("ed") || word.ends_with("ing")) {
            return false;
        }
        self.lemma_senses(*base)
            .first()
            .is_some_and(|&s| self.synset(s).pos == Pos::Noun)
    }

    /// The first lemma of a synset, with spaces.
    #[must_use]
    pub fn name(&self, s: u32) -> String {
        self.names
            .get(s as usize)
            .filter(|&&i| i != u32::MAX)
            .map_or_else(String::new, |&i| self.lemma(i as usize).replace('_', " "))
    }

    /// How `b` relates to `a` (both lowercase word forms).
    #[must_use]
    pub fn relation(&self, a: &str, b: &str) -> Relation {
        let all_a = self.senses(a, None);
        let all_b = self.senses(b, None);
        if all_a.is_empty() || all_b.is_empty() {
            return Relation::Unknown;
        }
        if all_a.iter().any(|s| all_b.contains(s)) {
            return Relation::Synonym;
        }
        let derives = |from: &[u32], to: &[u32]| {
            from.iter()
                .any(|&s| self.pertains(s).iter().any(|p| to.contains(p)))
        };
        if derives(&all_a, &all_b) || derives(&all_b, &all_a) {
            return Relation::Derived;
        }
        let top_a = self.senses(a, Some(TOP_SENSES));
        let top_b = self.senses(b, Some(TOP_SENSES));
        let opp_a = self.senses(a, Some(ANTONYM_SENSES));
        let opp_b = self.senses(b, Some(ANTONYM_SENSES));
        let heads_b: Vec<u32> = opp_b.iter().flat_map(|&s| self.with_heads(s)).collect();
        let opposed = opp_a
            .iter()
            .flat_map(|&s| self.with_heads(s))
            .any(|x| self.antonyms(x).iter().any(|y| heads_b.contains(y)));
        if opposed {
            return Relation::Antonym;
        }
        for &x in &top_a {
            let up_x = self.ancestors(x, BROADER_STEPS);
            for &y in &top_b {
                if up_x.contains(&y) {
                    return Relation::Broader;
                }
                if self.ancestors(y, BROADER_STEPS).contains(&x) {
                    return Relation::Narrower;
                }
            }
        }
        let first_a = self.senses(a, Some(SIBLING_SENSES));
        let first_b = self.senses(b, Some(SIBLING_SENSES));
        self.sibling(&first_a, &first_b)
            .map_or(Relation::Unrelated, Relation::Sibling)
    }

    /// A class both nouns are direct kinds of, deep enough to be specific.
    /// Only nouns: verbs' hierarchy makes near-synonyms siblings ("tumble"
    /// / "plummet"), and satellite adjectives of one head are similar, not
    /// different ("severe" / "intense").
    fn sibling(&self, top_a: &[u32], top_b: &[u32]) -> Option<u32> {
        for &x in top_a {
            if self.synset(x).pos != Pos::Noun {
                continue;
            }
            let up_x = self.ancestors(x, 1);
            for &y in top_b {
                if self.synset(y).pos != Pos::Noun {
                    continue;
                }
                let up_y = self.ancestors(y, 1);
                let shared = up_x
                    .iter()
                    .filter(|c| **c != x && **c != y && up_y.contains(c))
                    .find(|&&c| self.synset(c).depth >= SIBLING_NOUN_DEPTH);
                if let Some(&c) = shared {
                    return Some(c);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{Relation, wordnet};

    fn rel(a: &str, b: &str) -> Relation {
        wordnet().relation(a, b)
    }

    #[test]
    fn synonyms_and_inflections_are_rewording() {
        assert_eq!(rel("assault", "attack"), Relation::Synonym);
        assert_eq!(rel("bought", "purchased"), Relation::Synonym);
        assert_eq!(rel("children", "child"), Relation::Synonym);
    }

    #[test]
    fn broader_and_narrower_words() {
        assert_eq!(rel("bombing", "attack"), Relation::Broader);
        assert_eq!(rel("attack", "bombing"), Relation::Narrower);
    }

    #[test]
    fn derived_words() {
        assert_eq!(rel("italy", "italian"), Relation::Derived);
        assert_eq!(rel("us", "american"), Relation::Derived);
    }

    #[test]
    fn opposites() {
        assert_eq!(rel("rose", "fell"), Relation::Antonym);
        assert_eq!(rel("explicit", "implicit"), Relation::Antonym);
        assert_eq!(rel("more", "fewer"), Relation::Antonym);
        assert_eq!(rel("predictable", "unpredictable"), Relation::Antonym);
    }

    #[test]
    fn siblings_name_their_class() {
        let Relation::Sibling(class) = rel("milk", "butter") else {
            panic!("milk/butter: {:?}", rel("milk", "butter"));
        };
        assert!(!wordnet().name(class).is_empty());
        // Verbs never count as siblings.
        assert!(!matches!(rel("tumbled", "plummeted"), Relation::Sibling(_)));
    }

    #[test]
    fn roles() {
        assert!(wordnet().names_a_role("ceo"));
        assert!(wordnet().names_a_role("senator"));
        assert!(!wordnet().names_a_role("university"));
        assert!(!wordnet().names_a_role("new"));
        assert!(!wordnet().names_a_role("catherine"));
    }

    #[test]
    fn unknown_words() {
        assert_eq!(rel("zzxqv", "attack"), Relation::Unknown);
        assert!(!wordnet().knows("zzxqv"));
        assert!(wordnet().knows("attacks"));
    }
}
