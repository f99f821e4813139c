//! Annotations follow the pair, not only its bytes. The annotation file of
//! a pair is named by the hashes of both texts, so editing either text
//! points at a file that does not exist yet. Before starting an empty
//! review, [`load_following`] looks through the other annotation files in
//! the same folder for the review of an earlier version of this pair: one
//! made on the same files (recorded paths), or one whose quotes are mostly
//! found again in these texts. Its annotations are then re-anchored by
//! their quote selectors (see [`super::attach`]); the file it came from is
//! left as it was, so nothing is lost either way.

use super::anchor::refind;
use super::model::{AnnotationFile, Side, Timestamp};
use super::store::{Loaded, Store, StoreError};
use crate::engine::Document;
use std::fs;
use std::path::{Path, PathBuf};

/// Why an earlier review was taken to be this pair's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Likeness {
    /// It was made on the same two files (by path).
    SamePaths,
    /// Most of its quotes are found again in these texts.
    SimilarText,
}

/// The review of an earlier version of the pair.
#[derive(Debug, Clone)]
pub struct Earlier {
    /// The annotation file it was read from (left untouched).
    pub path: PathBuf,
    pub file: AnnotationFile,
    pub likeness: Likeness,
}

impl Likeness {
    /// A few words for messages.
    #[must_use]
    pub const fn describe(self) -> &'static str {
        match self {
            Self::SamePaths => "same files",
            Self::SimilarText => "similar text",
        }
    }
}

/// Loads the store's annotations; when it has no file yet and sits at the
/// default place, adopts the review of an earlier version of the pair if
/// one is found (see the module docs).
///
/// # Errors
/// As [`Store::load`].
pub fn load_following(
    store: &Store,
    original: &Document,
    rewrite: &Document,
) -> Result<(Loaded, Option<Earlier>), StoreError> {
    let mut loaded = store.load()?;
    if store.path().exists() || !loaded.file.annotations.is_empty() || !store.is_default_place() {
        return Ok((loaded, None));
    }
    let earlier = find_earlier(store, original, rewrite);
    if let Some(e) = &earlier {
        loaded.file.annotations.clone_from(&e.file.annotations);
    }
    Ok((loaded, earlier))
}

/// The best earlier review of this pair among the annotation files next to
/// the store's: one made on the same files (the most recently edited of
/// them), else the one with most quotes found again.
#[must_use]
pub fn find_earlier(store: &Store, original: &Document, rewrite: &Document) -> Option<Earlier> {
    let dir = store.path().parent()?;
    let mut best: Option<(Rank, Earlier)> = None;
    for path in annotation_files(dir, store.path()) {
        let Some(file) = read(&path) else { continue };
        if file.annotations.is_empty() {
            continue;
        }
        let same_paths = same_paths(store, &file);
        let (found, sampled) = refound(&file, original, rewrite);
        let (ours_a, ours_b) = store.hashes();
        let one_side_same = file.original_sha256 == ours_a || file.rewrite_sha256 == ours_b;
        let mostly = found > 0 && (2 * found >= sampled || one_side_same);
        if !same_paths && !mostly {
            continue;
        }
        let newest = file.annotations.iter().map(|a| a.modified).max();
        // Among reviews of the same files the latest is the one to carry
        // on; among look-alikes, the one whose quotes fit best.
        let rank = (same_paths, newest.filter(|_| same_paths), found, newest);
        if best.as_ref().is_none_or(|(r, _)| rank > *r) {
            let likeness = if same_paths {
                Likeness::SamePaths
            } else {
                Likeness::SimilarText
            };
            best = Some((rank, Earlier { path, file, likeness }));
        }
    }
    best.map(|(_, e)| e)
}

/// How well an earlier review fits: same paths (then the newest edit),
/// quotes found again, newest edit.
type Rank = (bool, Option<Timestamp>, usize, Option<Timestamp>);

/// `*.json` files in `dir` other than `own` (not temp, lock or moved-aside files).
fn annotation_files(dir: &Path, own: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p != own)
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".json") && !n.starts_with('.'))
        })
        .collect();
    out.sort();
    out
}

fn read(path: &Path) -> Option<AnnotationFile> {
    AnnotationFile::from_json(&fs::read_to_string(path).ok()?).ok()
}

fn same_paths(store: &Store, file: &AnnotationFile) -> bool {
    let [a, b] = store.sources();
    a.is_some() && b.is_some() && *a == file.original_path && *b == file.rewrite_path
}

/// Most annotations whose quotes are looked for per candidate file: enough
/// to tell an earlier version from another text, cheap on a book.
const SAMPLE: usize = 64;

/// Of a sample of the annotations (evenly spread, at most [`SAMPLE`]), how
/// many have at least one quote found again in the texts, and the sample's
/// size.
fn refound(file: &AnnotationFile, original: &Document, rewrite: &Document) -> (usize, usize) {
    let n = file.annotations.len();
    let step = n.div_ceil(SAMPLE).max(1);
    let sample: Vec<_> = file.annotations.iter().step_by(step).collect();
    let found = sample
        .iter()
        .filter(|a| {
            [(Side::Original, original), (Side::Rewrite, rewrite)]
                .into_iter()
                .any(|(side, doc)| {
                    a.target
                        .anchor(side)
                        .is_some_and(|anchor| refind(doc, anchor).is_some())
                })
        })
        .count();
    (found, sample.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::anchor::anchor_for;
    use crate::annotate::model::{Annotation, Target};
    use crate::engine::Span;

    fn doc(s: &str) -> Document {
        Document::from_string(s.to_owned())
    }

    /// A file with one span note on the rewrite's `word`.
    fn file_with_note(rewrite: &Document, word: &str, hashes: (&str, &str)) -> AnnotationFile {
        let at = rewrite.text().find(word).expect("word in text");
        let anchor = anchor_for(rewrite, Span::new(at, at + word.len())).expect("anchor");
        let mut file = AnnotationFile::new(hashes.0.into(), hashes.1.into());
        let mut ann = Annotation::new(
            "n1".into(),
            Target::Span {
                side: Side::Rewrite,
                anchor,
            },
        );
        "kept".clone_into(&mut ann.note);
        file.annotations.push(ann);
        file
    }

    #[test]
    fn similar_text_is_found_and_unrelated_text_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = doc("The mayor opened the bridge on Monday.");
        let old_b = doc("On Monday the mayor opened the new bridge to traffic.");
        let old = file_with_note(&old_b, "new bridge", ("h1", "h2"));
        fs::write(dir.path().join("h1-h2.json"), old.to_json()).unwrap();
        let store = Store::at(dir.path().join("h1-h3.json"), "h1".into(), "h3".into());
        let edited = doc("On Monday the mayor opened the new bridge to lorries.");
        let found = find_earlier(&store, &a, &edited).expect("earlier review found");
        assert_eq!(found.likeness, Likeness::SimilarText);
        assert_eq!(found.file.annotations[0].note, "kept");
        let other = Store::at(dir.path().join("x-y.json"), "x".into(), "y".into());
        assert!(find_earlier(&other, &doc("Nothing alike."), &doc("Quite unrelated.")).is_none());
    }

    /// A temporary folder holding `a.txt`, `b.txt` and an empty `pairs/`.
    fn two_files_and_a_pairs_folder() -> (
        tempfile::TempDir,
        std::path::PathBuf,
        std::path::PathBuf,
        std::path::PathBuf,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (pa, pb) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
        fs::write(&pa, "A").unwrap();
        fs::write(&pb, "B").unwrap();
        let pairs = dir.path().join("pairs");
        fs::create_dir(&pairs).unwrap();
        (dir, pa, pb, pairs)
    }

    #[test]
    fn same_paths_win_even_when_no_quote_is_found() {
        let (_dir, pa, pb, pairs) = two_files_and_a_pairs_folder();
        let old_b = doc("A sentence with a word in it.");
        let mut old = file_with_note(&old_b, "word", ("h1", "h2"));
        let sources = Store::at(pairs.join("h1-h2.json"), "h1".into(), "h2".into())
            .with_sources(&pa.to_string_lossy(), &pb.to_string_lossy());
        [old.original_path, old.rewrite_path] = sources.sources().clone();
        fs::write(pairs.join("h1-h2.json"), old.to_json()).unwrap();
        let store = Store::at(pairs.join("h3-h4.json"), "h3".into(), "h4".into())
            .with_sources(&pa.to_string_lossy(), &pb.to_string_lossy());
        let found = find_earlier(&store, &doc("Else."), &doc("Other.")).expect("found by path");
        assert_eq!(found.likeness, Likeness::SamePaths);
        assert_eq!(found.path, pairs.join("h1-h2.json"));
    }

    /// Two earlier reviews of the same files: the one edited last wins,
    /// even if the other's quotes fit this text better.
    #[test]
    fn the_latest_review_of_the_same_files_is_reopened() {
        let (_dir, pa, pb, pairs) = two_files_and_a_pairs_folder();
        let (sa, sb) = (
            pa.to_string_lossy().into_owned(),
            pb.to_string_lossy().into_owned(),
        );
        let sources = Store::at(pairs.join("x.json"), "x".into(), "x".into()).with_sources(&sa, &sb);
        let text = doc("A sentence with a word in it.");
        let mut older = file_with_note(&text, "word", ("h1", "h2"));
        [older.original_path, older.rewrite_path] = sources.sources().clone();
        fs::write(pairs.join("h1-h2.json"), older.to_json()).unwrap();
        let mut newer = file_with_note(&doc("Quite another text."), "another", ("h1", "h3"));
        newer.annotations[0].touch();
        "newer".clone_into(&mut newer.annotations[0].note);
        [newer.original_path, newer.rewrite_path] = sources.sources().clone();
        fs::write(pairs.join("h1-h3.json"), newer.to_json()).unwrap();
        let store = Store::at(pairs.join("h1-h4.json"), "h1".into(), "h4".into()).with_sources(&sa, &sb);
        let found = find_earlier(&store, &doc("Else."), &text).expect("found");
        assert_eq!(found.file.annotations[0].note, "newer");
    }
}
