//! Word normalisation shared by alignment and fact detection: case and
//! apostrophe folding, stop words, stemming.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Function words that carry no content for alignment.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as",
    "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he",
    "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me",
    "who", "whom", "which", "what", "there", "then", "so", "had", "has", "have", "do", "did", "does", "not",
    "no", "into", "unto", "upon", "also", "if", "when", "while", "would", "will", "shall", "should", "could",
    "can", "may", "might", "all", "s", "t", "ye", "thee", "thou", "thy", "thine", "hath", "doth", "unto",
];

/// Lowercases and folds typographic apostrophes to `'`.
#[must_use]
pub fn fold(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => '\'',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[must_use]
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.contains(&folded)
}

/// The stem of a folded word; archaic `-eth` / `-est` verb endings are
/// stripped first so "cometh" and "comes" meet.
#[must_use]
pub fn stem(folded: &str) -> String {
    let base = folded.strip_suffix("'s").unwrap_or(folded);
    let base = strip_archaic(base);
    STEMMER.stem(base).into_owned()
}

fn strip_archaic(word: &str) -> &str {
    let n = word.chars().count();
    if n > 5 {
        for suffix in ["eth", "est"] {
            if let Some(stripped) = word.strip_suffix(suffix) {
                return stripped;
            }
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_apostrophes() {
        assert_eq!(fold("Kim’s"), "kim's");
    }

    #[test]
    fn stems_archaic_and_modern_alike() {
        assert_eq!(stem("walketh"), stem("walks"));
        assert_eq!(stem("walked"), stem("walking"));
    }
}
