//! Word relations from Princeton WordNet 3.0: whether a word swapped for
//! another is a synonym, a broader or narrower word (rewording), an
//! opposite or a sibling (a factual change), or unknown.
//!
//! The table is derived by `assets/lexicon/derive_wordnet.py` (words and
//! relations only, no glosses) and embedded gzipped; `build.rs` turns it
//! into a flat image of little-endian numbers that is read in place, so
//! start-up neither decompresses nor parses anything. Licence:
//! `assets/lexicon/WORDNET-LICENSE`.

use std::sync::LazyLock;

/// Words whose base forms one thread keeps (see `WordNet::bases`).
const BASES_CACHED: usize = 1 << 15;

static IMAGE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet.bin"));

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

/// A synset's packed description (see `build.rs`).
#[derive(Clone, Copy)]
struct Meta(u32);

impl Meta {
    fn pos(self) -> Pos {
        match self.0 & 3 {
            0 => Pos::Noun,
            1 => Pos::Verb,
            2 => Pos::Adj,
            _ => Pos::Adv,
        }
    }

    /// A particular person, place or thing rather than a kind.
    fn instance(self) -> bool {
        self.0 & 4 != 0
    }

    /// WordNet's lexicographer file (noun.person is 18).
    fn lexfile(self) -> u32 {
        (self.0 >> 3) & 0x3f
    }

    /// Distance to the root of its hypernym tree (0 for roots and for
    /// words without hypernyms).
    fn depth(self) -> u8 {
        u8::try_from((self.0 >> 16) & 0xff).unwrap_or(u8::MAX)
    }
}

/// A run of little-endian u32 in the image.
#[derive(Clone, Copy)]
struct Numbers(&'static [u8]);

impl Numbers {
    fn len(self) -> usize {
        self.0.len() / 4
    }

    fn get(self, i: usize) -> u32 {
        let b = &self.0[i * 4..i * 4 + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    fn slice(self, from: u32, to: u32) -> Self {
        Self(&self.0[from as usize * 4..to as usize * 4])
    }

    fn iter(self) -> impl Iterator<Item = u32> {
        self.0
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The embedded table, read in place.
pub struct WordNet {
    meta: Numbers,
    /// Where each synset's hypernyms, antonyms, heads and pertainyms end
    /// in `links` (four per synset).
    ends: Numbers,
    links: Numbers,
    /// The first lemma of each synset, for reasons ("a kind of …").
    names: Numbers,
    /// Lemmas (lowercase, `_` for spaces), in byte order, concatenated;
    /// lemma `k` is `lemma_text[lemma_at[k]..lemma_at[k + 1]]`.
    lemma_at: Numbers,
    lemma_text: &'static [u8],
    /// Lemma `k`'s synsets, most frequent first, are
    /// `senses[sense_at[k]..sense_at[k + 1]]`.
    sense_at: Numbers,
    senses: Numbers,
    /// Irregular inflections, `inflected base…`, sorted.
    irregular_at: Numbers,
    irregular_text: &'static [u8],
}

static WORDNET: LazyLock<WordNet> = LazyLock::new(|| WordNet::read(IMAGE));

/// The table embedded in the binary.
#[must_use]
pub fn wordnet() -> &'static WordNet {
    &WORDNET
}

/// Senses looked at when deciding that two words are siblings: the most
/// frequent ones, so a rare sense does not make "bank" a kind of "slope".
const TOP_SENSES: usize = 3;
/// Senses looked at for opposites: a rare sense of one word opposes a
/// rare sense of many ("made" / "out", "short" / "far").
const ANTONYM_SENSES: usize = 6;
/// Adjective senses also looked at for opposites when both words stand
/// before a noun ("elderly users" / "young users": a word's senses are
/// listed noun first, so "young" the adjective sits behind eight nouns).
const ANTONYM_ADJECTIVE_SENSES: usize = 3;
/// Senses looked at for siblings: fewer, since a sibling is a factual
/// flag and near-synonyms are often siblings in some rarer sense.
const SIBLING_SENSES: usize = 1;
/// Verb senses whose broader verbs are compared for opposites ("extend"
/// / "reduce"): the most frequent, as for siblings.
const OPPOSED_KIND_SENSES: usize = 2;
/// A verb with more senses than this is too vague for that comparison.
const VAGUE_VERB_SENSES: usize = 24;
/// Noun senses read for a word's concrete kind.
const CONCRETE_SENSES: usize = 2;
/// A concrete kind's sense must be this deep: "food" (4) covers "milk"
/// (6) and "meat" (5), and names no kind of its own.
const CONCRETE_DEPTH: u8 = 5;
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
    /// Splits the image into its sections (layout in `build.rs`).
    fn read(image: &'static [u8]) -> Self {
        const HEADER: usize = 7;
        let head = Numbers(&image[..HEADER * 4]);
        let count = |i: usize| head.get(i) as usize;
        let (synsets, links, lemmas, senses, irregular) = (count(0), count(1), count(2), count(3), count(4));
        let mut rest = &image[HEADER * 4..];
        let mut take = |bytes: usize| {
            let (section, tail) = rest.split_at(bytes);
            rest = tail;
            section
        };
        let meta = Numbers(take(synsets * 4));
        let ends = Numbers(take(synsets * 16));
        let links = Numbers(take(links * 4));
        let names = Numbers(take(synsets * 4));
        let lemma_at = Numbers(take((lemmas + 1) * 4));
        let sense_at = Numbers(take((lemmas + 1) * 4));
        let senses = Numbers(take(senses * 4));
        let irregular_at = Numbers(take((irregular + 1) * 4));
        let lemma_text = take(count(5));
        let irregular_text = take(count(6));
        Self {
            meta,
            ends,
            links,
            names,
            lemma_at,
            lemma_text,
            sense_at,
            senses,
            irregular_at,
            irregular_text,
        }
    }

    fn list(&self, s: u32, which: usize) -> Numbers {
        let i = s as usize * 4 + which;
        let from = if i == 0 { 0 } else { self.ends.get(i - 1) };
        self.links.slice(from, self.ends.get(i))
    }

    fn hypers(&self, s: u32) -> Numbers {
        self.list(s, 0)
    }

    fn antonyms(&self, s: u32) -> Numbers {
        self.list(s, 1)
    }

    fn heads(&self, s: u32) -> Numbers {
        self.list(s, 2)
    }

    fn pertains(&self, s: u32) -> Numbers {
        self.list(s, 3)
    }

    fn lemma(&self, k: usize) -> &'static [u8] {
        &self.lemma_text[self.lemma_at.get(k) as usize..self.lemma_at.get(k + 1) as usize]
    }

    /// The index of a lemma, by binary search over the sorted lemmas.
    fn find_lemma(&self, word: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.lemma_at.len() - 1);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            match self.lemma(mid).cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    fn lemma_senses(&self, k: usize) -> Numbers {
        self.senses.slice(self.sense_at.get(k), self.sense_at.get(k + 1))
    }

    /// Base forms WordNet lists for an irregular inflection ("geese").
    fn irregular(&self, word: &str) -> impl Iterator<Item = &'static str> {
        let entry = |k: usize| {
            &self.irregular_text[self.irregular_at.get(k) as usize..self.irregular_at.get(k + 1) as usize]
        };
        let key = |k: usize| entry(k).split(|&b| b == b' ').next().unwrap_or_default();
        let (mut lo, mut hi) = (0, self.irregular_at.len() - 1);
        let mut found = None;
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            match key(mid).cmp(word.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    found = Some(mid);
                    break;
                }
            }
        }
        found
            .map(entry)
            .and_then(|e| std::str::from_utf8(e).ok())
            .into_iter()
            .flat_map(|e| e.split(' ').skip(1))
    }

    /// The lemmas a (lowercase) word form may be an inflection of,
    /// itself first when the table has it.
    /// Lemma numbers of a word form's base forms, through a per-thread
    /// cache (at most `BASES_CACHED` words, then started afresh): a book
    /// asks for the same words again and again.
    fn bases(&self, word: &str) -> Vec<usize> {
        type Cache = std::collections::HashMap<
            Box<str>,
            Box<[u32]>,
            std::hash::BuildHasherDefault<crate::engine::lexicon::WordHasher>,
        >;
        thread_local! {
            static SEEN: std::cell::RefCell<Cache> = std::cell::RefCell::new(Cache::default());
        }
        let known = SEEN.with(|m| {
            m.borrow()
                .get(word)
                .map(|b| b.iter().map(|&k| k as usize).collect())
        });
        if let Some(found) = known {
            return found;
        }
        let out = self.find_bases(word);
        SEEN.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= BASES_CACHED {
                m.clear();
            }
            let value = out.iter().filter_map(|&k| u32::try_from(k).ok()).collect();
            m.insert(word.into(), value);
        });
        out
    }

    fn find_bases(&self, word: &str) -> Vec<usize> {
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
        for b in self.irregular(&key) {
            push(b);
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

    /// The lemmas a word form may inflect, by number: two forms inflect
    /// one lemma ([`WordNet::same_lemma`]) when their lists share one.
    #[must_use]
    pub fn lemmas(&self, word: &str) -> Vec<usize> {
        self.bases(word)
    }

    /// Whether two word forms may inflect one lemma ("knew" / "know",
    /// "geese" / "goose").
    #[must_use]
    pub fn same_lemma(&self, a: &str, b: &str) -> bool {
        let of_b = self.bases(b);
        self.bases(a).iter().any(|k| of_b.contains(k))
    }

    /// Whether the word as written is a noun of the table, not only an
    /// inflection of one ("bed" is; "stabled", a verb's form, is not).
    #[must_use]
    pub fn is_noun_lemma(&self, word: &str) -> bool {
        self.find_lemma(&word.replace(' ', "_")).is_some_and(|k| {
            self.lemma_senses(k)
                .iter()
                .any(|s| self.synset(s).pos() == Pos::Noun)
        })
    }

    /// The lemma "verb particle" of a verb form and a particle, where the
    /// table has one ("got", "off" → "get off").
    #[must_use]
    pub fn phrasal_lemma(&self, verb: &str, particle: &str) -> Option<String> {
        self.bases(verb).into_iter().find_map(|k| {
            let base = std::str::from_utf8(self.lemma(k)).ok()?;
            if !(verb_inflects(verb, base) || self.irregular(verb).any(|b| b == base)) {
                return None;
            }
            let key = format!("{base}_{particle}");
            self.find_lemma(&key).map(|_| key.replace('_', " "))
        })
    }

    /// Whether the table knows the word in some inflection.
    #[must_use]
    pub fn knows(&self, word: &str) -> bool {
        !self.bases(word).is_empty()
    }

    /// Synsets of a word form: every sense, or the first `top` senses of
    /// each base form.
    fn senses(&self, word: &str, top: Option<usize>) -> Vec<u32> {
        self.senses_of(&self.bases(word), top)
    }

    /// [`WordNet::senses`] of a word form whose base forms are looked up
    /// already (`bases`): a word asked for several sense lists is looked
    /// up once.
    fn senses_of(&self, bases: &[usize], top: Option<usize>) -> Vec<u32> {
        let mut out = Vec::new();
        for &b in bases {
            let all = self.lemma_senses(b);
            out.extend(all.iter().take(top.unwrap_or(usize::MAX)));
        }
        out
    }

    /// The first `top` senses of one part of speech of a word form whose
    /// base forms are `bases`.
    fn senses_as(&self, bases: &[usize], pos: Pos, top: usize) -> Vec<u32> {
        let mut out = Vec::new();
        for &b in bases {
            let of_pos = self
                .lemma_senses(b)
                .iter()
                .filter(|&s| self.synset(s).pos() == pos);
            out.extend(of_pos.take(top));
        }
        out
    }

    fn synset(&self, s: u32) -> Meta {
        Meta(self.meta.get(s as usize))
    }

    /// A synset and what an adjective satellite leans on.
    fn with_heads(&self, s: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::once(s).chain(self.heads(s).iter())
    }

    /// Ancestors of `s` up to `steps` hypernym (or satellite-head) links.
    fn ancestors(&self, s: u32, steps: usize) -> Vec<u32> {
        // Each step's front is the run of `out` the step before added
        // (the same order as a separate list of them, without one).
        let mut out = vec![s];
        let mut front = 0..1;
        for _ in 0..steps {
            let added = out.len();
            for k in front {
                let x = out[k];
                for h in self.hypers(x).iter().chain(self.heads(x).iter()) {
                    if !out.contains(&h) {
                        out.push(h);
                    }
                }
            }
            front = added..out.len();
        }
        out
    }

    /// Whether the word is an irregular inflection the table lists
    /// ("led", "known", "geese").
    #[must_use]
    pub fn is_irregular_form(&self, word: &str) -> bool {
        self.irregular(word).next().is_some()
    }

    /// Whether the table knows the word (in some inflection) as an
    /// ordinary word: by some sense that is no particular person or place
    /// ("valley" is; "Qatar", "Nike" are not).
    #[must_use]
    pub fn knows_as_common(&self, word: &str) -> bool {
        self.senses(word, None)
            .iter()
            .any(|&s| !self.synset(s).instance())
    }

    /// Whether a word's most frequent noun sense is a kind of person ("CEO",
    /// "senator", "spokeswoman"), not a particular one.
    #[must_use]
    pub fn names_a_role(&self, word: &str) -> bool {
        const NOUN_PERSON: u32 = 18;
        self.senses(word, Some(1)).iter().any(|&s| {
            let syn = self.synset(s);
            syn.pos() == Pos::Noun && syn.lexfile() == NOUN_PERSON && !syn.instance()
        })
    }

    /// The kinds of thing a word's first two noun senses name, most
    /// frequent first, when they are animals, plants, foods or parts of the
    /// body: kinds where another word names another thing ("milk" /
    /// "meat", "knee" / "ankle"), unlike acts, ideas or qualities, which
    /// rewording renames freely. (Not persons:
    /// WordNet leaves near synonyms far apart there, "reporter" /
    /// "journalist", "manager" / "boss".) The kind is WordNet's
    /// lexicographer file, read from senses that are no particular person
    /// or place ("cheddar" is a cheese before it is a village).
    fn concrete_kinds(&self, word: &str) -> Vec<&'static str> {
        self.senses(word, None)
            .into_iter()
            .map(|s| self.synset(s))
            .filter(|syn| syn.pos() == Pos::Noun && !syn.instance())
            .take(CONCRETE_SENSES)
            // "food", "animal": a word general enough to cover the other
            // names no kind of its own.
            .filter(|syn| syn.depth() >= CONCRETE_DEPTH)
            .filter_map(|syn| match syn.lexfile() {
                5 => Some("animal"),
                8 => Some("part of the body"),
                13 => Some("food"),
                20 => Some("plant"),
                _ => None,
            })
            .collect()
    }

    /// A kind two nouns share among their first two senses ("lobster", a
    /// food first and an animal, and "crab", an animal).
    #[must_use]
    pub fn shared_concrete_kind(&self, a: &str, b: &str) -> Option<&'static str> {
        let of_b = self.concrete_kinds(b);
        self.concrete_kinds(a).into_iter().find(|k| of_b.contains(k))
    }

    /// Whether a word's most frequent sense is a noun.
    #[must_use]
    pub fn is_noun(&self, word: &str) -> bool {
        let bases = self.bases(word);
        let Some(base) = bases.first() else {
            return false;
        };
        // "appealed", "fleeing": an inflected verb form, whatever its base.
        if self.lemma(*base) != word.as_bytes() && (word.ends_with("ed") || word.ends_with("ing")) {
            return false;
        }
        self.lemma_senses(*base)
            .iter()
            .next()
            .is_some_and(|s| self.synset(s).pos() == Pos::Noun)
    }

    /// Whether a word's most frequent sense is an adverb ("then",
    /// "meanwhile").
    #[must_use]
    pub fn is_adverb(&self, word: &str) -> bool {
        self.first_pos(word) == Some(Pos::Adv)
    }

    /// Whether a word has an adjective sense ("slow", "narrow"; not
    /// "table").
    #[must_use]
    pub fn can_be_adjective(&self, word: &str) -> bool {
        self.bases(word).iter().any(|&base| {
            self.lemma_senses(base)
                .iter()
                .any(|s| self.synset(s).pos() == Pos::Adj)
        })
    }

    /// The part of speech of a word's most frequent sense.
    fn first_pos(&self, word: &str) -> Option<Pos> {
        let base = *self.bases(word).first()?;
        let s = self.lemma_senses(base).iter().next()?;
        Some(self.synset(s).pos())
    }

    /// The first lemma of a synset, with spaces.
    #[must_use]
    pub fn name(&self, s: u32) -> String {
        let i = (s as usize) < self.names.len();
        let k = if i { self.names.get(s as usize) } else { u32::MAX };
        if k == u32::MAX {
            return String::new();
        }
        String::from_utf8_lossy(self.lemma(k as usize)).replace('_', " ")
    }

    /// The first tests of [`WordNet::relation_as`], on all the senses of
    /// each word: `Unknown` when one has none, `Synonym` when they share
    /// one, `Derived` when one derives from the other; `None` when the
    /// further tests decide.
    fn shared_or_derived(&self, all_a: &[u32], all_b: &[u32]) -> Option<Relation> {
        if all_a.is_empty() || all_b.is_empty() {
            return Some(Relation::Unknown);
        }
        if all_a.iter().any(|s| all_b.contains(s)) {
            return Some(Relation::Synonym);
        }
        let derives = |from: &[u32], to: &[u32]| {
            from.iter()
                .any(|&s| self.pertains(s).iter().any(|p| to.contains(&p)))
        };
        if derives(all_a, all_b) || derives(all_b, all_a) {
            return Some(Relation::Derived);
        }
        None
    }

    /// Whether [`WordNet::relation`] of the two is `Synonym`: they share a
    /// sense (the first test of [`WordNet::relation_as`], whatever the
    /// attributive flag; every later test gives another answer).
    #[must_use]
    pub fn is_synonym(&self, a: &str, b: &str) -> bool {
        let (all_a, all_b) = (self.senses(a, None), self.senses(b, None));
        all_a.iter().any(|s| all_b.contains(s))
    }

    /// Whether [`WordNet::relation`] of the two is `Synonym` or `Derived`,
    /// without the later tests (opposites, broader words, siblings) that
    /// could only give another answer.
    #[must_use]
    pub fn synonym_or_derived(&self, a: &str, b: &str) -> bool {
        let (all_a, all_b) = (self.senses(a, None), self.senses(b, None));
        matches!(
            self.shared_or_derived(&all_a, &all_b),
            Some(Relation::Synonym | Relation::Derived)
        )
    }

    /// How `b` relates to `a` (both lowercase word forms).
    #[must_use]
    pub fn relation(&self, a: &str, b: &str) -> Relation {
        self.relation_as(a, b, false)
    }

    /// How `b` relates to `a`; `attributive` when both stand before a noun,
    /// where their adjective senses count for opposites.
    #[must_use]
    pub fn relation_as(&self, a: &str, b: &str, attributive: bool) -> Relation {
        // Each word's base forms looked up once for all its sense lists.
        let (bases_a, bases_b) = (self.bases(a), self.bases(b));
        let all_a = self.senses_of(&bases_a, None);
        let all_b = self.senses_of(&bases_b, None);
        if let Some(r) = self.shared_or_derived(&all_a, &all_b) {
            return r;
        }
        let top_a = self.senses_of(&bases_a, Some(TOP_SENSES));
        let top_b = self.senses_of(&bases_b, Some(TOP_SENSES));
        let opposable = |bases: &[usize]| {
            let mut senses = self.senses_of(bases, Some(ANTONYM_SENSES));
            if attributive {
                senses.extend(self.senses_as(bases, Pos::Adj, ANTONYM_ADJECTIVE_SENSES));
            }
            senses
        };
        let (opp_a, opp_b) = (opposable(&bases_a), opposable(&bases_b));
        let heads_b: Vec<u32> = opp_b.iter().flat_map(|&s| self.with_heads(s)).collect();
        let heads_a: Vec<u32> = opp_a.iter().flat_map(|&s| self.with_heads(s)).collect();
        let opposed = heads_a
            .iter()
            .any(|&x| self.antonyms(x).iter().any(|y| heads_b.contains(&y)));
        // Opposed only through the heads of satellites, and satellites of
        // one head too: alike ("previous" / "earlier", both "early").
        // Words whose own senses oppose ("late" / "early") stay opposites.
        let direct = opp_a
            .iter()
            .any(|&x| self.antonyms(x).iter().any(|y| opp_b.contains(&y)));
        let alike = heads_a.iter().any(|x| heads_b.contains(x));
        if opposed && (direct || !alike) {
            return Relation::Antonym;
        }
        // Each sense's ancestors found once, not once per sense of the
        // other word (the same tests in the same order).
        let mut up_b: Vec<Option<Vec<u32>>> = vec![None; top_b.len()];
        for &x in &top_a {
            let up_x = self.ancestors(x, BROADER_STEPS);
            for (&y, up_y) in top_b.iter().zip(&mut up_b) {
                if up_x.contains(&y) {
                    return Relation::Broader;
                }
                if up_y
                    .get_or_insert_with(|| self.ancestors(y, BROADER_STEPS))
                    .contains(&x)
                {
                    return Relation::Narrower;
                }
            }
        }
        if self.opposed_kinds(&bases_a, &bases_b) {
            return Relation::Antonym;
        }
        let first_a = self.senses_of(&bases_a, Some(SIBLING_SENSES));
        let first_b = self.senses_of(&bases_b, Some(SIBLING_SENSES));
        self.sibling(&first_a, &first_b)
            .map_or(Relation::Unrelated, Relation::Sibling)
    }

    /// Whether two verbs are ways of doing opposite things: one of the
    /// first senses of each, or the verb each is a way of, are opposites
    /// ("extend" is a way to "increase", "reduce" one to "decrease").
    /// Checked after synonyms and broader words, which are rewording. A
    /// verb of very many senses ("go", "take") is left out: its first
    /// senses say little of the one meant ("stayed with friends" / "went
    /// to friends").
    fn opposed_kinds(&self, bases_a: &[usize], bases_b: &[usize]) -> bool {
        let up = |bases: &[usize]| -> Vec<u32> {
            if self.senses_as(bases, Pos::Verb, usize::MAX).len() > VAGUE_VERB_SENSES {
                return Vec::new();
            }
            self.senses_as(bases, Pos::Verb, OPPOSED_KIND_SENSES)
                .into_iter()
                .flat_map(|s| self.ancestors(s, 1))
                .collect()
        };
        let (up_a, up_b) = (up(bases_a), up(bases_b));
        up_a.iter()
            .any(|&x| self.antonyms(x).iter().any(|y| up_b.contains(&y)))
    }

    /// A class both nouns are direct kinds of, deep enough to be specific.
    /// Only nouns: verbs' hierarchy makes near-synonyms siblings ("tumble"
    /// / "plummet"), and satellite adjectives of one head are similar, not
    /// different ("severe" / "intense").
    fn sibling(&self, top_a: &[u32], top_b: &[u32]) -> Option<u32> {
        let mut up_b: Vec<Option<Vec<u32>>> = vec![None; top_b.len()];
        for &x in top_a {
            if self.synset(x).pos() != Pos::Noun {
                continue;
            }
            let up_x = self.ancestors(x, 1);
            for (&y, up_y) in top_b.iter().zip(&mut up_b) {
                if self.synset(y).pos() != Pos::Noun {
                    continue;
                }
                let up_y = up_y.get_or_insert_with(|| self.ancestors(y, 1));
                let shared = up_x
                    .iter()
                    .filter(|c| **c != x && **c != y && up_y.contains(c))
                    .find(|&&c| self.synset(c).depth() >= SIBLING_NOUN_DEPTH);
                if let Some(&c) = shared {
                    return Some(c);
                }
            }
        }
        None
    }
}

/// Whether `word` is `base` or a regular verb form of it: "-s", "-es",
/// "-ed", "-ing", with a final "e" dropped, a consonant doubled or "y"
/// turned to "i" ("stepped", "tries"); not "beer" for "be".
fn verb_inflects(word: &str, base: &str) -> bool {
    word == base
        || ["s", "es", "ed", "d", "ing"].iter().any(|suffix| {
            word.strip_suffix(suffix).is_some_and(|stem| {
                stem == base
                    || base.strip_suffix('e') == Some(stem)
                    || base
                        .strip_suffix('y')
                        .is_some_and(|b| stem.strip_suffix('i') == Some(b))
                    || (stem.len() == base.len() + 1
                        && stem.starts_with(base)
                        && stem.ends_with(|c| base.ends_with(c)))
            })
        })
}

/// Word pairs whose relation one thread keeps (see [`relation_cached`]).
const RELATIONS_CACHED: usize = 1 << 15;

/// One thread's answers about word pairs, and a buffer for building keys.
type PairCache<T> = std::cell::RefCell<(
    std::collections::HashMap<
        Box<[u8]>,
        T,
        std::hash::BuildHasherDefault<crate::engine::lexicon::WordHasher>,
    >,
    Vec<u8>,
)>;

/// The answer about the pair `a`, `b` (and `flag`) through a per-thread
/// cache, `compute` asked on a miss: a book repeats its word pairs, so
/// each thread works a pair out once. The key is built in a reused
/// buffer (the length of `a`, `a`, `b`, the flag: no two pairs share
/// one), so a pair seen before costs no allocation; the cache holds at
/// most `RELATIONS_CACHED` pairs, then starts afresh.
fn pair_cached<T: Copy + 'static>(
    seen: &'static std::thread::LocalKey<PairCache<T>>,
    (a, b, flag): (&str, &str, bool),
    compute: impl FnOnce() -> T,
) -> T {
    seen.with(|seen| {
        let mut seen = seen.borrow_mut();
        let (cache, key) = &mut *seen;
        key.clear();
        key.extend_from_slice(&a.len().to_le_bytes());
        key.extend_from_slice(a.as_bytes());
        key.extend_from_slice(b.as_bytes());
        key.push(u8::from(flag));
        if let Some(&r) = cache.get(key.as_slice()) {
            return r;
        }
        let r = compute();
        if cache.len() >= RELATIONS_CACHED {
            cache.clear();
        }
        cache.insert(key.as_slice().into(), r);
        r
    })
}

/// [`WordNet::relation_as`] through a per-thread cache (see
/// [`pair_cached`]).
#[must_use]
pub fn relation_cached(a: &str, b: &str, attributive: bool) -> Relation {
    thread_local! {
        static SEEN: PairCache<Relation> = PairCache::default();
    }
    pair_cached(&SEEN, (a, b, attributive), || {
        wordnet().relation_as(a, b, attributive)
    })
}

/// [`WordNet::synonym_or_derived`] through a per-thread cache (see
/// [`pair_cached`]): asked of a name against every capitalised word
/// beside it, and a book repeats its names.
#[must_use]
pub fn synonym_or_derived_cached(a: &str, b: &str) -> bool {
    thread_local! {
        static SEEN: PairCache<bool> = PairCache::default();
    }
    pair_cached(&SEEN, (a, b, false), || wordnet().synonym_or_derived(a, b))
}

#[cfg(test)]
mod tests {
    use super::{Relation, wordnet};

    /// The shortcut answers as the whole relation does, on pairs of every
    /// kind.
    #[test]
    fn synonym_or_derived_is_the_relation_test() {
        let words = [
            "italy",
            "italian",
            "us",
            "american",
            "rose",
            "fell",
            "rock",
            "jazz",
            "car",
            "automobile",
            "bombing",
            "attack",
            "france",
            "french",
            "paris",
            "london",
            "zzqx",
            "big",
            "large",
            "small",
            "sister",
            "brother",
            "iraq",
            "iraqi",
            "explicit",
            "implicit",
            "god",
            "lord",
            "israel",
            "israelite",
            "egypt",
            "egyptian",
            "jerusalem",
            "david",
            "moses",
        ];
        let wn = wordnet();
        let mut both = 0;
        for a in words {
            for b in words {
                let whole = matches!(wn.relation(a, b), Relation::Synonym | Relation::Derived);
                assert_eq!(wn.synonym_or_derived(a, b), whole, "{a} / {b}");
                for attributive in [false, true] {
                    let synonym = wn.relation_as(a, b, attributive) == Relation::Synonym;
                    assert_eq!(wn.is_synonym(a, b), synonym, "{a} / {b}");
                }
                both += usize::from(whole && a != b);
            }
        }
        assert!(both > 4, "{both} pairs related");
    }

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
    fn phrasal_verbs_from_verb_forms_only() {
        let wn = wordnet();
        assert_eq!(wn.phrasal_lemma("got", "off").as_deref(), Some("get off"));
        assert_eq!(wn.phrasal_lemma("stepped", "down").as_deref(), Some("step down"));
        assert_eq!(wn.phrasal_lemma("tries", "out").as_deref(), Some("try out"));
        // "beer" is no form of "be", whatever "be on" means.
        assert_eq!(wn.phrasal_lemma("beer", "on"), None);
        assert_eq!(wn.phrasal_lemma("table", "up"), None);
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
        assert_eq!(rel("late", "early"), Relation::Antonym);
    }

    #[test]
    fn satellites_of_one_head_are_not_opposites() {
        // "previous" and "earlier" both lean on "early"; other senses
        // ("former" → past, "early" → future) oppose only through heads.
        assert_ne!(rel("previous", "earlier"), Relation::Antonym);
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
