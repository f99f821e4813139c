//! Where annotations live on disk, and saving them so that no crash, kill,
//! corrupt file or second instance ever loses one.
//!
//! Concurrency: **lock and merge**. A save takes an exclusive lock (std `File::lock`) on
//! a side file (`<name>.lock`), re-reads the file on disk, merges it with the
//! caller's annotations by id (the newer `modified` wins per id; ids only on
//! disk are kept), writes the result atomically and releases the lock. The
//! lock alone would only serialise the writes (the second would still erase
//! the first one's notes); the merge alone would race between read and
//! rename. Together, two instances on one pair each keep the other's notes.
//! Consequence: an annotation is never deleted by a save, only edited.

use super::model::{AnnotationFile, CURRENT_VERSION, ParseError, Timestamp};
use crate::engine::Document;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why annotations could not be loaded or saved.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no data directory for this user; pass --annotations PATH")]
    NoDataDir,
    #[error("annotations '{path}': {source}")]
    Io { path: PathBuf, source: io::Error },
    /// Never overwritten or moved aside: a newer factdiff owns it.
    #[error(
        "annotations '{path}': version {version} is newer than this factdiff understands (max {CURRENT_VERSION}); not touching it"
    )]
    TooNew { path: PathBuf, version: u64 },
}

/// The annotations read, and anything the caller should tell the user.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub file: AnnotationFile,
    pub warnings: Vec<String>,
}

/// What a save wrote (the merge of memory and disk), with warnings.
#[derive(Debug, Clone)]
pub struct Saved {
    pub file: AnnotationFile,
    pub warnings: Vec<String>,
}

/// The annotation file of one pair of documents.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    original_sha256: String,
    rewrite_sha256: String,
    /// Absolute paths of the two inputs, recorded in the file on save.
    sources: [Option<String>; 2],
}

/// SHA-256 of `bytes`, lowercase hex.
#[must_use]
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// The store for a pair: at `path` if given, else the default path.
    ///
    /// # Errors
    /// No path given and no data directory can be determined.
    pub fn for_pair(
        original: &Document,
        rewrite: &Document,
        path: Option<PathBuf>,
    ) -> Result<Self, StoreError> {
        let original_sha256 = sha256_hex(original.text().as_bytes());
        let rewrite_sha256 = sha256_hex(rewrite.text().as_bytes());
        let path = match path {
            Some(path) => path,
            None => default_path(&original_sha256, &rewrite_sha256)?,
        };
        Ok(Self::at(path, original_sha256, rewrite_sha256))
    }

    /// A store at an explicit path, for a pair with these hashes.
    #[must_use]
    pub const fn at(path: PathBuf, original_sha256: String, rewrite_sha256: String) -> Self {
        Self {
            path,
            original_sha256,
            rewrite_sha256,
            sources: [None, None],
        }
    }

    /// Records where the two inputs were read from (made absolute; `-` and
    /// other names that are not files are left out), so that after an edit
    /// the review can be found by path (see [`super::follow`]).
    #[must_use]
    pub fn with_sources(mut self, original: &str, rewrite: &str) -> Self {
        self.sources = [source_path(original), source_path(rewrite)];
        self
    }

    /// The recorded source paths (original, rewrite).
    #[must_use]
    pub const fn sources(&self) -> &[Option<String>; 2] {
        &self.sources
    }

    /// Whether this store is at the default place for its pair's hashes
    /// (not a path the user chose).
    #[must_use]
    pub fn is_default_place(&self) -> bool {
        default_path(&self.original_sha256, &self.rewrite_sha256).is_ok_and(|p| p == self.path)
    }

    /// The hashes of the pair (original, rewrite).
    #[must_use]
    pub fn hashes(&self) -> (&str, &str) {
        (&self.original_sha256, &self.rewrite_sha256)
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// An empty annotation file for this pair.
    #[must_use]
    pub fn empty(&self) -> AnnotationFile {
        AnnotationFile::new(self.original_sha256.clone(), self.rewrite_sha256.clone())
    }

    /// Reads the annotations (empty if there is no file yet). A corrupt file
    /// is moved aside and reported in the warnings, never lost.
    ///
    /// # Errors
    /// I/O failures, or a file from a newer factdiff.
    pub fn load(&self) -> Result<Loaded, StoreError> {
        let mut warnings = Vec::new();
        if !self.path.exists() {
            return Ok(Loaded {
                file: self.empty(),
                warnings,
            });
        }
        // Locked so a corrupt file is not moved aside under a saving writer.
        // Best effort: a read-only directory cannot hold a lock file, and
        // reading without one is still safe because saves replace the file
        // by rename, so a reader never sees a partial write.
        let _lock = self.lock().ok();
        let file = self.read_disk(&mut warnings)?.unwrap_or_else(|| self.empty());
        if !file.annotations.is_empty()
            && (file.original_sha256 != self.original_sha256 || file.rewrite_sha256 != self.rewrite_sha256)
        {
            warnings.push(format!(
                "annotations in '{}' were made on a different version of these texts; re-anchored by quote where possible",
                self.path.display()
            ));
        }
        Ok(Loaded { file, warnings })
    }

    /// Saves `file` merged with what is on disk (see the module docs) and
    /// returns what was written.
    ///
    /// # Errors
    /// I/O failures, or a file from a newer factdiff on disk.
    pub fn save(&self, file: &AnnotationFile) -> Result<Saved, StoreError> {
        let dir = parent_dir(&self.path);
        fs::create_dir_all(dir).map_err(|e| self.io(e))?;
        let _lock = self.lock()?;
        self.remove_stale_temps();
        let mut warnings = Vec::new();
        let disk = self.read_disk(&mut warnings)?;
        let mut merged = merge(disk, file);
        merged.version = CURRENT_VERSION;
        merged.original_sha256.clone_from(&self.original_sha256);
        merged.rewrite_sha256.clone_from(&self.rewrite_sha256);
        if self.sources.iter().any(Option::is_some) {
            [merged.original_path, merged.rewrite_path] = self.sources.clone();
        }
        write_atomic(&self.path, merged.to_json().as_bytes()).map_err(|e| self.io(e))?;
        Ok(Saved {
            file: merged,
            warnings,
        })
    }

    /// The file on disk: `None` if absent or corrupt (then moved aside).
    fn read_disk(&self, warnings: &mut Vec<String>) -> Result<Option<AnnotationFile>, StoreError> {
        let text = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(self.io(e)),
        };
        let parsed = std::str::from_utf8(&text)
            .map_err(|e| Refusal::Corrupt(e.to_string()))
            .and_then(|t| AnnotationFile::from_json(t).map_err(refusal));
        match parsed {
            Ok(file) => Ok(Some(file)),
            Err(Refusal::Newer(version)) => Err(StoreError::TooNew {
                path: self.path.clone(),
                version,
            }),
            Err(Refusal::Corrupt(why)) => {
                let aside = move_aside(&self.path).map_err(|e| self.io(e))?;
                warnings.push(format!(
                    "annotation file '{}' was unreadable ({why}); moved it to '{}' and started afresh",
                    self.path.display(),
                    aside.display()
                ));
                Ok(None)
            }
        }
    }

    fn lock(&self) -> Result<LockGuard, StoreError> {
        let path = sibling(&self.path, ".lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| self.io(e))?;
        file.lock().map_err(|e| self.io(e))?;
        Ok(LockGuard(file))
    }

    /// Temp files of a writer killed mid-save. Safe to remove: every save of
    /// this path makes its temp file while holding the lock we now hold.
    fn remove_stale_temps(&self) {
        let dir = parent_dir(&self.path);
        let prefix = temp_prefix(&self.path);
        let Ok(entries) = fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn io(&self, source: io::Error) -> StoreError {
        StoreError::Io {
            path: self.path.clone(),
            source,
        }
    }
}

/// Why the file on disk is not used: too new (leave it alone) or corrupt
/// (move it aside).
enum Refusal {
    Newer(u64),
    Corrupt(String),
}

fn refusal(e: ParseError) -> Refusal {
    match e {
        ParseError::TooNew(version) => Refusal::Newer(version),
        other => Refusal::Corrupt(other.to_string()),
    }
}

/// Holds the lock until dropped (closing the file releases it too, even if
/// the process is killed).
struct LockGuard(File);

impl Drop for LockGuard {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// `name` as an absolute path if it names an existing file.
fn source_path(name: &str) -> Option<String> {
    if name == "-" {
        return None;
    }
    let path = fs::canonicalize(name).ok()?;
    path.is_file().then(|| path.to_string_lossy().into_owned())
}

/// The default location: `<data dir>/pairs/<16 hex>-<16 hex>.json`.
///
/// # Errors
/// No home directory to derive the data directory from.
pub fn default_path(original_sha256: &str, rewrite_sha256: &str) -> Result<PathBuf, StoreError> {
    let dirs = directories::ProjectDirs::from("", "", "factdiff").ok_or(StoreError::NoDataDir)?;
    let short = |h: &str| h.chars().take(16).collect::<String>();
    let name = format!("{}-{}.json", short(original_sha256), short(rewrite_sha256));
    Ok(dirs.data_dir().join("pairs").join(name))
}

/// Disk first (keeping its order), then annotations only in memory; for an id
/// in both, the newer `modified` wins (memory on a tie: it is the edit the
/// user just made).
#[must_use]
pub fn merge(disk: Option<AnnotationFile>, mine: &AnnotationFile) -> AnnotationFile {
    let Some(mut merged) = disk else {
        return mine.clone();
    };
    let position: HashMap<String, usize> = merged
        .annotations
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect();
    for ann in &mine.annotations {
        match position.get(&ann.id) {
            Some(&i) if merged.annotations[i].modified <= ann.modified => merged.annotations[i] = ann.clone(),
            Some(_) => {}
            None => merged.annotations.push(ann.clone()),
        }
    }
    merged
}

const TEMP_SUFFIX: &str = ".tmp";

fn temp_prefix(path: &Path) -> String {
    format!(".{}.", file_name(path))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    path.with_file_name(format!("{}{suffix}", file_name(path)))
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Replaces `path` with `bytes` so that a reader (or a crash) sees the old
/// content or the new, never a mix: temp file in the same directory, fsync,
/// rename over, fsync the directory so the rename itself is durable.
///
/// # Errors
/// Any I/O failure; the old file is then untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    if let Ok(meta) = fs::metadata(path) {
        // Keep the target's permissions (e.g. a shared export stays readable).
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    // Directories cannot be opened for syncing here; the rename is still atomic.
    Ok(())
}

/// Renames a corrupt file to `<name>.corrupt-<UTC time>` (with `-2`, `-3`…
/// if that exists) and returns the new path.
fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = Timestamp::now().to_rfc3339();
    // 2024-05-01T12:00:00.123…Z → 20240501T120000Z: no colons, safe everywhere.
    let compact: String = stamp[..19].chars().filter(char::is_ascii_alphanumeric).collect();
    let base = sibling(path, &format!(".corrupt-{compact}Z"));
    let mut target = base.clone();
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = sibling(&base, &format!("-{n}"));
    }
    fs::rename(path, &target)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::model::{Anchor, Annotation, PositionSelector, QuoteSelector, Side, Target};

    fn store(dir: &Path) -> Store {
        Store::at(dir.join("pair.json"), "o".repeat(64), "r".repeat(64))
    }

    fn note(id: &str, text: &str) -> Annotation {
        let anchor = Anchor {
            position: PositionSelector { start: 0, end: 1 },
            quote: QuoteSelector {
                exact: "x".into(),
                prefix: String::new(),
                suffix: String::new(),
            },
        };
        let mut a = Annotation::new(
            id.into(),
            Target::Span {
                side: Side::Original,
                anchor,
            },
        );
        text.clone_into(&mut a.note);
        a
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn default_path_uses_data_dir_and_short_hashes() {
        let p = default_path(&"a".repeat(64), &"b".repeat(64)).unwrap();
        assert!(p.ends_with(format!("pairs/{}-{}.json", "a".repeat(16), "b".repeat(16))));
    }

    #[test]
    fn missing_file_loads_empty() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = store(dir.path()).load().unwrap();
        assert!(loaded.file.annotations.is_empty() && loaded.warnings.is_empty());
    }

    #[test]
    fn save_then_load_round_trips_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::at(dir.path().join("deep/er/pair.json"), "o".into(), "r".into());
        let mut file = s.empty();
        file.annotations.push(note("1", "hello"));
        s.save(&file).unwrap();
        assert_eq!(s.load().unwrap().file, file);
        assert_eq!(
            listing(&dir.path().join("deep/er")),
            ["pair.json", "pair.json.lock"]
        );
    }

    #[test]
    fn load_works_where_no_lock_file_can_be_made() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let mut file = s.empty();
        file.annotations.push(note("1", "kept"));
        s.save(&file).unwrap();
        fs::remove_file(dir.path().join("pair.json.lock")).unwrap();
        fs::create_dir(dir.path().join("pair.json.lock")).unwrap();
        assert_eq!(s.load().unwrap().file.annotations[0].note, "kept");
        assert!(
            matches!(s.save(&file), Err(StoreError::Io { .. })),
            "saving needs the lock"
        );
    }

    #[test]
    fn stale_temp_files_are_removed_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        fs::write(dir.path().join(".pair.json.abc123.tmp"), "half").unwrap();
        s.save(&s.empty()).unwrap();
        assert_eq!(listing(dir.path()), ["pair.json", "pair.json.lock"]);
    }

    #[test]
    fn corrupt_file_is_moved_aside_with_warning() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        fs::write(s.path(), "{\"version\": 2, \"annotations\": [").unwrap();
        let loaded = s.load().unwrap();
        assert!(loaded.file.annotations.is_empty());
        assert_eq!(loaded.warnings.len(), 1);
        assert!(
            loaded.warnings[0].contains("moved it to"),
            "{}",
            loaded.warnings[0]
        );
        let names = listing(dir.path());
        let aside: Vec<_> = names
            .iter()
            .filter(|n| n.starts_with("pair.json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{names:?}");
        assert!(aside[0].ends_with('Z'));
        let kept = fs::read_to_string(dir.path().join(aside[0])).unwrap();
        assert_eq!(kept, "{\"version\": 2, \"annotations\": [");
    }

    #[test]
    fn corrupt_file_met_by_save_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        fs::write(s.path(), b"\xff\xfe garbage").unwrap();
        let saved = s.save(&s.empty()).unwrap();
        assert_eq!(saved.warnings.len(), 1);
        fs::write(s.path(), "").unwrap();
        let saved = s.save(&s.empty()).unwrap();
        assert_eq!(
            saved.warnings.len(),
            1,
            "an empty (half-written) file is corrupt too"
        );
        let aside = listing(dir.path())
            .into_iter()
            .filter(|n| n.contains(".corrupt-"))
            .count();
        assert_eq!(aside, 2, "second move-aside in the same second gets its own name");
    }

    #[test]
    fn newer_version_is_neither_loaded_nor_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let future = r#"{"version": 7, "original_sha256": "", "rewrite_sha256": "", "annotations": []}"#;
        fs::write(s.path(), future).unwrap();
        assert!(matches!(s.load(), Err(StoreError::TooNew { version: 7, .. })));
        assert!(matches!(s.save(&s.empty()), Err(StoreError::TooNew { .. })));
        assert_eq!(fs::read_to_string(s.path()).unwrap(), future);
    }

    #[test]
    fn version_1_on_disk_is_upgraded_on_save() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let v1 = r#"{"version": 1, "original_sha256": "o", "rewrite_sha256": "r", "annotations": [
            {"id": "v1", "target": {"type": "span", "side": "rewrite",
             "anchor": {"position": {"start": 0, "end": 1}, "quote": {"exact": "x"}}},
             "note": "from v1", "modified": "2020-01-01T00:00:00Z"}]}"#;
        fs::write(s.path(), v1).unwrap();
        let saved = s.save(&s.empty()).unwrap();
        assert_eq!(saved.file.version, CURRENT_VERSION);
        let on_disk: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(s.path()).unwrap()).unwrap();
        assert_eq!(on_disk["version"], CURRENT_VERSION);
        assert_eq!(
            on_disk["annotations"][0]["created"],
            "2020-01-01T00:00:00.000000000Z"
        );
        assert_eq!(on_disk["annotations"][0]["note"], "from v1");
    }

    #[test]
    fn hash_mismatch_warns() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path());
        let mut file = s.empty();
        file.annotations.push(note("1", "x"));
        s.save(&file).unwrap();
        let other = Store::at(s.path().to_owned(), "changed".into(), "r".into());
        let loaded = other.load().unwrap();
        assert_eq!(loaded.file.annotations.len(), 1);
        assert!(loaded.warnings[0].contains("different version"));
    }

    /// Two handles on one pair, each starting from the same (empty) state,
    /// saving in turn: neither erases the other's notes, and the newer edit
    /// of a shared id wins.
    #[test]
    fn two_instances_interleaved_keep_both_notes() {
        let dir = tempfile::tempdir().unwrap();
        let (one, two) = (store(dir.path()), store(dir.path()));
        let mut mem_one = one.load().unwrap().file;
        let mut mem_two = two.load().unwrap().file;
        mem_one.annotations.push(note("a", "from one"));
        one.save(&mem_one).unwrap();
        mem_two.annotations.push(note("b", "from two"));
        two.save(&mem_two).unwrap();
        mem_one.annotations.push(note("shared", "one's take"));
        one.save(&mem_one).unwrap();
        let mut later = note("shared", "two's later take");
        later.touch();
        mem_two.annotations.push(later);
        let saved = two.save(&mem_two).unwrap();
        // One saves again with its stale copy of "shared": must not win.
        one.save(&mem_one).unwrap();
        let notes: Vec<(String, String)> = one
            .load()
            .unwrap()
            .file
            .annotations
            .into_iter()
            .map(|a| (a.id, a.note))
            .collect();
        assert_eq!(saved.file.annotations.len(), 3);
        assert_eq!(
            notes,
            [
                ("a".into(), "from one".into()),
                ("b".into(), "from two".into()),
                ("shared".into(), "two's later take".into())
            ]
        );
    }

    #[test]
    fn concurrent_saves_from_threads_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_owned();
        let workers: Vec<_> = (0..4)
            .map(|t| {
                let s = store(&path);
                std::thread::spawn(move || {
                    let mut mem = s.empty();
                    for k in 0..10 {
                        mem.annotations.push(note(&format!("{t}-{k}"), "n"));
                        s.save(&mem).unwrap();
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        assert_eq!(store(&path).load().unwrap().file.annotations.len(), 40);
    }

    #[test]
    fn write_atomic_replaces_content() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "two");
        assert_eq!(listing(dir.path()), ["out.md"]);
    }
}
