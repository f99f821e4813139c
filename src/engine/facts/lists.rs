//! Closed word lists the detectors share. General English only: no list
//! may hold a word specific to one story.

pub use crate::engine::words::{MORE_FUNCTION_WORDS, NAME_CONNECTORS, NOT_NAMES};

/// Whether a folded word denies as "not" does: "not", "no", "never",
/// "didn't", "refused".
#[must_use]
pub fn is_denial(fold: &str) -> bool {
    use crate::engine::words::{NEGATIVE_VERBS, NEGATORS};
    NEGATORS.contains(&fold) || fold.ends_with("n't") || NEGATIVE_VERBS.contains(&fold)
}

/// Whether a folded word is a function word (ends a noun phrase).
#[must_use]
pub fn is_function_word(fold: &str) -> bool {
    // A stop word or one of `MORE_FUNCTION_WORDS`, in one look-up.
    crate::engine::lexicon::is_function_word(fold)
}
