//! Bad and unusual inputs given to the built binary: every case must end in
//! either a correct report (exit 0 or 1) or exit 2 with one line on stderr
//! starting with `factdiff:`, never a panic.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_factdiff");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

fn finish(out: Output, elapsed: Duration) -> Run {
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed,
    }
}

fn run(args: &[&std::ffi::OsStr], stdin: Option<&[u8]>) -> Run {
    let start = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn factdiff");
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().expect("stdin pipe");
        // factdiff may reject its arguments and exit before reading stdin.
        if let Err(e) = pipe.write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
    }
    let out = child.wait_with_output().expect("wait for factdiff");
    finish(out, start.elapsed())
}

fn report(a: &Path, b: &Path, format: &str) -> Run {
    run(
        &[
            "report".as_ref(),
            a.as_os_str(),
            b.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ],
        None,
    )
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// Exit 2, exactly one line on stderr starting with `factdiff:`, no panic.
fn assert_clean_error(r: &Run) {
    assert_eq!(r.code, 2, "expected exit 2; stderr: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "panic: {}", r.stderr);
    assert!(r.stderr.starts_with("factdiff:"), "stderr: {:?}", r.stderr);
    assert!(r.stderr.ends_with('\n'), "stderr: {:?}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "stderr: {:?}", r.stderr);
    assert!(r.stdout.is_empty(), "stdout on error: {:?}", r.stdout);
}

/// Exit 0 or 1, nothing on stderr, the JSON parses and every span in it is in
/// bounds and on char boundaries of the raw bytes of its side, with quoted
/// texts equal to the raw slices. Returns the parsed report.
fn assert_json_report(r: &Run, a: &[u8], b: &[u8]) -> Value {
    assert!(
        r.code == 0 || r.code == 1,
        "exit {}; stderr: {}",
        r.code,
        r.stderr
    );
    assert!(r.stderr.is_empty(), "stderr: {}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("report is JSON");
    let a = std::str::from_utf8(a).expect("original is UTF-8");
    let b = std::str::from_utf8(b).expect("rewrite is UTF-8");
    for unit in v["alignment"].as_array().expect("alignment array") {
        check_span(a, &unit["original"]);
        check_span(b, &unit["rewrite"]);
    }
    for d in v["discrepancies"].as_array().expect("discrepancies array") {
        if let Some(text) = check_span(a, &d["original"]) {
            assert_eq!(d["original_text"].as_str(), Some(text), "{d}");
        }
        if let Some(text) = check_span(b, &d["rewrite"]) {
            assert_eq!(d["rewrite_text"].as_str(), Some(text), "{d}");
        }
    }
    assert_eq!(
        v["summary"]["identical"].as_bool(),
        Some(r.code == 0),
        "exit code and summary disagree"
    );
    v
}

/// Checks one `[start, end]` (or null) against `text`; returns the slice.
fn check_span<'t>(text: &'t str, span: &Value) -> Option<&'t str> {
    if span.is_null() {
        return None;
    }
    let pair = span.as_array().expect("span is [start, end]");
    let start = usize::try_from(pair[0].as_u64().expect("start")).unwrap();
    let end = usize::try_from(pair[1].as_u64().expect("end")).unwrap();
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} out of bounds ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {start}..{end} not on char boundaries"
    );
    Some(&text[start..end])
}

fn texts_of(v: &Value, side: &str) -> Vec<String> {
    v["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d[format!("{side}_text")].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn missing_file() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", b"Hello.");
    let r = report(&a, &dir.path().join("nope.txt"), "text");
    assert_clean_error(&r);
    assert!(r.stderr.contains("nope.txt"), "{}", r.stderr);
    // The reason is given once, not repeated by the error chain.
    assert_eq!(r.stderr.matches("(os error").count(), 1, "{}", r.stderr);
}

#[test]
fn directory() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", b"Hello.");
    let r = report(dir.path(), &a, "text");
    assert_clean_error(&r);
    assert!(r.stderr.contains("directory"), "{}", r.stderr);
}

/// A mode-000 file. Root reads it anyway, so as root the binary is run as
/// `nobody` through `setpriv`; the test is skipped only when that is
/// impossible too.
#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let a = write(&dir, "a.txt", b"Hello.");
    let b = write(&dir, "b.txt", b"Hello.");
    std::fs::set_permissions(&b, std::fs::Permissions::from_mode(0o000)).unwrap();
    let args = [a.as_os_str(), b.as_os_str()];
    let r = if std::fs::read(&b).is_err() {
        run(&[&["report".as_ref()], &args[..]].concat(), None)
    } else {
        let Some(r) = run_as_nobody(&args) else {
            println!("skipping unreadable_file: running as root without setpriv");
            return;
        };
        r
    };
    assert_clean_error(&r);
    assert!(
        r.stderr.contains("b.txt") && r.stderr.contains("ermission denied"),
        "{}",
        r.stderr
    );
}

/// `factdiff report ARGS` as user and group 65534, or None when setpriv is
/// missing or cannot drop privileges here.
#[cfg(unix)]
fn run_as_nobody(args: &[&std::ffi::OsStr]) -> Option<Run> {
    let start = Instant::now();
    let out = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN, "report"])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let run = finish(out, start.elapsed());
    (!run.stderr.starts_with("setpriv")).then_some(run)
}

#[test]
fn binary_with_nul_bytes() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", b"Hello.");
    let b = write(&dir, "b.bin", b"\x7fELF\x02\x01\x01\0\0\0\0\0binary");
    let r = report(&a, &b, "json");
    assert_clean_error(&r);
    assert!(
        r.stderr.contains("binary") && r.stderr.contains("offset 7"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8_names_byte_offset() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", "Caf\u{e9} one. Two.".as_bytes());
    // Latin-1 é (0xE9) at byte 3, followed by a space: not UTF-8.
    let b = write(&dir, "b.txt", b"Caf\xe9 one. Two.");
    let r = report(&a, &b, "text");
    assert_clean_error(&r);
    assert_eq!(r.stderr.matches("byte offset 3").count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("b.txt"), "{}", r.stderr);
}

#[test]
fn both_files_empty_are_identical() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", b"");
    let b = write(&dir, "b.txt", b"");
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, b"", b"");
    assert_eq!(r.code, 0);
    assert_eq!(v["summary"]["discrepancies"], 0);
    let t = report(&a, &b, "text");
    assert_eq!(t.code, 0);
    assert!(t.stdout.contains("identical"), "{}", t.stdout);
}

#[test]
fn one_file_empty() {
    let dir = TempDir::new().unwrap();
    let text = b"The council met on Monday. It voted 7 to 2.";
    let a = write(&dir, "a.txt", text);
    let b = write(&dir, "b.txt", b"");
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, text, b"");
    assert_eq!(r.code, 1);
    assert!(v["summary"]["discrepancies"].as_u64().unwrap() > 0);
    let r = report(&b, &a, "json");
    assert_json_report(&r, b"", text);
    assert_eq!(r.code, 1);
    for format in ["text", "markdown"] {
        let r = report(&b, &a, format);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(r.stderr.is_empty());
    }
}

#[test]
fn identical_files() {
    let dir = TempDir::new().unwrap();
    let text = "Headline here\n\nThe mayor said 40 people were hurt. “We are ready,” she said.\n";
    let a = write(&dir, "a.txt", text.as_bytes());
    let b = write(&dir, "b.txt", text.as_bytes());
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, text.as_bytes(), text.as_bytes());
    assert_eq!(r.code, 0);
    assert_eq!(v["summary"]["identical"], true);
    assert_eq!(v["summary"]["factual"], 0);
    let t = report(&a, &b, "text");
    assert_eq!(t.code, 0);
    assert!(t.stdout.contains("The texts are identical."), "{}", t.stdout);
}

/// Builds an article whose changed number sits after several line breaks,
/// so that offsets counted on normalised text would point elsewhere.
fn article(number: &str, newline: &str) -> String {
    [
        "Storm hits the coast",
        "",
        "Rain fell all night over the bay. Winds were strong.",
        "Roads were closed near the harbour.",
        "",
        &format!("Police said {number} people were hurt in the town."),
        "The mayor thanked the crews.",
    ]
    .join(newline)
}

fn assert_number_span(v: &Value) {
    let originals = texts_of(v, "original");
    let rewrites = texts_of(v, "rewrite");
    assert!(
        originals.iter().any(|t| t.contains("40") && t.len() < 40),
        "no short original span holding 40: {originals:?}"
    );
    assert!(
        rewrites.iter().any(|t| t.contains("14") && t.len() < 40),
        "no short rewrite span holding 14: {rewrites:?}"
    );
    for d in v["discrepancies"].as_array().unwrap() {
        if d["kind"] == "number" {
            let o = d["original_text"].as_str().unwrap_or_default();
            let r = d["rewrite_text"].as_str().unwrap_or_default();
            assert!(o.contains("40") && r.contains("14"), "{d}");
        }
    }
}

#[test]
fn crlf_files_spans_index_raw_bytes() {
    let dir = TempDir::new().unwrap();
    let a_text = article("40", "\r\n");
    let b_text = article("14", "\r\n");
    let a = write(&dir, "a.txt", a_text.as_bytes());
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    assert_eq!(r.code, 1);
    assert_number_span(&v);
}

#[test]
fn crlf_against_lf_original() {
    let dir = TempDir::new().unwrap();
    let a_text = article("40", "\n");
    let b_text = article("14", "\r\n");
    let a = write(&dir, "a.txt", a_text.as_bytes());
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    assert_number_span(&v);
}

#[test]
fn bom_files_spans_index_raw_bytes() {
    let dir = TempDir::new().unwrap();
    let a_text = format!("\u{feff}{}", article("40", "\n"));
    let b_text = format!("\u{feff}{}", article("14", "\r\n"));
    let a = write(&dir, "a.txt", a_text.as_bytes());
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    assert_eq!(r.code, 1);
    assert_number_span(&v);
    // No span may start inside or before the BOM's end.
    for unit in v["alignment"].as_array().unwrap() {
        for side in ["original", "rewrite"] {
            if let Some(start) = unit[side][0].as_u64() {
                assert!(start >= 3, "{unit}");
            }
        }
    }
}

#[test]
fn bom_only_difference_is_identical() {
    let dir = TempDir::new().unwrap();
    let plain = article("40", "\n");
    let bom = format!("\u{feff}{plain}");
    let a = write(&dir, "a.txt", plain.as_bytes());
    let b = write(&dir, "b.txt", bom.as_bytes());
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, plain.as_bytes(), bom.as_bytes());
    assert_eq!(r.code, 0, "a BOM alone is not a difference");
    assert_eq!(v["summary"]["discrepancies"], 0);
}

/// A line of `bytes` bytes with no sentence break anywhere.
fn long_line(bytes: usize, changed: &str) -> String {
    let words = ["alpha", "beta", "gamma", "delta", "river", "north", "tower"];
    let mut s = String::with_capacity(bytes + 16);
    let mut i = 0;
    while s.len() < bytes / 2 {
        s.push_str(words[i % words.len()]);
        s.push(' ');
        i += 1;
    }
    s.push_str(changed);
    while s.len() < bytes {
        s.push(' ');
        s.push_str(words[i % words.len()]);
        i += 1;
    }
    s
}

/// Reports a pair that differs, checks the JSON spans and exit 1, and
/// returns the report.
fn differing_pair_report(a_text: &str, b_text: &str, what: &str) -> serde_json::Value {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", a_text.as_bytes());
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let r = report(&a, &b, "json");
    println!("{what}: {:?}", r.elapsed);
    let v = assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    assert_eq!(r.code, 1);
    v
}

fn long_line_case(bytes: usize) {
    let (a_text, b_text) = (long_line(bytes, "1234"), long_line(bytes, "4321"));
    let v = differing_pair_report(&a_text, &b_text, &format!("long line of {bytes} bytes"));
    assert!(texts_of(&v, "original").iter().any(|t| t.contains("1234")));
}

#[test]
fn long_single_line_small() {
    long_line_case(200_000);
}

#[test]
fn long_single_line_2mb() {
    long_line_case(2_000_000);
}

fn many_lines(lines: usize, changed_at: usize) -> String {
    let words = ["harbour", "bridge", "council", "mayor", "ferry", "storm"];
    let mut s = String::new();
    for i in 0..lines {
        if i == changed_at {
            s.push_str("lighthouse");
        } else {
            s.push_str(words[i % words.len()]);
        }
        s.push('\n');
    }
    s
}

fn many_lines_case(lines: usize) {
    let (a_text, b_text) = (many_lines(lines, usize::MAX), many_lines(lines, lines / 2));
    let v = differing_pair_report(&a_text, &b_text, &format!("{lines} one-word lines"));
    assert!(texts_of(&v, "rewrite").iter().any(|t| t.contains("lighthouse")));
}

#[test]
fn many_one_word_lines_small() {
    many_lines_case(20_000);
}

#[test]
fn many_one_word_lines_200k() {
    many_lines_case(200_000);
}

#[test]
fn only_punctuation() {
    let dir = TempDir::new().unwrap();
    let a_text = "... !!! ??? ,,, ;;; :: — – «» “” ‘’ \"\" () [] {}\n\n. . . .\n";
    let b_text = "!!! ... ??? ;;; ,,, — «» () {}\n\n? ? ?\n";
    let a = write(&dir, "a.txt", a_text.as_bytes());
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let r = report(&a, &b, "json");
    assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    for format in ["text", "markdown"] {
        let r = report(&a, &b, format);
        assert!(r.code == 0 || r.code == 1, "{format}: {}", r.stderr);
        assert!(r.stderr.is_empty());
    }
}

#[test]
fn mixed_scripts() {
    let dir = TempDir::new().unwrap();
    let a_text = concat!(
        "قال المتحدث إن 40 شخصا أصيبوا. وأغلقت الطرق.\n\n",
        "东京发生地震。共有三十人受伤。\n\n",
        "Family 👨\u{200d}👩\u{200d}👧\u{200d}👦 and flag 🏳\u{fe0f}\u{200d}🌈 here. 👍🏽 ok.\n\n",
        "Cafe\u{301} noe\u{308}l, a\u{30a}\u{301}\u{302} — Zalgo te\u{336}\u{337}xt.\n",
    );
    let b_text = concat!(
        "قال المتحدث إن 14 شخصا أصيبوا. وأغلقت الطرق.\n\n",
        "东京发生地震。共有三人受伤。\n\n",
        "Family 👨\u{200d}👩\u{200d}👧 and flag 🏳\u{fe0f}\u{200d}⚧\u{fe0f} here. 👍🏿 ok.\n\n",
        "Cafe\u{301} noe\u{308}l, a\u{30a}\u{302} — Zalgo te\u{336}xt.\n",
    );
    let a = write(&dir, "a.txt", a_text.as_bytes());
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let r = report(&a, &b, "json");
    let v = assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    assert_eq!(r.code, 1);
    assert!(texts_of(&v, "original").iter().any(|t| t.contains("40")));
    for format in ["text", "markdown"] {
        let r = report(&a, &b, format);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        assert!(r.stderr.is_empty());
    }
}

#[test]
fn original_from_stdin() {
    let dir = TempDir::new().unwrap();
    let a_text = article("40", "\n");
    let b_text = article("14", "\n");
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let args = [
        "report".as_ref(),
        "-".as_ref(),
        b.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ];
    let r = run(&args, Some(a_text.as_bytes()));
    let v = assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    assert_eq!(r.code, 1);
    assert_eq!(v["original_file"], "-");
    assert_number_span(&v);
}

#[test]
fn rewrite_from_stdin_identical() {
    let dir = TempDir::new().unwrap();
    let text = article("40", "\n");
    let a = write(&dir, "a.txt", text.as_bytes());
    let args = ["report".as_ref(), a.as_os_str(), "-".as_ref()];
    let r = run(&args, Some(text.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("identical"));
}

#[test]
fn invalid_utf8_on_stdin() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", b"Hello.");
    let args = ["report".as_ref(), a.as_os_str(), "-".as_ref()];
    let r = run(&args, Some(b"Hello \xc3\x28 there."));
    assert_clean_error(&r);
    assert!(r.stderr.contains("byte offset 6"), "{}", r.stderr);
}

#[test]
fn both_stdin_is_an_error() {
    let args = ["report".as_ref(), "-".as_ref(), "-".as_ref()];
    let r = run(&args, Some(b"Hello."));
    assert_clean_error(&r);
    assert!(r.stderr.contains("stdin"), "{}", r.stderr);
}

/// Regression: a sentence over the length cap whose separators are
/// non-breaking or ideographic spaces made the segmenter cut inside one.
#[test]
fn long_sentence_with_multibyte_spaces() {
    let dir = TempDir::new().unwrap();
    let a_text = "Police\u{a0}said\u{3000}the\u{2003}mayor ".repeat(200);
    let b_text = a_text.replacen("mayor", "major", 1);
    let a = write(&dir, "a.txt", a_text.as_bytes());
    let b = write(&dir, "b.txt", b_text.as_bytes());
    let r = report(&a, &b, "json");
    assert_json_report(&r, a_text.as_bytes(), b_text.as_bytes());
    assert_eq!(r.code, 1);
}

/// An endless input (`/dev/zero`) is refused at the size cap instead of
/// being read until memory runs out.
#[cfg(unix)]
#[test]
fn endless_input_is_refused() {
    let zero = Path::new("/dev/zero");
    if !zero.exists() {
        println!("skipping: no /dev/zero");
        return;
    }
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", b"Hello.");
    let r = report(&a, zero, "text");
    assert_clean_error(&r);
    assert!(r.stderr.contains("larger than"), "{}", r.stderr);
}
