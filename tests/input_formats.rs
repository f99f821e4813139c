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

mod properties {
    use factdiff::engine::{Document, Span, compare};
    use factdiff::input::{Kind, Source};
    use proptest::prelude::*;
    use std::path::Path;

    /// Fragments that stress the readers: tags, entities (complete, partial,
    /// numeric, bogus), Markdown markers, multibyte text and line ends.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_owned()),
            Just("</p>".to_owned()),
            Just("<br>".to_owned()),
            Just("<li>".to_owned()),
            Just("<h2>".to_owned()),
            Just("</h2>".to_owned()),
            Just("<article>".to_owned()),
            Just("<script>x<p>".to_owned()),
            Just("</script>".to_owned()),
            Just("<!-- c -->".to_owned()),
            Just("&amp;".to_owned()),
            Just("&eacute".to_owned()),
            Just("&#8217;".to_owned()),
            Just("&#x;".to_owned()),
            Just("&notit;".to_owned()),
            Just("&".to_owned()),
            Just("*".to_owned()),
            Just("**".to_owned()),
            Just("[a](http://x/1)".to_owned()),
            Just("![i](p.jpg)".to_owned()),
            Just("\n\n".to_owned()),
            Just("\r\n".to_owned()),
            Just("> ".to_owned()),
            Just("# ".to_owned()),
            Just("`".to_owned()),
            "[a-zA-Z0-9 .,]{1,12}",
            "[é’“”€ß漢字 ]{1,4}",
        ]
    }

    fn check(text: &str, kind: Kind) -> Result<(), TestCaseError> {
        let source = Source::from_document(
            "x".into(),
            Path::new("x"),
            Document::from_string(text.to_owned()),
            Some(kind),
        );
        let prose = source.document().text().to_owned();
        let mut last = 0;
        for (i, c) in prose.char_indices() {
            let f = source.to_file(Span::new(i, i + c.len_utf8()));
            prop_assert!(f.start <= f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            prop_assert!(f.start >= last || c.is_whitespace(), "file order kept");
            if !c.is_whitespace() {
                last = f.start;
            }
            // A character copied as written maps to itself.
            let own = c.to_string();
            if f.len() == c.len_utf8() && !c.is_whitespace() {
                prop_assert_eq!(&text[f.range()], own.as_str());
            }
        }
        // Comparing the view with itself and mapping stays on boundaries.
        let cmp =
            factdiff::input::file_comparison(compare(source.document(), source.document()), &source, &source);
        for u in &cmp.units {
            for s in [u.original, u.rewrite].into_iter().flatten() {
                prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn html_spans_stay_on_file_boundaries(parts in proptest::collection::vec(fragment(), 0..40)) {
            check(&parts.concat(), Kind::Html)?;
        }

        #[test]
        fn markdown_spans_stay_on_file_boundaries(parts in proptest::collection::vec(fragment(), 0..40)) {
            check(&parts.concat(), Kind::Markdown)?;
        }
    }
}

#[test]
fn text_and_markdown_reports_quote_the_prose() {
    let dir = TempDir::new().unwrap();
    let page = write(&dir, "page.html", PAGE);
    let md = write(&dir, "copy.md", MARKDOWN);
    for format in ["text", "markdown"] {
        let out = Command::new(BIN)
            .args(["report", "--format", format])
            .arg(&page)
            .arg(&md)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Thursday") && text.contains("Tuesday"), "{text}");
        for markup in ["](https:", "**", "<em>", "&ldquo;", "&eacute;"] {
            assert!(!text.contains(markup), "{format}: {markup} in {text}");
        }
    }
}

/// The review screen shows a page's prose but gives line numbers of the
/// file, the same place the JSON report's `original_place` names.
#[test]
fn review_screen_places_count_the_files_lines() {
    use factdiff::engine::Document;
    use factdiff::input::Source;
    use factdiff::tui::pair::{Pair, Side};
    let dir = tempfile::tempdir().expect("temp dir");
    let a = write(&dir, "a.html", PAGE);
    let b = write(&dir, "b.txt", &PLAIN.replace("Tuesday", "Friday"));
    let (code, json) = report(&a, &b);
    assert_eq!(code, 1);
    let d = json["discrepancies"]
        .as_array()
        .expect("discrepancies")
        .iter()
        .find(|d| d["kind"] == "date")
        .expect("date flag");
    let source = |path: &Path, text: &str| {
        Source::from_document(
            path.display().to_string(),
            path,
            Document::from_string(text.to_owned()),
            None,
        )
    };
    let (sa, sb) = (source(&a, PAGE), source(&b, &PLAIN.replace("Tuesday", "Friday")));
    let files = [Some(sa.clone()), None];
    let pair = Pair::new(sa.into_input(), sb.into_input()).with_files(files);
    let disc = pair
        .cmp
        .discrepancies
        .iter()
        .find(|x| x.kind.label() == "date")
        .expect("date flag on screen");
    let (place, paragraph) = pair.place(Side::Original, disc.original.expect("span").start);
    let want = &d["original_place"];
    assert_eq!(Some(place.line as u64), want["line"].as_u64());
    assert_eq!(Some(place.column as u64), want["column"].as_u64());
    assert_eq!(paragraph.map(|p| p as u64), want["paragraph"].as_u64());
    assert!(place.line > 1, "a line of the file, not of the prose");
}
