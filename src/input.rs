//! Reads a document from a path or `-` (stdin) into a [`Document`], with
//! errors a person can act on.

use crate::engine::{Document, TextError};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Why an input could not be used.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read '{path}'")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("'{path}' is a directory, not a text file")]
    Directory { path: PathBuf },
    #[error("'{path}'")]
    Text { path: PathBuf, source: TextError },
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
    let document = Document::from_bytes(bytes).map_err(|source| InputError::Text {
        path: path.to_owned(),
        source,
    })?;
    Ok(Input {
        name: path.display().to_string(),
        document,
    })
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    let io = |source| InputError::Io {
        path: path.to_owned(),
        source,
    };
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map_err(io)?;
        return Ok(bytes);
    }
    if path.is_dir() {
        return Err(InputError::Directory {
            path: path.to_owned(),
        });
    }
    std::fs::read(path).map_err(io)
}
