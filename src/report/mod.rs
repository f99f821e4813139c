//! Renderers of a [`Comparison`] for people and programs: JSON (the
//! contract other tools read), Markdown, terminal text, a shareable HTML
//! page, and with the reviewer's verdicts CSV and W3C annotations. Every
//! format renders one [`view::View`]; a report is a view without verdicts.

pub mod copies;
pub mod html;
pub(crate) mod json;
pub(crate) mod markdown;
pub mod places;
pub mod text;
pub mod view;

pub use copies::Copies;

use crate::engine::{Comparison, Document};

/// Output format of `factdiff report` and `factdiff export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Text,
    /// A self-contained page: both texts side by side, flags beside them.
    Html,
    /// One row per discrepancy, span note and orphaned annotation.
    Csv,
    /// W3C Web Annotation JSON-LD, for annotation software.
    W3c,
}

impl Format {
    /// The usual file extension, for a default output name.
    #[must_use]
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Markdown => "md",
            Self::Json => "json",
            Self::Text => "txt",
            Self::Csv => "csv",
            Self::W3c => "jsonld",
            Self::Html => "html",
        }
    }
}

/// What a renderer needs: both documents, their display names, the result.
pub struct Report<'a> {
    pub original_name: &'a str,
    pub rewrite_name: &'a str,
    pub original: &'a Document,
    pub rewrite: &'a Document,
    pub comparison: &'a Comparison,
}

impl Report<'_> {
    /// Renders in `format`; `color` applies to text only.
    #[must_use]
    pub fn render(&self, format: Format, color: bool) -> String {
        self.render_colored(format, color.then_some(text::Colors::RED_GREEN))
    }

    /// Renders in `format`; text in `colors` when given (others ignore it).
    #[must_use]
    pub fn render_colored(&self, format: Format, colors: Option<text::Colors>) -> String {
        // Every format renders the same view; a report is a view without verdicts.
        view::View::from(self).render(format, colors)
    }
}

/// A report with what `--explain` adds: JSON gains a `suppressed` list
/// (the candidates detectors' guards dropped); text and Markdown end with
/// them listed. `None` for a format that has no room for them.
#[must_use]
pub fn explained(view: &view::View<'_>, format: Format, colors: Option<text::Colors>) -> Option<String> {
    match format {
        Format::Json => Some(json::render_explained(view)),
        Format::Text | Format::Markdown => Some(view.render(format, colors) + &text::explained(view)),
        Format::Html | Format::Csv | Format::W3c => None,
    }
}
