//! `export --format html` and `report --format html`: one self-contained
//! page with both texts, the flags, the verdicts and the notes.

use factdiff::annotate::{Store, Verdict, attach};
use factdiff::engine::compare;
use factdiff::input::load;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_factdiff");

const PAGE: &str = "<!doctype html><html><head><script src=\"https://cdn.example/x.js\"></script></head>\
<body><nav><a href=\"https://example.org/\">Home</a></nav><article>\
<p>The museum reopened on Monday after a \u{2018}quiet\u{2019} refit costing 3 million pounds.</p>\
<p>Visitors queued for two hours.</p></article></body></html>\n";
const COPY: &str = "The museum reopened on *Tuesday* after a quiet refit costing 3 million pounds.\n\n\
Visitors queued for two hours, said [the director](https://example.org/staff/7).\n";

#[test]
fn export_page_holds_texts_flags_verdicts_and_notes_and_loads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a_path, b_path) = (dir.path().join("page.html"), dir.path().join("copy.md"));
    std::fs::write(&a_path, PAGE).unwrap();
    std::fs::write(&b_path, COPY).unwrap();
    let notes = dir.path().join("notes.json");
    // Annotate as the review screen does: on the compared prose.
    let (a, b) = (load(&a_path).unwrap(), load(&b_path).unwrap());
    let cmp = compare(&a.document, &b.document);
    let date = cmp
        .discrepancies
        .iter()
        .position(|d| d.factual)
        .expect("a factual flag");
    let store = Store::for_pair(&a.document, &b.document, Some(notes.clone())).unwrap();
    let mut att = attach(store.load().unwrap().file, &cmp, &a.document, &b.document);
    att.set_verdict(date, Verdict::Confirmed);
    att.set_note(date, "Desk says Monday <checked>");
    store.save(att.file()).unwrap();

    let out_file = dir.path().join("review.html");
    let out = Command::new(BIN)
        .args(["export", "--format", "html", "--annotations"])
        .arg(&notes)
        .arg("-o")
        .arg(&out_file)
        .arg(&a_path)
        .arg(&b_path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let page = std::fs::read_to_string(&out_file).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("The museum reopened on"), "original text");
    assert!(page.contains("the director"), "rewrite text");
    assert!(page.contains("<ins>Tuesday</ins>"), "{page}");
    assert!(page.contains("Desk says Monday &lt;checked&gt;"));
    assert!(page.contains("class=\"verdict confirmed"));
    assert!(
        page.contains("date changed") || page.contains("date"),
        "reason shown"
    );
    // The Markdown export quotes what the reviewer saw, not the markup.
    let md = Command::new(BIN)
        .args(["export", "--format", "markdown", "--annotations"])
        .arg(&notes)
        .arg(&a_path)
        .arg(&b_path)
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("the director") && !md.contains("](https:"), "{md}");
    // Self-contained: no scripts, no outside resources, not even the
    // page's own links.
    for outside in ["<script", "<link", "src=", "https:", "http:", "url(", "@import"] {
        assert!(!page.contains(outside), "{outside} in the page");
    }
}

#[test]
fn report_page_shows_the_prose_not_the_markup() {
    let dir = tempfile::tempdir().unwrap();
    let (a_path, b_path) = (dir.path().join("page.html"), dir.path().join("copy.md"));
    std::fs::write(&a_path, PAGE).unwrap();
    std::fs::write(&b_path, COPY).unwrap();
    let out = Command::new(BIN)
        .args(["report", "--format", "html"])
        .arg(&a_path)
        .arg(&b_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains("<h1>Comparison: "));
    assert!(page.contains("<del>Monday</del>"), "{page}");
    assert!(
        !page.contains("*Tuesday*") && !page.contains("&lt;article"),
        "markup is not shown"
    );
    assert!(!page.contains("class=\"verdict"), "a report has no verdicts");
}
