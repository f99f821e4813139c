//! factdiff compares an original article with a rewritten copy: it aligns
//! them sentence by sentence and flags the factual edits (names, numbers,
//! dates, places, quotes, negations, attributions, truncations, added and
//! removed sentences) hidden among harmless rewording.
//!
//! ```
//! use factdiff::engine::{compare, Document};
//! let original = Document::from("Police said 40 people were hurt.");
//! let rewrite = Document::from("Police said 14 people were hurt.");
//! let result = compare(&original, &rewrite);
//! assert!(result.discrepancies.iter().any(|d| d.factual));
//! ```

pub mod annotate;
pub mod cli;
pub mod config;
pub mod engine;
pub mod input;
pub mod report;
pub mod sanitize;
#[cfg(test)]
mod test_pairs;
pub mod tui;
