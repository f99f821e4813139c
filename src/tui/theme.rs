//! Styles. Every distinction also shows without colour (underline, bold,
//! reverse, markers), and with `NO_COLOR` set no colour is used at all.

use ratatui::style::{Color, Modifier, Style};

/// The styles of the screen, with or without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value.
    #[must_use]
    pub fn from_env() -> Self {
        Self {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }

    fn pick(self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// Words of the original with no counterpart.
    #[must_use]
    pub fn deleted(self) -> Style {
        let s = Style::new().add_modifier(Modifier::UNDERLINED);
        self.pick(s.fg(Color::LightRed), s)
    }

    /// Words of the rewrite with no counterpart.
    #[must_use]
    pub fn inserted(self) -> Style {
        let s = Style::new().add_modifier(Modifier::UNDERLINED);
        self.pick(s.fg(Color::LightGreen), s)
    }

    /// Text of a factual flag.
    #[must_use]
    pub fn factual(self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        self.pick(s.fg(Color::Black).bg(Color::Yellow), s)
    }

    /// The current discrepancy, and the current search match.
    #[must_use]
    pub fn current(self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            s,
        )
    }

    /// Other search matches.
    #[must_use]
    pub fn matched(self) -> Style {
        let s = Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED);
        self.pick(s.fg(Color::Black).bg(Color::LightBlue), s)
    }

    /// Text selected for a free note.
    #[must_use]
    pub fn selected(self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC);
        self.pick(Style::new().fg(Color::Black).bg(Color::LightMagenta), s)
    }

    /// Gutters, fillers and other furniture.
    #[must_use]
    pub fn dim(self) -> Style {
        self.pick(Style::new().fg(Color::DarkGray), Style::new())
    }

    /// A factual marker in a gutter or the overview.
    #[must_use]
    pub fn factual_mark(self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        self.pick(s.fg(Color::LightRed), s)
    }

    /// Headers, the status bar and the part of the overview in view.
    #[must_use]
    pub fn bar(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}
