//! The word lists detectors and the segmenter read, as data:
//! `assets/lexicon/words.toml`, turned into constants by `build.rs`. Words
//! are folded (lowercase) forms.

include!(concat!(env!("OUT_DIR"), "/words.rs"));

/// A filter of 256 bits set by the first byte and the length of each word
/// put in: a word whose bit is clear is surely not among them, so most
/// look-ups end on one bit instead of a scan. Built at compile time.
#[derive(Debug, Clone, Copy)]
pub struct WordFilter([u64; 4]);

/// The filter bit of a word: its first byte and its length.
const fn filter_bit(word: &[u8]) -> usize {
    let first = if word.is_empty() { 0 } else { word[0] as usize };
    (first * 31 + word.len()) % 256
}

impl Default for WordFilter {
    fn default() -> Self {
        Self::new()
    }
}

impl WordFilter {
    /// The empty filter.
    #[must_use]
    pub const fn new() -> Self {
        Self([0; 4])
    }

    /// The filter with `word` put in as well.
    #[must_use]
    pub const fn with(mut self, word: &str) -> Self {
        let bit = filter_bit(word.as_bytes());
        self.0[bit / 64] |= 1 << (bit % 64);
        self
    }

    /// Whether `word` may have been put in (false: surely not).
    #[must_use]
    pub const fn may_hold(&self, word: &str) -> bool {
        let bit = filter_bit(word.as_bytes());
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// One word list: its words in the data file's order, and a
/// [`WordFilter`] of them. Detectors ask of nearly every token whether a
/// list holds it. Reads as a slice otherwise.
#[derive(Debug, Clone, Copy)]
pub struct WordList {
    pub words: &'static [&'static str],
    filter: WordFilter,
}

impl WordList {
    #[must_use]
    pub const fn new(words: &'static [&'static str]) -> Self {
        let mut filter = WordFilter::new();
        let mut i = 0;
        while i < words.len() {
            filter = filter.with(words[i]);
            i += 1;
        }
        Self { words, filter }
    }

    /// Whether the list holds `word` (as `<[&str]>::contains`).
    #[must_use]
    pub fn contains(&self, word: &&str) -> bool {
        self.filter.may_hold(word) && self.words.contains(word)
    }
}

impl std::ops::Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.words
    }
}

impl IntoIterator for WordList {
    type Item = &'static &'static str;
    type IntoIter = std::slice::Iter<'static, &'static str>;

    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::{ALL, DISJOINT};

    fn list(name: &str) -> &'static [&'static str] {
        ALL.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, l)| *l)
            .unwrap_or_else(|| panic!("no list named {name}"))
    }

    #[test]
    fn no_list_repeats_a_word() {
        for (name, words) in ALL {
            for (i, w) in words.iter().enumerate() {
                assert!(!words[..i].contains(w), "{name} lists {w:?} twice");
            }
        }
    }

    #[test]
    fn words_are_folded_and_trimmed() {
        for (name, words) in ALL {
            for w in *words {
                assert!(!w.is_empty(), "{name} has an empty word");
                assert_eq!(*w, w.trim(), "{name}: {w:?} has spaces around it");
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
            }
        }
    }

    #[test]
    fn lists_declared_disjoint_share_no_word() {
        assert!(!DISJOINT.is_empty());
        for (a, b) in DISJOINT {
            let shared: Vec<&&str> = list(a).iter().filter(|w| list(b).contains(w)).collect();
            assert!(shared.is_empty(), "{a} and {b} both list {shared:?}");
        }
    }

    #[test]
    fn no_contrast_word_is_in_two_classes() {
        let mut seen: Vec<(&str, usize, usize)> = Vec::new();
        for (f, family) in super::CONTRAST_FAMILIES.iter().enumerate() {
            assert!(family.len() > 1, "contrast family {f} has one class");
            for (c, class) in family.iter().enumerate() {
                for w in *class {
                    assert!(
                        !seen.iter().any(|(x, ..)| x == w),
                        "{w:?} is in two contrast classes"
                    );
                    seen.push((w, f, c));
                }
            }
        }
    }

    /// The filter only rules out words a list does not hold.
    #[test]
    fn filtered_look_up_is_the_scan() {
        let others = ["", "the", "a", "x", "not", "said", "lord", "n't", "é"];
        for (_, words) in ALL {
            let list = super::WordList::new(words);
            for w in words.iter().chain(&others) {
                assert_eq!(list.contains(w), words.contains(w), "{w}");
            }
        }
    }

    #[test]
    fn no_list_is_empty() {
        for (name, words) in ALL {
            assert!(!words.is_empty(), "{name} is empty");
        }
    }
}

/// A table of words and their values, with a [`WordFilter`] of its words:
/// a token is looked up in several tables, and most words are ruled out by
/// one bit, not by a scan. Built at compile time.
#[derive(Debug, Clone, Copy)]
pub struct WordTable<T: 'static> {
    pub entries: &'static [(&'static str, T)],
    filter: WordFilter,
}

impl<T: Copy> WordTable<T> {
    #[must_use]
    pub const fn new(entries: &'static [(&'static str, T)]) -> Self {
        let mut filter = WordFilter::new();
        let mut i = 0;
        while i < entries.len() {
            filter = filter.with(entries[i].0);
            i += 1;
        }
        Self { entries, filter }
    }

    /// The value of `key` (its first entry), if listed. The filter test
    /// is inlined: most look-ups end on its one bit, not worth a call.
    #[inline(always)]
    #[must_use]
    pub fn get(&self, key: &str) -> Option<T> {
        if !self.filter.may_hold(key) {
            return None;
        }
        self.find(key)
    }

    /// [`WordTable::get`] past the filter: the first entry of `key`, by a
    /// scan.
    fn find(&self, key: &str) -> Option<T> {
        self.entries.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}
