//! Styles. Every distinction also shows without colour (underline, bold,
//! reverse, markers), and with `NO_COLOR` set no colour is used at all.
//! Three palettes: dark terminals, light terminals, and a colour-blind-safe
//! one (Okabe–Ito hues: orange against blue, never red against green).

use ratatui::style::{Color, Modifier, Style};

/// Which colours the screen uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// Bright colours for a dark background.
    #[default]
    Dark,
    /// Deep colours that keep their contrast on a white background.
    Light,
    /// Orange for deleted, blue for inserted, yellow for flags: told apart
    /// with any common colour-vision deficiency.
    ColourBlind,
}

impl Palette {
    /// The palette named `name` (`dark`, `light`, `colour-blind`; also
    /// `color-blind`, `colorblind`, `cb`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "dark" => Some(Self::Dark),
            "light" => Some(Self::Light),
            "colour-blind" | "color-blind" | "colourblind" | "colorblind" | "cb" => Some(Self::ColourBlind),
            _ => None,
        }
    }

    /// The name config files and `--theme` use.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
            Self::ColourBlind => "colour-blind",
        }
    }

    const fn colors(self) -> Colors {
        const fn rgb(r: u8, g: u8, b: u8) -> Color {
            Color::Rgb(r, g, b)
        }
        match self {
            Self::Dark => Colors {
                deleted: Color::LightRed,
                inserted: Color::LightGreen,
                flag_bg: Color::Yellow,
                current_bg: Color::Cyan,
                matched_bg: Color::LightBlue,
                selected_bg: Color::LightMagenta,
                dim: Color::DarkGray,
                mark: Color::LightRed,
            },
            Self::Light => Colors {
                deleted: rgb(175, 0, 0),
                inserted: rgb(0, 105, 0),
                flag_bg: rgb(255, 214, 0),
                current_bg: rgb(120, 200, 230),
                matched_bg: rgb(190, 215, 255),
                selected_bg: rgb(240, 190, 240),
                dim: rgb(105, 105, 105),
                mark: rgb(175, 0, 0),
            },
            Self::ColourBlind => Colors {
                deleted: rgb(230, 159, 0),
                inserted: rgb(86, 180, 233),
                flag_bg: rgb(240, 228, 66),
                current_bg: rgb(204, 121, 167),
                matched_bg: rgb(86, 180, 233),
                selected_bg: rgb(204, 121, 167),
                dim: Color::DarkGray,
                mark: rgb(230, 159, 0),
            },
        }
    }
}

/// The colours a palette gives each role.
#[derive(Debug, Clone, Copy)]
struct Colors {
    deleted: Color,
    inserted: Color,
    flag_bg: Color,
    current_bg: Color,
    matched_bg: Color,
    selected_bg: Color,
    dim: Color,
    mark: Color,
}

/// The styles of the screen, with or without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// Colour unless `NO_COLOR` is set to a non-empty value; dark palette.
    #[must_use]
    pub fn from_env() -> Self {
        Self {
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            palette: Palette::Dark,
        }
    }

    /// No colour at all: every distinction by underline, bold, reverse.
    #[must_use]
    pub const fn plain() -> Self {
        Self {
            color: false,
            palette: Palette::Dark,
        }
    }

    const fn c(self) -> Colors {
        self.palette.colors()
    }

    fn pick(self, colored: Style, plain: Style) -> Style {
        if self.color { colored } else { plain }
    }

    /// Words of the original with no counterpart.
    #[must_use]
    pub fn deleted(self) -> Style {
        let s = Style::new().add_modifier(Modifier::UNDERLINED);
        self.pick(s.fg(self.c().deleted), s)
    }

    /// Words of the rewrite with no counterpart.
    #[must_use]
    pub fn inserted(self) -> Style {
        let s = Style::new().add_modifier(Modifier::UNDERLINED);
        self.pick(s.fg(self.c().inserted), s)
    }

    /// Text of a factual flag.
    #[must_use]
    pub fn factual(self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        self.pick(s.fg(Color::Black).bg(self.c().flag_bg), s)
    }

    /// The current discrepancy, and the current search match.
    #[must_use]
    pub fn current(self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        self.pick(
            Style::new()
                .fg(Color::Black)
                .bg(self.c().current_bg)
                .add_modifier(Modifier::BOLD),
            s,
        )
    }

    /// Other search matches.
    #[must_use]
    pub fn matched(self) -> Style {
        let s = Style::new().add_modifier(Modifier::ITALIC | Modifier::UNDERLINED);
        self.pick(s.fg(Color::Black).bg(self.c().matched_bg), s)
    }

    /// Text selected for a free note.
    #[must_use]
    pub fn selected(self) -> Style {
        let s = Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC);
        self.pick(Style::new().fg(Color::Black).bg(self.c().selected_bg), s)
    }

    /// Gutters, fillers and other furniture.
    #[must_use]
    pub fn dim(self) -> Style {
        self.pick(Style::new().fg(self.c().dim), Style::new())
    }

    /// Tags of the "check" tier (meaning may have changed).
    #[must_use]
    pub fn check_mark(self) -> Style {
        // Underlined in every theme, so the tier reads without colour.
        let s = Style::new().add_modifier(Modifier::UNDERLINED);
        self.pick(s.fg(self.c().mark), s)
    }

    /// A factual marker in a gutter or the overview.
    #[must_use]
    pub fn factual_mark(self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        self.pick(s.fg(self.c().mark), s)
    }

    /// Headers, the status bar and the part of the overview in view.
    #[must_use]
    pub fn bar(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fg(s: Style) -> Color {
        s.fg.unwrap_or(Color::Reset)
    }

    #[test]
    fn colour_blind_palette_has_no_red_green_pair_and_keeps_cues() {
        let t = Theme {
            color: true,
            palette: Palette::ColourBlind,
        };
        for c in [fg(t.deleted()), fg(t.inserted()), fg(t.factual_mark())] {
            assert!(!matches!(
                c,
                Color::Red | Color::LightRed | Color::Green | Color::LightGreen
            ));
        }
        assert_ne!(fg(t.deleted()), fg(t.inserted()));
        assert!(t.deleted().add_modifier.contains(Modifier::UNDERLINED));
        assert!(t.factual().add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn names_round_trip() {
        for p in [Palette::Dark, Palette::Light, Palette::ColourBlind] {
            assert_eq!(Palette::from_name(p.name()), Some(p));
        }
        assert_eq!(Palette::from_name("color-blind"), Some(Palette::ColourBlind));
        assert_eq!(Palette::from_name("neon"), None);
    }

    /// WCAG contrast of an sRGB colour against white.
    fn contrast_on_white(c: Color) -> f64 {
        let Color::Rgb(r, g, b) = c else {
            panic!("light palette uses RGB")
        };
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        1.05 / (l + 0.05)
    }

    #[test]
    fn light_palette_text_reads_on_white() {
        let t = Theme {
            color: true,
            palette: Palette::Light,
        };
        for c in [fg(t.deleted()), fg(t.inserted()), fg(t.dim())] {
            assert!(contrast_on_white(c) >= 4.5, "{c:?}");
        }
    }
}
