//! `factdiff export` end to end: the default store under `XDG_DATA_HOME`,
//! `--annotations`, `-o`, error handling, and CSV that Python's csv module
//! reads back unchanged.

use factdiff::annotate::store::sha256_hex;
use factdiff::annotate::{Side, Store, Verdict, attach};
use factdiff::engine::{Document, Span, compare};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ORIGINAL: &str = "Police said 40 people were hurt. The mayor visited on Monday.\n";
const REWRITE: &str = "Police said 14 people were hurt. The mayor visited on Tuesday.\n";

/// Notes that break naive CSV and Markdown writers.
const TRICKY: [&str; 4] = [
    "plain",
    "He said \"no\", then \"yes\"",
    "line one\nline two, with comma\r\nline three",
    "=SUM(A1) ; tab\there ' quote",
];

struct Pair {
    dir: tempfile::TempDir,
    original: PathBuf,
    rewrite: PathBuf,
}

fn pair() -> Pair {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = dir.path().join("original.txt");
    let rewrite = dir.path().join("rewrite.txt");
    std::fs::write(&original, ORIGINAL).expect("write original");
    std::fs::write(&rewrite, REWRITE).expect("write rewrite");
    Pair {
        dir,
        original,
        rewrite,
    }
}

/// Annotates the pair through the library, as the review screen would:
/// a verdict and note on the first discrepancy, and tricky span notes.
fn annotate(store_path: &Path) {
    let (a, b) = (Document::from(ORIGINAL), Document::from(REWRITE));
    let comparison = compare(&a, &b);
    assert!(!comparison.discrepancies.is_empty(), "the sample pair differs");
    let store = Store::for_pair(&a, &b, Some(store_path.to_owned())).expect("store");
    let mut att = attach(store.load().expect("load").file, &comparison, &a, &b);
    att.set_verdict(0, Verdict::Confirmed);
    att.set_note(0, "wire copy says 40");
    for (i, note) in TRICKY.iter().enumerate() {
        let side = if i % 2 == 0 { Side::Original } else { Side::Rewrite };
        assert!(att.add_span_note(side, Span::new(0, 6), note));
    }
    store.save(att.file()).expect("save");
}

fn factdiff(args: &[&std::ffi::OsStr], data_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .env("XDG_DATA_HOME", data_home)
        .env("NO_COLOR", "1")
        .output()
        .expect("run factdiff")
}

fn export(p: &Pair, extra: &[&str]) -> Output {
    let mut args = vec![p.original.as_os_str(), p.rewrite.as_os_str()];
    args.insert(0, "export".as_ref());
    args.extend(extra.iter().map(|s| std::ffi::OsStr::new(*s)));
    factdiff(&args, &p.dir.path().join("data"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn default_store_lives_under_xdg_data_home() {
    let p = pair();
    let name = format!(
        "{}-{}.json",
        &sha256_hex(ORIGINAL.as_bytes())[..16],
        &sha256_hex(REWRITE.as_bytes())[..16]
    );
    annotate(&p.dir.path().join("data/factdiff/pairs").join(name));
    let out = export(&p, &["--format", "markdown"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let md = text(&out.stdout);
    assert!(md.contains("— confirmed"), "{md}");
    assert!(md.contains("wire copy says 40"));
    assert!(md.contains("## Notes on the text"));
}

#[test]
fn annotations_path_and_output_file() {
    let p = pair();
    let store = p.dir.path().join("notes.json");
    annotate(&store);
    let out_file = p.dir.path().join("review.json");
    let out_arg = out_file.to_str().expect("utf-8 path");
    let out = export(
        &p,
        &[
            "-f",
            "json",
            "-o",
            out_arg,
            "--annotations",
            store.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty(), "-o writes nothing to stdout");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).expect("output")).expect("json");
    assert_eq!(v["discrepancies"][0]["verdict"], "confirmed");
    assert_eq!(v["discrepancies"][0]["note"], "wire copy says 40");
    assert_eq!(v["span_notes"].as_array().expect("array").len(), TRICKY.len());
}

#[test]
fn errors_are_one_line_and_exit_2() {
    let p = pair();
    let missing = p.dir.path().join("missing.txt");
    let args = ["export".as_ref(), p.original.as_os_str(), missing.as_os_str()];
    let out = factdiff(&args, p.dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("factdiff: "));
    let out = export(
        &p,
        &["-o", p.dir.path().join("no/dir/x.md").to_str().expect("utf-8")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(text(&out.stderr).lines().count(), 1);
}

#[test]
fn corrupt_annotations_warn_and_are_moved_aside() {
    let p = pair();
    let store = p.dir.path().join("notes.json");
    std::fs::write(&store, "{\"version\": 2, \"annotat").expect("write");
    let out = export(&p, &["--annotations", store.to_str().expect("utf-8")]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.starts_with("factdiff: warning: ") && err.contains(".corrupt-"),
        "{err}"
    );
    let aside = std::fs::read_dir(p.dir.path())
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().starts_with("notes.json.corrupt-"))
        })
        .count();
    assert_eq!(aside, 1);
}

/// Python's csv module is the reader most people's scripts use; it must get
/// every note back byte for byte. Skipped (with a message) without python3.
#[test]
fn python_csv_reads_notes_back() {
    if Command::new("python3").arg("--version").output().is_err() {
        println!("python3 not found: skipping the Python csv check");
        return;
    }
    let p = pair();
    let store = p.dir.path().join("notes.json");
    annotate(&store);
    let csv_file = p.dir.path().join("review.csv");
    let args = [
        "-f",
        "csv",
        "-o",
        csv_file.to_str().expect("utf-8"),
        "--annotations",
        store.to_str().expect("utf-8"),
    ];
    assert!(export(&p, &args).status.success());
    let script = "import csv, json, sys\n\
                  with open(sys.argv[1], newline='', encoding='utf-8') as f:\n\
                  \x20   rows = list(csv.DictReader(f))\n\
                  print(json.dumps([[r['section'], r['note']] for r in rows]))\n";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&csv_file)
        .output()
        .expect("python3");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let rows: Vec<(String, String)> = serde_json::from_slice(&out.stdout).expect("python output");
    let notes: Vec<&str> = rows
        .iter()
        .filter(|r| r.0 == "span_note")
        .map(|r| r.1.as_str())
        .collect();
    assert_eq!(notes, TRICKY);
    assert!(
        rows.iter()
            .any(|r| r.0 == "discrepancy" && r.1 == "wire copy says 40")
    );
}

/// `--only reviewed` keeps the discrepancy with a verdict and drops the
/// others; `--only factual` drops plain rewording; notes on text stay.
#[test]
fn export_only_reviewed_or_factual() {
    let p = pair();
    let store = p.dir.path().join("notes.json");
    annotate(&store);
    let store = store.to_str().expect("utf-8");
    let count = |only: &str| {
        let out = export(&p, &["-f", "json", "--annotations", store, "--only", only]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let list = v["discrepancies"].as_array().expect("list").clone();
        let notes = v["span_notes"].as_array().map_or(0, Vec::len);
        (list, notes)
    };
    let (all, notes_all) = count("all");
    let (reviewed, notes_reviewed) = count("reviewed");
    let (factual, _) = count("factual");
    assert!(all.len() > 1, "the sample has several discrepancies");
    assert_eq!(reviewed.len(), 1, "only the one with a verdict");
    assert_eq!(reviewed[0]["note"], "wire copy says 40");
    assert!(factual.iter().all(|d| d["factual"] == true));
    assert_eq!(notes_all, TRICKY.len());
    assert_eq!(notes_reviewed, notes_all, "notes on text are always exported");
}

/// After an edit of the rewrite, `export` (default store) still finds the
/// review of the earlier version and re-anchors it, saying so on stderr.
#[test]
fn export_follows_an_edited_pair() {
    let p = pair();
    let data = p.dir.path().join("data");
    // Save a review at the default place, as the review screen would.
    let (a, b) = (Document::from(ORIGINAL), Document::from(REWRITE));
    let comparison = compare(&a, &b);
    // Where the binary keeps it under XDG_DATA_HOME (see `store::default_path`).
    let name = format!(
        "{}-{}.json",
        &sha256_hex(ORIGINAL.as_bytes())[..16],
        &sha256_hex(REWRITE.as_bytes())[..16]
    );
    let path = data.join("factdiff/pairs").join(name);
    let store = Store::for_pair(&a, &b, Some(path.clone())).expect("store");
    let mut att = attach(store.load().expect("load").file, &comparison, &a, &b);
    let i = comparison
        .discrepancies
        .iter()
        .position(|d| d.factual)
        .expect("a factual flag");
    att.set_verdict(i, Verdict::Confirmed);
    att.set_note(i, "checked before the edit");
    store.save(att.file()).expect("save");
    std::fs::write(&p.rewrite, REWRITE.replace("visited", "toured")).expect("edit");
    let out = export(&p, &["-f", "json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("earlier version"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("checked before the edit"));
    assert!(path.exists(), "the earlier file is kept");
}

/// `-o FILE` over an existing file replaces it, and says so on stderr.
#[test]
fn export_over_an_existing_file_says_so() {
    let p = pair();
    let out_file = p.dir.path().join("review.md");
    let path = out_file.to_str().expect("utf-8");
    let first = export(&p, &["-o", path]);
    assert!(first.status.success());
    assert!(
        !text(&first.stderr).contains("replaced"),
        "{}",
        text(&first.stderr)
    );
    let second = export(&p, &["-o", path]);
    assert!(second.status.success());
    assert!(
        text(&second.stderr).contains("replaced"),
        "{}",
        text(&second.stderr)
    );
}
