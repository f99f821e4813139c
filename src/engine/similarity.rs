//! How alike two sentences are, in a way that survives rewording: shared
//! stemmed content words, shared numbers, and a length term.

use super::lexicon::{fold, is_stop_word, stem};
use super::segment::{TokenKind, tokens};

/// What the aligner needs to know of one sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceProfile {
    /// Sorted, deduplicated stems of content words and numbers.
    pub stems: Vec<String>,
    /// Length in characters.
    pub chars: usize,
}

impl SentenceProfile {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut stems: Vec<String> = tokens(text, 0)
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| fold(t.text))
            .filter(|w| !is_stop_word(w))
            .map(|w| stem(&w))
            .collect();
        stems.sort_unstable();
        stems.dedup();
        Self {
            stems,
            chars: text.chars().count(),
        }
    }

    /// Similarity in 0..=1 of two runs of consecutive sentences.
    #[must_use]
    pub fn similarity_of_runs(a: &[Self], b: &[Self]) -> f32 {
        let (sa, la) = merge(a);
        let (sb, lb) = merge(b);
        let shared = count_shared(&sa, &sb);
        let total = sa.len() + sb.len();
        let lexical = if total == 0 {
            0.0
        } else {
            2.0 * shared as f32 / total as f32
        };
        let length = if la.max(lb) == 0 {
            0.0
        } else {
            la.min(lb) as f32 / la.max(lb) as f32
        };
        0.8 * lexical + 0.2 * length
    }
}

fn merge(run: &[SentenceProfile]) -> (Vec<&str>, usize) {
    let mut stems: Vec<&str> = run
        .iter()
        .flat_map(|p| p.stems.iter().map(String::as_str))
        .collect();
    stems.sort_unstable();
    stems.dedup();
    (stems, run.iter().map(|p| p.chars).sum())
}

fn count_shared(a: &[&str], b: &[&str]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
