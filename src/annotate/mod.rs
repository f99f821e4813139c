//! Reviewer annotations: verdicts and notes on discrepancies, anchored to
//! the text, stored atomically on disk, exported for others.
//!
//! Typical use (the review screen): [`Store::for_pair`] → [`Store::load`]
//! (print its warnings) → [`attach`] to the fresh comparison → edit with
//! [`Attached::set_verdict`] / [`Attached::set_note`] /
//! [`Attached::add_span_note`] → [`Store::save`] the [`Attached::file`] and
//! [`Attached::replace_file`] with what the save merged.

pub mod anchor;
pub mod attach;
pub mod export;
pub mod follow;
pub mod model;
pub mod store;
#[cfg(test)]
pub(crate) mod testutil;

pub use attach::{Attached, Orphan, OrphanReason, attach};
pub use model::{
    Anchor, Annotation, AnnotationFile, CURRENT_VERSION, PositionSelector, QuoteSelector, Side, Target,
    Timestamp, Verdict,
};
pub use store::{Loaded, Saved, Store, StoreError, write_atomic};
