//! The reviewer's verdicts and notes as the screen sees them: a thin adapter
//! over the annotate library (`Attached` for the edits, `Store` for saving
//! after every change, `Export` for `e`), translating its `Side` and
//! turning orphans and span notes into lines the sidebar can show.

use super::pair::{Pair, Side};
use super::select::Selection;
use crate::annotate::export::{Export, ExportFormat};
use crate::annotate::store::sha256_hex;
use crate::annotate::{Annotation, AnnotationFile, Attached, OrphanReason, Store, Verdict, attach};
use anyhow::Context;
use std::path::{Path, PathBuf};

/// A note on a span of text rather than on a discrepancy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeNote {
    pub side: Side,
    pub excerpt: String,
    pub note: String,
}

/// Verdicts and notes attached to the comparison, saved after every change
/// when backed by a store.
pub struct Review {
    attached: Attached,
    store: Option<Store>,
    discrepancies: usize,
    /// Problems met while loading (e.g. a corrupt file moved aside).
    pub warnings: Vec<String>,
    /// The reviewer chose the annotation file's place, so exports go there.
    export_beside: bool,
}

const fn their_side(side: Side) -> crate::annotate::Side {
    match side {
        Side::Original => crate::annotate::Side::Original,
        Side::Rewrite => crate::annotate::Side::Rewrite,
    }
}

const fn our_side(side: crate::annotate::Side) -> Side {
    match side {
        crate::annotate::Side::Original => Side::Original,
        crate::annotate::Side::Rewrite => Side::Rewrite,
    }
}

impl Review {
    /// Loads the annotations of `pair` from `path` (default: the data
    /// directory) and attaches them to its comparison.
    ///
    /// # Errors
    /// No data directory, unreadable file, or a file from a newer factdiff.
    pub fn open(pair: &Pair, path: Option<PathBuf>) -> anyhow::Result<Self> {
        let chosen = path.is_some();
        let store = Store::for_pair(pair.doc(Side::Original), pair.doc(Side::Rewrite), path)?;
        let loaded = store
            .load()
            .with_context(|| format!("cannot load annotations from '{}'", store.path().display()))?;
        let mut review = Self::with_file(pair, loaded.file, Some(store));
        review.warnings = loaded.warnings;
        review.export_beside = chosen;
        Ok(review)
    }

    /// An empty review that is never written to disk (tests, read-only use).
    #[must_use]
    pub fn in_memory(pair: &Pair) -> Self {
        let file = AnnotationFile::new(
            sha256_hex(pair.doc(Side::Original).text().as_bytes()),
            sha256_hex(pair.doc(Side::Rewrite).text().as_bytes()),
        );
        Self::with_file(pair, file, None)
    }

    fn with_file(pair: &Pair, file: AnnotationFile, store: Option<Store>) -> Self {
        let (a, b) = (pair.doc(Side::Original), pair.doc(Side::Rewrite));
        Self {
            attached: attach(file, &pair.cmp, a, b),
            store,
            discrepancies: pair.cmp.discrepancies.len(),
            warnings: Vec::new(),
            export_beside: false,
        }
    }

    /// Where annotations are saved, if anywhere.
    #[must_use]
    pub fn path(&self) -> Option<&Path> {
        self.store.as_ref().map(Store::path)
    }

    #[must_use]
    pub fn verdict(&self, i: usize) -> Verdict {
        self.attached.verdict(i)
    }

    #[must_use]
    pub fn note(&self, i: usize) -> &str {
        self.attached.note(i)
    }

    /// # Errors
    /// The annotation file could not be written.
    pub fn set_verdict(&mut self, i: usize, v: Verdict) -> anyhow::Result<()> {
        if self.attached.set_verdict(i, v) {
            self.save()?;
        }
        Ok(())
    }

    /// # Errors
    /// The annotation file could not be written.
    pub fn set_note(&mut self, i: usize, text: &str) -> anyhow::Result<()> {
        if self.attached.set_note(i, text) {
            self.save()?;
        }
        Ok(())
    }

    /// # Errors
    /// The annotation file could not be written, or the span is not text.
    pub fn add_span_note(&mut self, sel: Selection, text: &str) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.attached.add_span_note(their_side(sel.side), sel.span, text),
            "cannot anchor a note to that selection"
        );
        self.save()
    }

    /// Writes the annotations, merged with whatever another instance saved.
    fn save(&mut self) -> anyhow::Result<()> {
        let Some(store) = &self.store else { return Ok(()) };
        let saved = store.save(self.attached.file())?;
        self.warnings.extend(saved.warnings);
        self.attached.replace_file(saved.file);
        Ok(())
    }

    /// Notes on spans of text, with the text they are on.
    #[must_use]
    pub fn free_notes(&self, pair: &Pair) -> Vec<FreeNote> {
        self.attached
            .span_notes()
            .map(|(a, side, span)| FreeNote {
                side: our_side(side),
                excerpt: pair.doc(our_side(side)).slice(span).to_owned(),
                note: a.note.clone(),
            })
            .collect()
    }

    /// Annotations that no longer match the text, one line each.
    #[must_use]
    pub fn orphans(&self) -> Vec<String> {
        self.attached
            .orphans()
            .map(|(a, why)| orphan_line(a, why))
            .collect()
    }

    /// How many discrepancies have a verdict.
    #[must_use]
    pub fn reviewed(&self) -> usize {
        (0..self.discrepancies)
            .filter(|&i| self.attached.verdict(i) != Verdict::Unset)
            .count()
    }

    /// Writes the Markdown export where the reviewer will find it: next to
    /// an annotation file they named with `--annotations`, else in the
    /// current directory as `<rewrite name>.review.md`; returns where.
    ///
    /// # Errors
    /// The file could not be written.
    pub fn export(&self, pair: &Pair) -> anyhow::Result<PathBuf> {
        let md = ExportFormat::Markdown.extension();
        let path = match (&self.export_beside, self.path()) {
            (true, Some(p)) => p.with_extension(md),
            _ => {
                let stem = Path::new(pair.name(Side::Rewrite))
                    .file_stem()
                    .map_or_else(|| "factdiff".to_owned(), |s| s.to_string_lossy().into_owned());
                PathBuf::from(format!("{stem}.review.{md}"))
            }
        };
        let export = Export {
            original_name: pair.name(Side::Original),
            rewrite_name: pair.name(Side::Rewrite),
            comparison: &pair.cmp,
            annotations: &self.attached,
            files: None,
        };
        export.write_to(ExportFormat::Markdown, &path)?;
        Ok(path)
    }
}

/// “quoted text” [verdict]: note — for an orphaned annotation.
fn orphan_line(a: &Annotation, why: OrphanReason) -> String {
    let quote = [crate::annotate::Side::Rewrite, crate::annotate::Side::Original]
        .iter()
        .find_map(|&s| a.target.anchor(s))
        .map(|anchor| anchor.quote.exact.clone())
        .unwrap_or_default();
    let why = match why {
        OrphanReason::NotFound => "",
        OrphanReason::Duplicate { .. } => " (duplicate)",
    };
    format!("“{quote}” [{}]{why} {}", a.verdict.label(), a.note)
}
