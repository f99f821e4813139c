//! Reads a document from a path or `-` (stdin) into a [`Document`], with
//! errors a person can act on.

use crate::engine::{Document, TextError};
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
pub struct Input {
    pub name: String,
    pub document: Document,
}

/// Reads `path` (or stdin for `-`).
///
/// # Errors
/// Missing, unreadable, directory, binary or non-UTF-8 input.
pub fn load(path: &Path) -> Result<Input, InputError> {
    let bytes = read_bytes(path)?;
    let document = Document::from_bytes(bytes).map_err(|error| InputError::Text {
        path: path.to_owned(),
        error,
    })?;
    Ok(Input {
        name: path.display().to_string(),
        document,
    })
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
