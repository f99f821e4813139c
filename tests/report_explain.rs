//! `factdiff report --explain`: the candidate edits that detectors' guards
//! dropped, as a `suppressed` list in JSON and a closing section in text.

use std::process::{Command, Output};

const ORIGINAL: &str = "Exports to the United States fell by $3.5m last year, the ministry said.\n\
The bakery is not open on Sundays.\n";
const REWRITE: &str = "Exports to the US fell by $3.5 million last year, the ministry said.\n\
The bakery is closed on Sundays.\n";

fn run(extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), ORIGINAL).expect("write");
    std::fs::write(dir.path().join("b.txt"), REWRITE).expect("write");
    Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(["report", "a.txt", "b.txt"])
        .args(extra)
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("run factdiff")
}

fn json(extra: &[&str]) -> serde_json::Value {
    let out = run(extra);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn json_lists_what_each_guard_dropped_with_tight_spans() {
    let report = json(&["--format", "json", "--explain"]);
    assert_eq!(report["summary"]["factual"], 0, "equal statements raise no flag");
    let dropped = report["suppressed"].as_array().expect("a suppressed list");
    let find = |guard: &str| {
        dropped
            .iter()
            .find(|d| d["guard"] == guard)
            .unwrap_or_else(|| panic!("no {guard} in {dropped:?}"))
    };
    let acronym = find("acronym");
    assert_eq!(acronym["detector"], "names");
    assert_eq!(acronym["original_text"], "United States");
    assert_eq!(acronym["rewrite_text"], "US");
    let span = acronym["rewrite"].as_array().expect("a span");
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(&REWRITE[s..e], "US");
    let value = find("equal-value");
    assert_eq!(value["detector"], "numbers");
    assert_eq!(value["rewrite_text"], "$3.5 million");
    assert_eq!(find("opposite-said")["detector"], "polarity");
}

#[test]
fn without_explain_the_json_has_no_suppressed_list() {
    let report = json(&["--format", "json"]);
    assert!(report.get("suppressed").is_none());
}

#[test]
fn text_ends_with_the_dropped_candidates() {
    let out = run(&["--explain"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let tail = text
        .split("Dropped by guards")
        .nth(1)
        .expect("an explain section");
    assert!(tail.contains("names/acronym"), "{tail}");
    assert!(tail.contains("numbers/equal-value"), "{tail}");
}

#[test]
fn explain_refuses_formats_without_room_for_it() {
    let out = run(&["--explain", "--format", "html"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
}
