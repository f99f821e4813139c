//! Search across both texts: the typed query, its matches in reading order
//! and which one is current.

use super::pair::{Pair, Side};
use crate::engine::Span;

/// Most matches kept, so a one-letter query on a book stays cheap.
const MAX_MATCHES: usize = 100_000;

/// One occurrence of the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub side: Side,
    pub span: Span,
    pub unit: usize,
}

/// The search prompt and its results.
#[derive(Debug, Default)]
pub struct Search {
    /// What is being typed at the `/` prompt.
    pub input: String,
    /// The query that produced `matches` (empty: no active search).
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
}

impl Search {
    /// Whether `n`/`N` should move between matches.
    #[must_use]
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Runs `input` over both texts. Case-insensitive unless the query has
    /// a capital letter.
    pub fn run(&mut self, pair: &Pair) {
        self.query = std::mem::take(&mut self.input);
        self.current = None;
        self.matches.clear();
        if self.query.is_empty() {
            return;
        }
        for side in [Side::Original, Side::Rewrite] {
            let doc = pair.doc(side);
            for span in find_all(doc.text(), &self.query, doc.body_start()) {
                if self.matches.len() >= MAX_MATCHES {
                    break;
                }
                if let Some(unit) = pair.unit_at(side, span.start) {
                    self.matches.push(Match { side, span, unit });
                }
            }
        }
        self.matches.sort_by_key(|m| (m.unit, m.side, m.span.start));
    }

    /// Matches of `unit` on `side` overlapping `range`, for highlighting.
    /// Matches are sorted by unit, so this looks only at that unit's.
    pub fn within(&self, unit: usize, side: Side, range: Span) -> impl Iterator<Item = (usize, &Match)> {
        let first = self.matches.partition_point(|m| m.unit < unit);
        self.matches[first..]
            .iter()
            .take_while(move |m| m.unit == unit)
            .enumerate()
            .map(move |(i, m)| (first + i, m))
            .filter(move |(_, m)| m.side == side && m.span.overlaps(range))
    }
}

/// Byte spans of `query` in `text` from `start`, smart-case.
fn find_all(text: &str, query: &str, start: usize) -> Vec<Span> {
    let fold = !query.chars().any(char::is_uppercase);
    let q: Vec<char> = if fold {
        query.chars().flat_map(char::to_lowercase).collect()
    } else {
        query.chars().collect()
    };
    let mut out = Vec::new();
    let mut i = start;
    while i < text.len() {
        if let Some(len) = match_at(&text[i..], &q, fold) {
            out.push(Span::new(i, i + len));
            i += len.max(1);
        } else {
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        if out.len() >= MAX_MATCHES {
            break;
        }
    }
    out
}

/// Byte length of the match of `q` at the start of `s`, if it matches.
fn match_at(s: &str, q: &[char], fold: bool) -> Option<usize> {
    let mut want = q.iter();
    let mut len = 0;
    let mut chars = s.chars();
    while want.len() > 0 {
        let c = chars.next()?;
        len += c.len_utf8();
        if fold {
            for l in c.to_lowercase() {
                if want.next() != Some(&l) {
                    return None;
                }
            }
        } else if want.next() != Some(&c) {
            return None;
        }
    }
    Some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        assert_eq!(
            find_all("Ferry and ferry", "ferry", 0),
            [Span::new(0, 5), Span::new(10, 15)]
        );
        assert_eq!(find_all("Ferry and ferry", "Ferry", 0), [Span::new(0, 5)]);
        assert_eq!(find_all("Skarvøy", "ØY", 0), []);
        assert_eq!(find_all("SKARVØY", "øy", 0), [Span::new(5, 8)]);
    }
}
