//! The user's settings: `config.toml` under the XDG config directory
//! (`$XDG_CONFIG_HOME/factdiff/`, usually `~/.config/factdiff/`), or the
//! file `FACTDIFF_CONFIG` names. Every key is optional; command-line flags
//! win over the file.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Environment variable naming a config file to read instead of the default.
pub const CONFIG_VAR: &str = "FACTDIFF_CONFIG";

/// The settings a config file may hold.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `dark`, `light` or `colour-blind`.
    pub theme: Option<String>,
    /// Format of `factdiff export` when `--format` is not given.
    pub export_format: Option<String>,
    /// Confidence from which a discrepancy counts as factual (0 to 1).
    pub confidence_threshold: Option<f32>,
    /// `auto` (shown on wide terminals), `shown` or `hidden`.
    pub sidebar: Option<String>,
}

/// Why the config file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config '{path}': {error}")]
    Read { path: PathBuf, error: std::io::Error },
    #[error("config '{path}': {message}")]
    Invalid { path: PathBuf, message: String },
}

/// The default config, every key with its default value and a comment.
pub const DEFAULT_TOML: &str = r#"# factdiff settings. Save as the file `factdiff config --path` prints.
# Command-line flags (--theme, --format, --color) win over this file.

# Colours of the review screen: "dark", "light" or "colour-blind"
# (orange/blue instead of red/green; underline and bold cues stay).
theme = "dark"

# Format of `factdiff export` without --format:
# "markdown", "json", "csv", "w3c" or "html".
export_format = "markdown"

# A discrepancy whose confidence reaches this is a factual flag (0 to 1).
# Lower finds more and warns more often; plain rewording is never factual.
confidence_threshold = 0.5

# The annotation sidebar of the review screen: "auto" (shown when the
# terminal is at least 120 columns wide), "shown" or "hidden".
sidebar = "auto"
"#;

/// Where the config file is read from.
#[must_use]
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(CONFIG_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "factdiff").map(|d| d.config_dir().join("config.toml"))
}

/// Reads the config; a missing file is the default config.
///
/// # Errors
/// An unreadable file, invalid TOML, an unknown key or a value out of range.
pub fn load() -> Result<Config, ConfigError> {
    match path() {
        Some(p) => load_from(&p),
        None => Ok(Config::default()),
    }
}

/// Reads the config at `path`; a missing file is the default config.
///
/// # Errors
/// As [`load`].
pub fn load_from(path: &Path) -> Result<Config, ConfigError> {
    // No file, or a directory on the way this user cannot enter (a service
    // account whose HOME is not its own): no config. A file that exists
    // but cannot be read is an error.
    if let Err(e) = std::fs::metadata(path)
        && matches!(
            e.kind(),
            std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied
        )
    {
        return Ok(Config::default());
    }
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(error) => {
            return Err(ConfigError::Read {
                path: path.to_owned(),
                error,
            });
        }
    };
    let invalid = |message: String| ConfigError::Invalid {
        path: path.to_owned(),
        message,
    };
    let config: Config = toml::from_str(&text).map_err(|e| invalid(e.message().to_owned()))?;
    config.check().map_err(invalid)?;
    Ok(config)
}

impl Config {
    /// Values a type cannot rule out.
    fn check(&self) -> Result<(), String> {
        if let Some(t) = &self.theme
            && crate::tui::theme::Palette::from_name(t).is_none()
        {
            return Err(format!(
                "theme \"{t}\": expected \"dark\", \"light\" or \"colour-blind\""
            ));
        }
        if let Some(t) = self.confidence_threshold
            && !(0.0..=1.0).contains(&t)
        {
            return Err(format!("confidence_threshold {t}: expected a number from 0 to 1"));
        }
        if let Some(s) = &self.sidebar
            && !matches!(s.as_str(), "auto" | "shown" | "hidden")
        {
            return Err(format!(
                "sidebar \"{s}\": expected \"auto\", \"shown\" or \"hidden\""
            ));
        }
        Ok(())
    }

    /// The sidebar setting: `None` for auto.
    #[must_use]
    pub fn sidebar_shown(&self) -> Option<bool> {
        match self.sidebar.as_deref() {
            Some("shown") => Some(true),
            Some("hidden") => Some(false),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_text_parses_to_the_defaults() {
        let c: Config = toml::from_str(DEFAULT_TOML).unwrap();
        assert_eq!(c.theme.as_deref(), Some("dark"));
        assert_eq!(c.export_format.as_deref(), Some("markdown"));
        assert_eq!(c.confidence_threshold, Some(0.5));
        assert_eq!(c.sidebar_shown(), None);
        c.check().unwrap();
    }

    #[test]
    fn bad_values_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.toml");
        std::fs::write(&p, "theme = \"neon\"\n").unwrap();
        assert!(load_from(&p).unwrap_err().to_string().contains("neon"));
        std::fs::write(&p, "colour = 1\n").unwrap();
        assert!(load_from(&p).unwrap_err().to_string().contains("colour"));
        std::fs::write(&p, "confidence_threshold = 2.0\n").unwrap();
        assert!(load_from(&p).is_err());
        assert_eq!(
            load_from(&dir.path().join("none.toml")).unwrap(),
            Config::default()
        );
    }
}
