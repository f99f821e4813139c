//! Shell completions, the man page, the config file and `--color`, through
//! the built binary.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_factdiff");

/// Runs factdiff with a config directory of its own and no colour variables.
fn factdiff(args: &[&str], config_home: &Path, env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FACTDIFF_CONFIG");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn completions_and_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = factdiff(&["completions", shell], dir.path(), &[]);
        assert!(out.status.success(), "{shell}");
        let text = stdout(&out);
        assert!(text.contains("factdiff"), "{shell}");
        assert!(
            text.contains("report") && text.contains("export"),
            "{shell}: subcommands completed"
        );
    }
    let man = factdiff(&["man"], dir.path(), &[]);
    assert!(man.status.success());
    let text = stdout(&man);
    assert!(text.lines().any(|l| l.starts_with(".TH factdiff 1")), "{text}");
    assert!(text.contains("report") && text.contains("\\-\\-color"));
}

#[test]
fn default_config_parses_and_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let out = factdiff(&["config", "--print-default"], dir.path(), &[]);
    let text = stdout(&out);
    let table: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(table["theme"].as_str(), Some("dark"));
    assert_eq!(table["export_format"].as_str(), Some("markdown"));
    assert_eq!(table["confidence_threshold"].as_float(), Some(0.5));
    assert_eq!(table["sidebar"].as_str(), Some("auto"));
    let path = stdout(&factdiff(&["config", "--path"], dir.path(), &[]));
    assert_eq!(
        Path::new(path.trim()),
        dir.path().join("factdiff").join("config.toml")
    );

    // A config choosing CSV exports and a high threshold takes effect.
    let pair = tempfile::tempdir().unwrap();
    let (a, b) = (pair.path().join("a.txt"), pair.path().join("b.txt"));
    std::fs::write(&a, "The mayor said 40 people were hurt on Monday.\n").unwrap();
    std::fs::write(&b, "The mayor said 14 people were hurt on Monday.\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let notes = pair.path().join("notes.json");
    let notes = notes.to_str().unwrap();
    let factual = |dir: &Path| {
        let out = factdiff(&["report", "--format", "json", a, b], dir, &[]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["summary"]["factual"].as_u64().unwrap()
    };
    assert_eq!(factual(dir.path()), 1);
    std::fs::create_dir_all(dir.path().join("factdiff")).unwrap();
    std::fs::write(
        dir.path().join("factdiff/config.toml"),
        "export_format = \"csv\"\nconfidence_threshold = 0.99\n",
    )
    .unwrap();
    assert_eq!(factual(dir.path()), 0);
    let csv = stdout(&factdiff(
        &["export", "--annotations", notes, a, b],
        dir.path(),
        &[],
    ));
    assert!(csv.starts_with("section,"), "{csv}");

    // A broken config is an error naming the file, not silently ignored.
    std::fs::write(dir.path().join("factdiff/config.toml"), "theme = \"neon\"\n").unwrap();
    let out = factdiff(&["report", a, b], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neon"));
}

#[test]
fn color_flag_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    let pair = tempfile::tempdir().unwrap();
    let (a, b) = (pair.path().join("a.txt"), pair.path().join("b.txt"));
    std::fs::write(&a, "The mayor said 40 people were hurt.\n").unwrap();
    std::fs::write(&b, "The mayor said 14 people were hurt.\n").unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let colored = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["report", a, b];
        all.extend_from_slice(args);
        stdout(&factdiff(&all, dir.path(), env)).contains('\x1b')
    };
    // Piped: plain unless asked.
    assert!(!colored(&[], &[]));
    assert!(colored(&["--color", "always"], &[]));
    assert!(colored(&["--color=always"], &[("NO_COLOR", "1")]));
    assert!(colored(&[], &[("CLICOLOR_FORCE", "1")]));
    assert!(!colored(&[], &[("CLICOLOR_FORCE", "0")]));
    assert!(!colored(&["--color", "never"], &[("CLICOLOR_FORCE", "1")]));
    assert!(!colored(&["--color", "auto"], &[("NO_COLOR", "1")]));
    // --theme is accepted everywhere, and checked.
    let out = factdiff(&["report", a, b, "--theme", "colour-blind"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&factdiff(
        &["report", a, b, "--theme", "colour-blind", "--color", "always"],
        dir.path(),
        &[],
    ));
    assert!(
        text.contains('\x1b') && !text.contains("\x1b[31m") && !text.contains("\x1b[32m"),
        "no red/green pair"
    );
    let out = factdiff(&["report", a, b, "--theme", "neon"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
}
