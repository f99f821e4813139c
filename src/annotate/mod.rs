//! Reviewer annotations: verdicts and notes on discrepancies, anchored to
//! the text, stored atomically on disk, exported for others.

pub mod export;
