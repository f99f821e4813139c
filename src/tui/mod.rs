//! The interactive review screen.

use crate::input::Input;
use std::path::PathBuf;

/// Opens the review screen on a pair.
///
/// # Errors
/// Terminal I/O failures.
pub fn run(_original: Input, _rewrite: Input, _annotations: Option<PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("the review screen is not built yet; use `factdiff report`")
}

/// The built-in demo pair shown when factdiff starts with no arguments.
#[must_use]
pub fn demo_pair() -> (Input, Input) {
    let doc = |s: &str| crate::engine::Document::from_string(s.to_owned());
    (
        Input {
            name: "demo/original.txt".into(),
            document: doc(include_str!("../../assets/demo/original.txt")),
        },
        Input {
            name: "demo/rewrite.txt".into(),
            document: doc(include_str!("../../assets/demo/rewrite.txt")),
        },
    )
}
