//! Line, column and paragraph numbers in the report and the export: the
//! JSON keeps its byte spans and gains `*_place` objects; text, Markdown
//! and every export say where each quote is.

use std::process::Command;

const ORIGINAL: &str =
    "\u{feff}Harbour news\r\n\r\nThe ferry left on time.\r\nPolice said 40 people were hurt.\r\n";
const REWRITE: &str = "Harbour news\n\nThe ferry left on time.\nPolice said 14 people were hurt.\n";

fn run(args: &[&str], dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_factdiff"))
        .args(args)
        .current_dir(dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run factdiff");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

fn pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("a.txt"), ORIGINAL).expect("write");
    std::fs::write(dir.path().join("b.txt"), REWRITE).expect("write");
    dir
}

#[test]
fn json_report_adds_places_and_keeps_byte_spans() {
    let dir = pair();
    let json = run(&["report", "a.txt", "b.txt", "--format", "json"], dir.path());
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let d = v["discrepancies"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| d["kind"] == "number")
        .expect("the number change");
    let span = d["original"].as_array().expect("byte span");
    let start = usize::try_from(span[0].as_u64().unwrap()).unwrap();
    assert_eq!(&ORIGINAL[start..start + 2], "40", "byte spans unchanged");
    assert_eq!(d["original_text"], "40");
    assert_eq!(d["original_place"]["line"], 4, "CRLF lines counted");
    assert_eq!(d["original_place"]["column"], 13);
    assert_eq!(d["original_place"]["end_column"], 15);
    assert_eq!(d["original_place"]["paragraph"], 2);
    assert_eq!(d["rewrite_place"]["line"], 4);
    let heading = &v["alignment"][0];
    assert_eq!(heading["original_place"]["column"], 1, "a BOM is not a column");
}

#[test]
fn text_markdown_and_exports_give_lines() {
    let dir = pair();
    let text = run(&["report", "a.txt", "b.txt"], dir.path());
    assert!(text.contains("40  (line 4:13, ¶ 2)"), "{text}");
    let md = run(&["report", "a.txt", "b.txt", "--format", "markdown"], dir.path());
    assert!(md.contains("“40” (line 4:13, ¶ 2; bytes"), "{md}");
    let export_md = run(&["export", "a.txt", "b.txt"], dir.path());
    assert!(export_md.contains("“40” (line 4:13)"), "{export_md}");
    let csv = run(&["export", "a.txt", "b.txt", "--format", "csv"], dir.path());
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with("original_line,rewrite_line")
    );
    assert!(csv.contains(",4:13,4:13"), "{csv}");
    let json = run(&["export", "a.txt", "b.txt", "--format", "json"], dir.path());
    assert!(json.contains("\"line\": 4"), "{json}");
}
