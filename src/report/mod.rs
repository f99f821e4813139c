//! Renderers of a [`Comparison`] for people and programs: JSON (the
//! contract other tools read), Markdown, terminal text and a shareable HTML
//! page ([`view::View`] is what the two-text renderers read).

pub mod copies;
pub mod html;
mod json;
mod markdown;
pub mod places;
pub mod text;
pub mod view;

pub use copies::Copies;

use crate::engine::{Comparison, Document};

/// Output format of `factdiff report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Text,
    /// A self-contained page: both texts side by side, flags beside them.
    Html,
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
