//! The comparison engine: pure functions from two texts to a [`Comparison`].
//! No terminal, no file system, no global mutable state.

pub mod align;
pub mod comparison;
pub mod diff;
pub mod discrepancy;
pub mod facts;
pub mod lexicon;
pub mod lines;
mod par;
pub mod segment;
pub mod sentencebreak;
pub mod similarity;
pub mod text;
pub mod wordbreak;
pub mod wordnet;
pub mod words;

pub use comparison::{Comparison, Summary, Unit, compare};
pub use discrepancy::{Discrepancy, Kind, Tier};
pub use text::{Document, Span, TextError};
