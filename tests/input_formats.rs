//! HTML and Markdown inputs through the built binary: the article is what is
//! compared, and every span of the JSON report is a byte range of the file
//! as read, on character boundaries, covering the text the report quotes.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_factdiff");

const PLAIN: &str = "Harbour fire\n\n\
The ferry Tern was withdrawn on Tuesday after a fire near the north pier, and 42 passengers were taken off by lifeboat.\n\n\
“Nobody was hurt,” said harbour master Ines Morel.\n\n\
The café on the quay stayed open until 9 p.m.\n";

const PAGE: &str = "<!DOCTYPE html>\r\n<html><head><meta charset=utf-8><title>Fire | Gazette</title>\
<style>p { color: #333 }</style><script>var views = 90210; var day = \"Friday\";</script></head>\r\n\
<body><nav><a href=\"/\">Home</a> <a href=\"/2024/05\">May 2024: 17 stories</a></nav>\r\n\
<header class=\"masthead\"><p>The Gazette, since 1887</p></header>\r\n\
<main><article><h1>Harbour fire</h1>\r\n\
<p class=\"byline\">By Noor Haddad, 3 May</p>\r\n\
<p>The ferry <em>Tern</em> was withdrawn on Tuesday after a fire near the north pier,\r\n  and 42 passengers were taken off by lifeboat.</p>\r\n\
<figure><img src=\"/img/2024/tern-55.jpg\" alt=\"The Tern at 6 knots\"><figcaption>The Tern, photographed in 2019.</figcaption></figure>\r\n\
<p>&ldquo;Nobody was hurt,&rdquo; said harbour master Ines Morel.</p>\r\n\
<p>The caf&eacute; on the quay stayed open until 9&nbsp;p.m.</p>\r\n\
</article></main>\r\n\
<aside><h3>Most read</h3><ul><li>Storm hits 40 towns</li><li>Mayor quits after 3 years</li></ul></aside>\r\n\
<form><label>Email</label><input name=e><button>Sign up for 5 newsletters</button></form>\r\n\
<footer><p>&copy; 2024 Gazette. Call 555 0101.</p></footer></body></html>\r\n";

const MARKDOWN: &str = "## Harbour fire\n\n\
![The Tern at 6 knots](img/2024/tern-55.jpg)\n\n\
The ferry *Tern* was withdrawn on **Thursday** after a fire near the north pier, \
and 24 passengers were taken off by [lifeboat](https://rnli.example/2024/05/03/station-17).\n\n\
> “Nobody was hurt,” said harbour master Ines Morel.\n\n\
The café on the quay stayed open until 9 p.m.\n\n\
```\nlog: 1234 passengers\n```\n";

fn write(dir: &TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn report(a: &Path, b: &Path) -> (i32, Value) {
    let out = Command::new(BIN)
        .args(["report", "--format", "json"])
        .arg(a)
        .arg(b)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    (out.status.code().unwrap(), json)
}

/// Every span of `report` on `side` is a char-boundary range of `file`, and
/// the quoted texts are exactly the bytes they cover.
fn assert_spans(report: &Value, side: &str, file: &str) -> usize {
    let mut checked = 0;
    let span = |v: &Value| -> Option<(usize, usize)> {
        let a = v.as_array()?;
        Some((a[0].as_u64()? as usize, a[1].as_u64()? as usize))
    };
    for unit in report["alignment"].as_array().unwrap() {
        if let Some((s, e)) = span(&unit[side]) {
            assert!(s < e && e <= file.len(), "{side} unit {s}..{e}");
            assert!(file.is_char_boundary(s) && file.is_char_boundary(e));
            checked += 1;
        }
    }
    for d in report["discrepancies"].as_array().unwrap() {
        if let Some((s, e)) = span(&d[side]) {
            assert!(file.is_char_boundary(s) && file.is_char_boundary(e), "{d}");
            assert_eq!(d[format!("{side}_text")].as_str().unwrap(), &file[s..e], "{d}");
            // A span starts and ends on article text, never inside a tag.
            assert!(!file[s..e].starts_with(['<', ' ', '\r', '\n']), "{d}");
            assert!(!file[s..e].ends_with(['>', ' ', '\r', '\n']), "{d}");
            checked += 1;
        }
    }
    checked
}

fn factual(report: &Value) -> Vec<String> {
    report["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["factual"] == Value::Bool(true))
        .map(|d| {
            format!(
                "{} {}",
                d["kind"].as_str().unwrap(),
                d["reason"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_saved_page_is_read_as_its_article() {
    let dir = TempDir::new().unwrap();
    let page = write(&dir, "page.html", PAGE);
    let plain = write(&dir, "plain.txt", PLAIN);
    let (code, r) = report(&page, &plain);
    // Menus, scripts, asides, forms and footers are not compared: the page
    // and the plain text say the same thing, byline and caption aside.
    let flags = factual(&r);
    assert!(flags.is_empty(), "{flags:?}");
    assert_eq!(code, 1);
    assert!(assert_spans(&r, "original", PAGE) > 5);
    // The entities and the italic name map back to their source bytes.
    let quoted: Vec<&str> = r["alignment"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u["original"].as_array())
        .map(|a| &PAGE[a[0].as_u64().unwrap() as usize..a[1].as_u64().unwrap() as usize])
        .collect();
    assert!(
        quoted
            .iter()
            .any(|q| q.starts_with("&ldquo;Nobody") && q.ends_with("Morel.")),
        "{quoted:?}"
    );
    assert!(
        quoted.contains(&"The caf&eacute; on the quay stayed open until 9&nbsp;p.m."),
        "{quoted:?}"
    );
}

#[test]
fn html_is_detected_by_content_too() {
    let dir = TempDir::new().unwrap();
    let page = write(&dir, "saved-page", PAGE);
    let plain = write(&dir, "plain.txt", PLAIN);
    let (_, r) = report(&page, &plain);
    assert!(factual(&r).is_empty(), "{:?}", factual(&r));
}

#[test]
fn markdown_prose_is_compared_and_mapped() {
    let dir = TempDir::new().unwrap();
    let md = write(&dir, "copy.md", MARKDOWN);
    let plain = write(&dir, "plain.txt", PLAIN);
    let (code, r) = report(&plain, &md);
    assert_eq!(code, 1);
    let flags = factual(&r);
    // The weekday and the count changed; link URLs, the image and the code
    // block hold numbers that are not prose and raise nothing.
    assert!(
        flags
            .iter()
            .any(|f| f.starts_with("date") && f.contains("Thursday")),
        "{flags:?}"
    );
    assert!(
        flags.iter().any(|f| f.starts_with("number") && f.contains("24")),
        "{flags:?}"
    );
    assert_eq!(flags.len(), 2, "{flags:?}");
    assert!(assert_spans(&r, "rewrite", MARKDOWN) > 5);
    assert!(assert_spans(&r, "original", PLAIN) > 5);
    let numbers: Vec<&str> = r["discrepancies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "number")
        .map(|d| d["rewrite_text"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["24"]);
}

#[test]
fn page_against_markdown() {
    let dir = TempDir::new().unwrap();
    let page = write(&dir, "page.htm", PAGE);
    let md = write(&dir, "copy.markdown", MARKDOWN);
    let (_, r) = report(&page, &md);
    assert_eq!(factual(&r).len(), 2, "{:?}", factual(&r));
    assert!(assert_spans(&r, "original", PAGE) > 5);
    assert!(assert_spans(&r, "rewrite", MARKDOWN) > 5);
}

#[test]
fn plain_text_output_is_unchanged() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.txt", "<p>Not a page: 4 tags.</p> Plain text.\n");
    let b = write(&dir, "b.txt", "<p>Not a page: 5 tags.</p> Plain text.\n");
    let (_, r) = report(&a, &b);
    let d = &r["discrepancies"].as_array().unwrap()[0];
    assert_eq!(d["original_text"], "4");
    assert_eq!(d["original"], serde_json::json!([15, 16]));
    // A .txt file is plain text even when it holds tags: the tag is compared.
    assert_eq!(r["alignment"][0]["original"][0], 0);
}
