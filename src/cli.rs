//! Command-line interface: clap types, converted to the library's own types
//! (the `ValueEnum`s live here), and the [`Settings`] that merge the flags
//! with the config file.

use crate::engine::compare;
use crate::report::Format;
use crate::tui::theme::{Palette, Theme};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Side-by-side review of an article and its rewrite, flagging the factual
/// edits hidden among harmless paraphrase.
///
/// With no arguments, opens a built-in demo pair. Inputs may be plain text,
/// HTML pages (read as their article) or Markdown (read as its prose).
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// The original text (a path, or `-` for stdin).
    pub original: Option<PathBuf>,
    /// The rewritten copy (a path, or `-` for stdin).
    pub rewrite: Option<PathBuf>,
    /// Further copies of the same original: the review screen shows one
    /// at a time, `]` / `[` switch, and each copy's verdicts and notes are
    /// kept where `factdiff ORIGINAL COPY` keeps them.
    #[arg(value_name = "COPY")]
    pub more_copies: Vec<PathBuf>,
    /// Where to keep annotations (default: one file per pair under the data directory).
    #[arg(long, value_name = "PATH")]
    pub annotations: Option<PathBuf>,
    /// When to colour output: auto (a terminal, unless NO_COLOR is set;
    /// CLICOLOR_FORCE forces it), always or never.
    #[arg(long, value_enum, global = true, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
    /// Colours of the review screen (default: the config file's, else dark).
    #[arg(long, value_enum, global = true, value_name = "THEME")]
    pub theme: Option<ThemeArg>,
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
        /// text for a terminal; html a page to share.
        #[arg(long, short, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Also list the candidate edits that detectors' guards dropped,
        /// and why (JSON: a `suppressed` list; text and Markdown: a
        /// closing section).
        #[arg(long)]
        explain: bool,
    },
    /// Export discrepancies with their verdicts and notes.
    Export {
        /// The original text (a path, or `-` for stdin).
        original: PathBuf,
        /// The rewritten copy (a path, or `-` for stdin).
        rewrite: PathBuf,
        /// Default: the config file's export_format, else markdown.
        #[arg(long, short, value_enum)]
        format: Option<ExportFormatArg>,
        /// Write to FILE instead of stdout.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The annotation file to read (default: the pair's file under the data directory).
        #[arg(long, value_name = "PATH")]
        annotations: Option<PathBuf>,
        /// List only factual flags, or only discrepancies with a verdict or
        /// note (notes on text and orphaned annotations are always listed).
        #[arg(long, value_enum, default_value = "all")]
        only: OnlyArg,
    },
    /// Print a shell completion script.
    ///
    /// For example: `factdiff completions bash > ~/.local/share/bash-completion/completions/factdiff`.
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    ///
    /// For example: `factdiff man | man -l -`.
    Man,
    /// Show the settings file.
    Config {
        /// Print the default settings as TOML (a starting config file).
        #[arg(long)]
        print_default: bool,
        /// Print where the settings file is read from.
        #[arg(long, conflicts_with = "print_default")]
        path: bool,
    },
}

/// `--format` of `factdiff report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Json,
    Markdown,
    Text,
    Html,
}

impl From<ReportFormat> for crate::report::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Json => Self::Json,
            ReportFormat::Markdown => Self::Markdown,
            ReportFormat::Text => Self::Text,
            ReportFormat::Html => Self::Html,
        }
    }
}

/// `--format` of `factdiff export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Markdown,
    Json,
    Csv,
    W3c,
    Html,
}

impl From<ExportFormatArg> for Format {
    fn from(f: ExportFormatArg) -> Self {
        match f {
            ExportFormatArg::Markdown => Self::Markdown,
            ExportFormatArg::Json => Self::Json,
            ExportFormatArg::Csv => Self::Csv,
            ExportFormatArg::W3c => Self::W3c,
            ExportFormatArg::Html => Self::Html,
        }
    }
}

/// `--only` of `factdiff export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OnlyArg {
    /// Every discrepancy.
    #[default]
    All,
    /// Factual flags only, without plain rewording.
    Factual,
    /// Discrepancies with a verdict or a note.
    Reviewed,
}

impl From<OnlyArg> for crate::annotate::export::Only {
    fn from(o: OnlyArg) -> Self {
        match o {
            OnlyArg::All => Self::All,
            OnlyArg::Factual => Self::Factual,
            OnlyArg::Reviewed => Self::Reviewed,
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour, for an output that is (or is not) a terminal:
    /// `always`/`never` decide; `auto` honours `CLICOLOR_FORCE` (set and not
    /// `0`: colour), then `NO_COLOR` (set and not empty: none), then the
    /// terminal.
    #[must_use]
    pub fn enabled(self, is_terminal: bool) -> bool {
        let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
            Self::Auto if set("NO_COLOR").is_some() => false,
            Self::Auto => is_terminal,
        }
    }
}

/// `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    #[value(name = "colour-blind", alias = "color-blind")]
    ColourBlind,
}

impl From<ThemeArg> for crate::tui::theme::Palette {
    fn from(t: ThemeArg) -> Self {
        match t {
            ThemeArg::Dark => Self::Dark,
            ThemeArg::Light => Self::Light,
            ThemeArg::ColourBlind => Self::ColourBlind,
        }
    }
}

/// The command line and the config file, merged (flags win).
pub struct Settings {
    /// Colour for what goes to stdout.
    pub color: bool,
    pub theme: Theme,
    pub threshold: Option<f32>,
    pub export_format: Format,
    pub sidebar: Option<bool>,
}

impl Settings {
    /// Reads the config file and merges the flags into it.
    ///
    /// # Errors
    /// An unreadable or invalid config file.
    pub fn new(color: ColorChoice, theme: Option<ThemeArg>) -> anyhow::Result<Self> {
        let config = crate::config::load()?;
        let palette = match (theme, config.theme.as_deref()) {
            (Some(t), _) => t.into(),
            (None, Some(name)) => Palette::from_name(name).unwrap_or_default(),
            (None, None) => Palette::default(),
        };
        let export_format = config
            .export_format
            .as_deref()
            .map(|name| {
                <ExportFormatArg as ValueEnum>::from_str(name, true).map_err(|_| {
                    anyhow::anyhow!(
                        "config export_format \"{name}\": expected markdown, json, csv, w3c or html"
                    )
                })
            })
            .transpose()?
            .map_or(Format::Markdown, Into::into);
        Ok(Self {
            color: color.enabled(std::io::IsTerminal::is_terminal(&std::io::stdout())),
            theme: Theme {
                // The screen is always a terminal: only the choice and NO_COLOR count.
                color: color.enabled(true),
                palette,
            },
            threshold: config.confidence_threshold,
            export_format,
            sidebar: config.sidebar_shown(),
        })
    }

    /// Colours for a text report on stdout, in the theme's spirit: the
    /// colour-blind theme has no red/green pair here either.
    #[must_use]
    pub fn text_colors(&self) -> Option<crate::report::text::Colors> {
        use crate::report::text::Colors;
        self.color.then_some(match self.theme.palette {
            Palette::ColourBlind => Colors::ORANGE_BLUE,
            Palette::Dark | Palette::Light => Colors::RED_GREEN,
        })
    }

    /// Compares with the configured threshold.
    #[must_use]
    pub fn compare(
        &self,
        a: &crate::engine::Document,
        b: &crate::engine::Document,
    ) -> crate::engine::Comparison {
        let c = compare(a, b);
        match self.threshold {
            Some(t) => c.with_threshold(t),
            None => c,
        }
    }
}
