//! The reviewer's verdicts and notes as the screen sees them: a thin adapter
//! over the annotate library (`Attached` for the edits, `Store` for saving
//! after every change, `Export` for `e`), translating its `Side` and
//! turning orphans and span notes into lines the sidebar can show.

use super::pair::{Pair, Side};
use super::select::Selection;
use crate::annotate::follow::load_following;
use crate::annotate::store::sha256_hex;
use crate::annotate::{Annotation, AnnotationFile, Attached, OrphanReason, Store, Verdict, attach};
use crate::report::Format;
use crate::report::view::{Verdicts, View};
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
    /// What opening found, for the status bar: an earlier review re-anchored.
    pub notice: Option<String>,
    /// The reviewer chose the annotation file's place, so exports go there.
    export_beside: bool,
    /// The file the last `e` wrote, which the next `e` may replace.
    last_export: Option<PathBuf>,
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
        let (a, b) = (pair.doc(Side::Original), pair.doc(Side::Rewrite));
        let store =
            Store::for_pair(a, b, path)?.with_sources(pair.name(Side::Original), pair.name(Side::Rewrite));
        let (loaded, earlier) = load_following(&store, a, b)
            .with_context(|| format!("cannot load annotations from '{}'", store.path().display()))?;
        let stale =
            loaded.file.original_sha256 != store.hashes().0 || loaded.file.rewrite_sha256 != store.hashes().1;
        let mut review = Self::with_file(pair, loaded.file, Some(store));
        review.warnings = loaded.warnings;
        review.export_beside = chosen;
        if let Some(e) = earlier {
            // Saved at once under the new texts' name, so the next opening
            // finds it directly; the earlier file stays as it was.
            review.save()?;
            review.notice = Some(format!(
                "earlier review ({}): {}",
                e.likeness.describe(),
                review.reattached()
            ));
        } else if stale && !review.attached.file().annotations.is_empty() {
            review.notice = Some(format!(
                "texts changed since the last save: {}",
                review.reattached()
            ));
        }
        Ok(review)
    }

    /// “3 of 4 re-attached, 1 orphaned (in the sidebar)”: short, so the
    /// status bar shows it whole.
    fn reattached(&self) -> String {
        let total = self.attached.file().annotations.len();
        let orphans = self.attached.orphans().count();
        let mut text = format!("{} of {total} re-attached", total - orphans);
        if orphans > 0 {
            text.push_str(&format!(", {orphans} orphaned (in the sidebar)"));
        }
        text
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

    /// An empty review, never written to disk, for the screen shown while
    /// the detectors still run: the real one is opened on their flags.
    #[must_use]
    pub fn pending(pair: &Pair) -> Self {
        Self::with_file(pair, AnnotationFile::new(String::new(), String::new()), None)
    }

    fn with_file(pair: &Pair, file: AnnotationFile, store: Option<Store>) -> Self {
        let (a, b) = (pair.doc(Side::Original), pair.doc(Side::Rewrite));
        Self {
            attached: attach(file, &pair.cmp, a, b),
            store,
            discrepancies: pair.cmp.discrepancies.len(),
            warnings: Vec::new(),
            notice: None,
            export_beside: false,
            last_export: None,
        }
    }

    /// The same annotations attached to `pair` (the comparison laid out in
    /// another order), saving to the same place.
    #[must_use]
    pub fn for_pair(&self, pair: &Pair) -> Self {
        let mut review = Self::with_file(pair, self.attached.file().clone(), self.store.clone());
        review.export_beside = self.export_beside;
        review.last_export.clone_from(&self.last_export);
        review
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

    /// Sets one verdict on many discrepancies, saving once.
    ///
    /// # Errors
    /// The annotation file could not be written.
    pub fn set_verdicts(&mut self, indices: &[usize], v: Verdict) -> anyhow::Result<()> {
        let mut changed = false;
        for &i in indices {
            changed |= self.attached.set_verdict(i, v);
        }
        if changed {
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

    /// How many of the factual flags have a verdict, and how many there are.
    #[must_use]
    pub fn reviewed_factual(&self, pair: &Pair) -> (usize, usize) {
        let factual: Vec<usize> = (0..self.discrepancies)
            .filter(|&i| pair.cmp.discrepancies[i].factual)
            .collect();
        let done = factual
            .iter()
            .filter(|&&i| self.attached.verdict(i) != Verdict::Unset)
            .count();
        (done, factual.len())
    }

    /// Writes the Markdown export where the reviewer will find it: next to
    /// an annotation file they named with `--annotations`, else in the
    /// current directory as `<original>-vs-<rewrite>.review.md` (`stdin`
    /// for `-`); returns where. A file this session did not write is never
    /// replaced: the name gets `-2`, `-3`, … instead.
    ///
    /// # Errors
    /// The file could not be written.
    pub fn export(&mut self, pair: &Pair) -> anyhow::Result<PathBuf> {
        let md = Format::Markdown.extension();
        let wanted = match (&self.export_beside, self.path()) {
            (true, Some(p)) => p.with_extension(md),
            _ => PathBuf::from(format!(
                "{}-vs-{}.review.{md}",
                stem(pair.name(Side::Original)),
                stem(pair.name(Side::Rewrite))
            )),
        };
        let path = match &self.last_export {
            Some(mine) if *mine == wanted => wanted,
            _ => free_name(&wanted),
        };
        let verdicts = Verdicts {
            annotations: &self.attached,
            only: crate::annotate::export::Only::All,
        };
        let names = [pair.name(Side::Original), pair.name(Side::Rewrite)];
        let export = View::export(names, &pair.cmp, verdicts, None);
        crate::annotate::export::write_to(&export, Format::Markdown, &path)?;
        self.last_export = Some(path.clone());
        Ok(path)
    }
}

/// A file name's stem for an export name: `stdin` for `-`.
fn stem(name: &str) -> String {
    if name == "-" {
        return "stdin".to_owned();
    }
    Path::new(name)
        .file_stem()
        .map_or_else(|| "factdiff".to_owned(), |s| s.to_string_lossy().into_owned())
}

/// `path` if nothing is there, else the first of `name-2.ext`, `name-3.ext`, …
/// that is free.
fn free_name(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_owned();
    }
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    // Before the first dot, so `a-vs-b.review.md` becomes `a-vs-b-2.review.md`.
    let (base, ext) = name.split_once('.').map_or((name.as_str(), ""), |(b, e)| (b, e));
    (2..)
        .map(|n| {
            let candidate = if ext.is_empty() {
                format!("{base}-{n}")
            } else {
                format!("{base}-{n}.{ext}")
            };
            path.with_file_name(candidate)
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_owned())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_come_from_both_inputs_and_never_replace_a_file() {
        assert_eq!(stem("-"), "stdin");
        assert_eq!(stem("dir/story.v2.txt"), "story.v2");
        let dir = tempfile::tempdir().unwrap();
        let want = dir.path().join("a-vs-b.review.md");
        assert_eq!(free_name(&want), want);
        std::fs::write(&want, "someone else's").unwrap();
        assert_eq!(free_name(&want), dir.path().join("a-vs-b-2.review.md"));
        std::fs::write(dir.path().join("a-vs-b-2.review.md"), "").unwrap();
        assert_eq!(free_name(&want), dir.path().join("a-vs-b-3.review.md"));
    }
}
