//! The article pairs of `tests/pairs/`, read for unit tests that check a
//! property on real text.

use crate::engine::text::Document;
use std::path::PathBuf;

/// Each pair directory of `tests/pairs/` holding both files, with its
/// original and rewrite, in directory order.
pub fn article_pairs() -> Vec<(PathBuf, Document, Document)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pairs");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests/pairs") {
        let path = entry.expect("pair entry").path();
        let (Ok(a), Ok(b)) = (
            std::fs::read_to_string(path.join("original.txt")),
            std::fs::read_to_string(path.join("rewrite.txt")),
        ) else {
            continue;
        };
        out.push((path, Document::from_string(a), Document::from_string(b)));
    }
    out
}
