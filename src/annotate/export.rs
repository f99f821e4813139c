//! Export of discrepancies with their annotations.

/// Output format of `factdiff export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    Csv,
    W3c,
}
