//! Reads a document from a path or `-` (stdin) into a [`Document`], with
//! errors a person can act on. HTML pages and Markdown files are read as
//! their prose ([`Source`]), with a map from the prose back to the file.

pub mod html;
pub mod markdown;
pub mod prose;

use crate::engine::{Comparison, Document, Span, TextError};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Inputs larger than this are refused rather than read into memory (a book
/// is a few MB; `/dev/zero` or a runaway log would otherwise exhaust memory).
pub const MAX_INPUT_BYTES: u64 = 64 << 20;

/// Why an input could not be used. Each message is complete on its own (the
/// underlying error is part of it, not a separate `source`, so that printing
/// the error chain does not repeat it).
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read '{path}': {error}")]
    Io { path: PathBuf, error: std::io::Error },
    #[error("'{path}' is a directory, not a text file")]
    Directory { path: PathBuf },
    #[error("'{path}' is larger than {} MiB", MAX_INPUT_BYTES >> 20)]
    TooLarge { path: PathBuf },
    #[error("'{path}': {error}")]
    Text { path: PathBuf, error: TextError },
}

/// A loaded input and the name to show for it.
#[derive(Clone)]
pub struct Input {
    pub name: String,
    pub document: Document,
}

/// How an input's bytes are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text: compared as read.
    Plain,
    /// A web page: its article.
    Html,
    /// Markdown: its prose.
    Markdown,
}

impl Kind {
    /// The kind a path's extension names, or the content shows (a page
    /// starting with a doctype or `<html>`) unless the extension is `.txt`;
    /// plain text otherwise.
    #[must_use]
    pub fn detect(path: &Path, text: &str) -> Self {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml" | "shtml") => Self::Html,
            Some("md" | "markdown" | "mdown" | "mkd" | "mkdn") => Self::Markdown,
            Some("txt" | "text") => Self::Plain,
            _ if html::sniff(text) => Self::Html,
            _ => Self::Plain,
        }
    }
}

/// A loaded input: the file as read and, for marked-up input, the prose the
/// engine compares with its way back to the file.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: String,
    pub kind: Kind,
    /// The file exactly as read: report spans index it.
    pub file: Document,
    /// The prose view; `None` for plain text (the file is the prose).
    pub prose: Option<prose::Prose>,
}

impl Source {
    /// Reads `text` (from `path`, which names it and may tell its kind) as
    /// `kind`, or as the kind detected when `None`.
    #[must_use]
    pub fn from_document(name: String, path: &Path, file: Document, kind: Option<Kind>) -> Self {
        let kind = kind.unwrap_or_else(|| Kind::detect(path, file.text()));
        let prose = match kind {
            Kind::Plain => None,
            Kind::Html => Some(html::prose(file.text())),
            Kind::Markdown => Some(markdown::prose(file.text())),
        };
        Self {
            name,
            kind,
            file,
            prose,
        }
    }

    /// The text the engine compares.
    #[must_use]
    pub fn document(&self) -> &Document {
        self.prose.as_ref().map_or(&self.file, |p| &p.document)
    }

    /// The file span a span of [`Self::document`] came from.
    #[must_use]
    pub fn to_file(&self, span: Span) -> Span {
        self.prose.as_ref().map_or(span, |p| p.map.to_file(span))
    }

    /// What a reader saw at a file span: its prose (the file's text for
    /// plain text).
    #[must_use]
    pub fn shown(&self, span: Span) -> String {
        match &self.prose {
            Some(p) => p.map.prose_of(p.document.text(), span),
            None => self.file.slice(span).to_owned(),
        }
    }

    /// The input the review screen shows: the prose.
    #[must_use]
    pub fn into_input(self) -> Input {
        Input {
            name: self.name,
            document: self.prose.map_or(self.file, |p| p.document),
        }
    }
}

/// A comparison of two sources' prose with every span moved to the files'
/// bytes (unchanged for plain text).
#[must_use]
pub fn file_comparison(comparison: Comparison, original: &Source, rewrite: &Source) -> Comparison {
    if original.prose.is_none() && rewrite.prose.is_none() {
        return comparison;
    }
    comparison.map_spans(&|s| original.to_file(s), &|s| rewrite.to_file(s))
}

/// Reads `path` (or stdin for `-`) as a [`Source`] of the given or detected kind.
///
/// # Errors
/// Missing, unreadable, directory, binary or non-UTF-8 input.
pub fn load_source(path: &Path, kind: Option<Kind>) -> Result<Source, InputError> {
    let bytes = read_bytes(path)?;
    let file = Document::from_bytes(bytes).map_err(|error| InputError::Text {
        path: path.to_owned(),
        error,
    })?;
    Ok(Source::from_document(
        path.display().to_string(),
        path,
        file,
        kind,
    ))
}

/// Reads `path` (or stdin for `-`); HTML and Markdown as their prose.
///
/// # Errors
/// Missing, unreadable, directory, binary or non-UTF-8 input.
pub fn load(path: &Path) -> Result<Input, InputError> {
    load_source(path, None).map(Source::into_input)
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    let io = |error| InputError::Io {
        path: path.to_owned(),
        error,
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
    } else {
        if path.is_dir() {
            return Err(InputError::Directory {
                path: path.to_owned(),
            });
        }
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes))
            .map_err(io)?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
        });
    }
    Ok(bytes)
}
