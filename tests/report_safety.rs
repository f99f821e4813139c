//! Terminal safety: no control sequence from a document (or a file name) may
//! reach the terminal through the text or Markdown report or an error message.

use factdiff::engine::{Document, compare};
use factdiff::report::{Format, Report};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_factdiff");

/// The text renderer's own SGR codes, the only escapes it may write.
const OWN_CODES: &[&str] = &["\x1b[31m", "\x1b[32m", "\x1b[1m", "\x1b[2m", "\x1b[0m"];

/// Every kind of control a hostile document might carry.
const HOSTILE: &str = concat!(
    "\x1b[2J\x1b[H",               // clear screen, cursor home
    "\x1b[31mred\x1b[0m ",         // SGR
    "\x1b]52;c;cm0gLXJmIH4K\x07 ", // OSC 52 clipboard write, BEL-terminated
    "\x1b]0;pwned title\x07 ",     // OSC 0 title
    "\x1b]2;other title\x1b\\ ",   // OSC 2 title, ST-terminated
    "bell\x07 back\x08\x08\x08 ",  // BEL, backspace
    "line\rOverwritten ",          // bare CR
    "\u{9b}2J \u{9d}0;c1 title\u{9c} \u{90}dcs\u{9c} \u{85}nel \u{80}\u{9f} ", // C1 controls
    "del\x7f vt\x0b ff\x0c nul-free",
);

fn hostile_pair() -> (String, String) {
    let original = format!(
        "Storm {HOSTILE} report\n\n\
         The mayor said 40 people were hurt in town.\n\
         A sentence {HOSTILE} that the rewrite drops entirely here.\n\n\
         Crews worked all night.\n"
    );
    let rewrite = format!(
        "Storm {HOSTILE} report\n\n\
         The mayor said 14 people {HOSTILE} were hurt in the town.\n\n\
         Crews worked all night.\n\
         A brand new {HOSTILE} sentence was added by the rewrite.\n"
    );
    (original, rewrite)
}

/// Fails if `out` holds a control character other than a newline (and a CR
/// right before a newline when `crlf_ok`, as a pty turns `\n` into `\r\n`).
fn assert_inert(out: &str, what: &str, crlf_ok: bool) {
    let mut chars = out.chars().peekable();
    let mut at = 0;
    while let Some(c) = chars.next() {
        let allowed = c == '\n' || (crlf_ok && c == '\r' && chars.peek() == Some(&'\n'));
        assert!(
            allowed || !c.is_control(),
            "{what}: control U+{:04X} at byte {at} in output:\n{}",
            c as u32,
            out.escape_debug()
        );
        at += c.len_utf8();
    }
}

/// Removes the renderer's own colour codes.
fn strip_own_codes(out: &str) -> String {
    OWN_CODES
        .iter()
        .fold(out.to_owned(), |s, code| s.replace(code, ""))
}

fn write(dir: &TempDir, name: &OsStr, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn run(args: &[&OsStr], no_color: bool) -> Output {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    cmd.output().expect("run factdiff")
}

fn report(a: &Path, b: &Path, format: &str, no_color: bool) -> Output {
    run(
        &[
            "report".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ],
        no_color,
    )
}

#[test]
fn hostile_document_text_and_markdown_through_binary() {
    let dir = TempDir::new().unwrap();
    let (a_text, b_text) = hostile_pair();
    let a = write(&dir, "a.txt".as_ref(), a_text.as_bytes());
    let b = write(&dir, "b.txt".as_ref(), b_text.as_bytes());
    for format in ["text", "markdown"] {
        for no_color in [true, false] {
            let out = report(&a, &b, format, no_color);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let stdout = String::from_utf8(out.stdout).unwrap();
            // stdout is a pipe here: no colour at all, NO_COLOR or not.
            assert_inert(&stdout, &format!("{format}, NO_COLOR={no_color}"), false);
            assert!(stdout.contains('␛'), "the escapes should show as visible symbols");
        }
    }
}

#[test]
fn hostile_document_rendered_with_colour() {
    let (a_text, b_text) = hostile_pair();
    let a = Document::from(a_text.as_str());
    let b = Document::from(b_text.as_str());
    let comparison = compare(&a, &b);
    assert!(!comparison.discrepancies.is_empty());
    let report = Report {
        original_name: "orig\x1b]0;t\x07.txt",
        rewrite_name: "rew\u{9b}31m.txt",
        original: &a,
        rewrite: &b,
        comparison: &comparison,
    };
    let coloured = report.render(Format::Text, true);
    assert!(coloured.contains('\x1b'), "colour on should paint");
    assert_inert(&strip_own_codes(&coloured), "text with colour", false);
    assert_inert(&report.render(Format::Text, false), "text without colour", false);
    assert!(!report.render(Format::Text, false).contains('\x1b'));
    assert_inert(&report.render(Format::Markdown, false), "markdown", false);
}

/// Runs the binary with its stdout on a pseudo-terminal (via `script`), so
/// that the colour decision in `main` is exercised; `None` if unavailable.
fn on_pty(a: &Path, b: &Path, no_color: bool) -> Option<String> {
    let quote = |p: &Path| format!("'{}'", p.display());
    let cmdline = format!("{BIN} report {} {} --format text", quote(a), quote(b));
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &cmdline, "/dev/null"]);
    if no_color {
        cmd.env("NO_COLOR", "1");
    } else {
        cmd.env_remove("NO_COLOR");
    }
    let out = cmd.output().ok()?;
    // `script` passes the child's exit status through with -e.
    if out.status.code() != Some(1) {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}

#[test]
fn hostile_document_on_a_terminal() {
    let dir = TempDir::new().unwrap();
    let (a_text, b_text) = hostile_pair();
    let a = write(&dir, "a.txt".as_ref(), a_text.as_bytes());
    let b = write(&dir, "b.txt".as_ref(), b_text.as_bytes());
    let Some(plain) = on_pty(&a, &b, true) else {
        println!("skipping: `script` cannot give the binary a pseudo-terminal here");
        return;
    };
    assert!(!plain.contains('\x1b'), "NO_COLOR on a tty: no escapes at all");
    assert_inert(&plain, "tty, NO_COLOR", true);
    let coloured = on_pty(&a, &b, false).expect("second pty run");
    assert!(coloured.contains('\x1b'), "a tty without NO_COLOR gets colour");
    assert_inert(&strip_own_codes(&coloured), "tty, colour", true);
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_missing_file_name() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt".as_ref(), b"Hello.");
    let evil = dir.path().join(OsStr::from_bytes(
        b"gone\x1b]0;pwned\x07\x1b[2J\xc2\x9b31m\r\x08.txt",
    ));
    let out = report(&a, &evil, "text", true);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert!(stderr.starts_with("factdiff:"), "{stderr:?}");
    assert_eq!(stderr.lines().count(), 1, "{stderr:?}");
    assert_inert(&stderr, "error message", false);
    assert!(stderr.contains("gone␛]0;pwned␇"), "{stderr:?}");
}

#[cfg(unix)]
#[test]
fn control_characters_in_a_non_utf8_file_name() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt".as_ref(), b"Hello.");
    let evil = dir.path().join(OsStr::from_bytes(b"bad\xff\x9b2J\x1b[H.txt"));
    let out = report(&a, &evil, "text", true);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("stderr is UTF-8");
    assert_inert(&stderr, "error message", false);
}

#[cfg(unix)]
#[test]
fn control_characters_in_an_existing_file_name() {
    use std::os::unix::ffi::OsStrExt;
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt".as_ref(), b"The mayor said 40 people were hurt.");
    let b = write(
        &dir,
        OsStr::from_bytes(b"b\x1b]52;c;cm0K\x07\xc2\x9d0;t\xc2\x9c\r.txt"),
        b"The mayor said 14 people were hurt.",
    );
    for format in ["text", "markdown"] {
        for no_color in [true, false] {
            let out = report(&a, &b, format, no_color);
            assert_eq!(out.status.code(), Some(1));
            let stdout = String::from_utf8(out.stdout).unwrap();
            assert_inert(&stdout, &format!("{format} with a hostile file name"), false);
        }
    }
}
