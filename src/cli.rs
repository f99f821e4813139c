//! Command-line interface: clap types and their dispatch.

use crate::report::Format;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Side-by-side review of an article and its rewrite, flagging the factual
/// edits hidden among harmless paraphrase.
///
/// With no arguments, opens a built-in demo pair.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The original text (a path, or `-` for stdin).
    pub original: Option<PathBuf>,
    /// The rewritten copy (a path, or `-` for stdin).
    pub rewrite: Option<PathBuf>,
    /// Further copies of the same original (the review screen takes one
    /// copy at a time; `report` takes several).
    #[arg(value_name = "COPY")]
    pub more_copies: Vec<PathBuf>,
    /// Where to keep annotations (default: one file per pair under the data directory).
    #[arg(long, value_name = "PATH")]
    pub annotations: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the comparison without opening the review screen.
    Report {
        /// The original text (a path, or `-` for stdin).
        original: PathBuf,
        /// The rewritten copy, or several copies of the same original (a
        /// path, or `-` for stdin). With several, each copy gets its own
        /// report and a matrix shows which copy changed which sentence.
        #[arg(required = true, num_args = 1.., value_name = "REWRITE")]
        rewrite: Vec<PathBuf>,
        /// json is the machine-readable contract; markdown a review list;
        /// text for a terminal.
        #[arg(long, short, value_enum, default_value = "text")]
        format: Format,
    },
    /// Export discrepancies with their verdicts and notes.
    Export {
        /// The original text (a path, or `-` for stdin).
        original: PathBuf,
        /// The rewritten copy (a path, or `-` for stdin).
        rewrite: PathBuf,
        #[arg(long, short, value_enum, default_value = "markdown")]
        format: crate::annotate::export::ExportFormat,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The annotation file to read (default: the pair's file under the data directory).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
    },
}
