//! Word normalisation shared by alignment and fact detection: case and
//! apostrophe folding, stop words, stemming.

use crate::engine::words::{NOT_ARCHAIC, STOP_WORDS};
use rust_stemmers::{Algorithm, Stemmer};
use std::hash::Hasher;
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Lowercases and folds typographic apostrophes to `'`.
#[must_use]
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer (cleared first), for hot loops.
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    // Nearly every word is ASCII: lowercase it in place, no per-character
    // iteration (the same result: ASCII lowercases to ASCII).
    // ASCII without a backtick (the common case): lowercased as copied,
    // in one pass; anything else starts again the long way.
    out.reserve(word.len());
    for &b in word.as_bytes() {
        if b >= 0x80 || b == b'`' {
            out.clear();
            break;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
    if out.len() == word.len() {
        return;
    }
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        *out = out.replace('`', "'");
        return;
    }
    out.extend(
        word.chars()
            .map(|c| match c {
                '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => '\'',
                c => c,
            })
            .flat_map(char::to_lowercase),
    );
}

/// Whether [`fold_into`] leaves `text` as it is: ASCII with no capital
/// and no backtick.
#[must_use]
pub fn is_folded(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
}

/// FNV-1a with a mixing finish: short keys (words) hash several times
/// faster than with SipHash.
/// Only for a map that is looked up, never iterated, so no output depends
/// on its order.
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        // FNV mixes its high bits poorly on short keys, and the hash table
        // tells keys apart by the top seven: a splitmix64 finish spreads
        // them (far fewer false matches, each a string comparison).
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// A set of listed words, looked up with the word hasher (never iterated).
type WordSet = std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<WordHasher>>;

static STOP_SET: LazyLock<WordSet> = LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Stop words and the further function words, in one set.
static FUNCTION_SET: LazyLock<WordSet> = LazyLock::new(|| {
    STOP_WORDS
        .iter()
        .chain(crate::engine::words::MORE_FUNCTION_WORDS)
        .copied()
        .collect()
});

#[must_use]
pub fn is_stop_word(folded: &str) -> bool {
    STOP_SET.contains(folded)
}

/// Whether a folded word is a stop word or one of the further function
/// words (`MORE_FUNCTION_WORDS`): one look-up, not a set and a list.
#[must_use]
pub fn is_function_word(folded: &str) -> bool {
    FUNCTION_SET.contains(folded)
}

/// The stem of a folded word; archaic verb forms are first rewritten to
/// their modern spelling so "cometh", "comest" and "comes" meet.
#[must_use]
pub fn stem(folded: &str) -> String {
    let base = folded.strip_suffix("'s").unwrap_or(folded);
    if let Some(&(_, modern)) = IRREGULAR.iter().find(|(old, _)| *old == base) {
        return modern.to_owned();
    }
    match modernise(base) {
        Some(modern) => STEMMER.stem(&modern).into_owned(),
        None => STEMMER.stem(base).into_owned(),
    }
}

/// Archaic or irregular forms the stemmer cannot bring together with their
/// modern counterparts, mapped straight to a stem.
const IRREGULAR: &[(&str, &str)] = &[
    ("saith", "say"),
    ("said", "say"),
    ("says", "say"),
    ("sayest", "say"),
    ("hath", "have"),
    ("hast", "have"),
    ("doth", "do"),
    ("dost", "do"),
    ("didst", "did"),
    ("spake", "spoke"),
    ("wilt", "will"),
    ("shalt", "shall"),
    ("canst", "can"),
];

/// "walketh" / "walkest" -> "walkes": the stemmer then treats it like the
/// modern third person "walks" / "makes" (the `e` is harmless either way).
/// Superlatives ("greatest" -> "greates" -> "great") come along for free.
fn modernise(word: &str) -> Option<String> {
    let stripped = word.strip_suffix("eth").or_else(|| word.strip_suffix("est"))?;
    // Too short a stem ("best", "lest") or a listed word is not archaic.
    if stripped.chars().count() < 2 || NOT_ARCHAIC.contains(&word) {
        return None;
    }
    Some(format!("{stripped}es"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fold_is_the_general_fold() {
        for w in ["Hello", "DON`T", "it's", "A1-b_C", "", "`x`", "ÉCOLE", "Don’t"] {
            let general: String = w
                .chars()
                .map(|c| match c {
                    '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => '\'',
                    c => c,
                })
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold(w), general, "{w}");
        }
    }

    #[test]
    fn folds_case_and_apostrophes() {
        assert_eq!(fold("Kim’s"), "kim's");
    }

    #[test]
    fn stems_archaic_and_modern_alike() {
        assert_eq!(stem("walketh"), stem("walks"));
        assert_eq!(stem("walked"), stem("walking"));
        assert_eq!(stem("cometh"), stem("comes"));
        assert_eq!(stem("maketh"), stem("makes"));
        assert_eq!(stem("knowest"), stem("knows"));
        assert_eq!(stem("goeth"), stem("goes"));
        assert_eq!(stem("crieth"), stem("cries"));
        assert_eq!(stem("saith"), stem("said"));
    }

    #[test]
    fn leaves_ordinary_est_words_alone() {
        assert_eq!(stem("priest"), stem("priests"));
        assert_eq!(stem("forest"), stem("forests"));
        assert_eq!(stem("beast"), stem("beasts"));
        assert_eq!(stem("greatest"), stem("great"));
    }
}
