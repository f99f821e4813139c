//! `factdiff report ORIGINAL COPY...`: one report per copy, each exactly the
//! two-file report, and a matrix of the original's sentences × copies.

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_factdiff");

const ORIGINAL: &str = "The bridge opened on Monday.\n\nIt cost 40 million euros, the council said.\n\nTraffic will be light at first.\n";
const COPY_A: &str = "The bridge opened on Friday.\n\nIt cost 40 million euros, the council said.\n\nTraffic will be light at first.\n";
const COPY_B: &str = "The bridge opened on Monday.\n\nIt cost 14 million euros, the council said.\n";

fn files() -> (TempDir, [PathBuf; 3]) {
    let dir = TempDir::new().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let paths = [
        write("orig.txt", ORIGINAL),
        write("a.txt", COPY_A),
        write("b.txt", COPY_B),
    ];
    (dir, paths)
}

fn run(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let out = Command::new(BIN)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn each_copy_gets_the_two_file_report() {
    let (_dir, [o, a, b]) = files();
    let json = |extra: &[&PathBuf]| {
        let mut args = vec![
            "report".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            o.as_os_str(),
        ];
        args.extend(extra.iter().map(|p| p.as_os_str()));
        let (code, out) = run(&args);
        (code, serde_json::from_str::<Value>(&out).unwrap())
    };
    let (code, many) = json(&[&a, &b]);
    assert_eq!(code, 1);
    let (_, one_a) = json(&[&a]);
    let (_, one_b) = json(&[&b]);
    assert_eq!(many["copies"].as_array().unwrap().len(), 2);
    assert_eq!(many["copies"][0], one_a);
    assert_eq!(many["copies"][1], one_b);
    assert!(
        one_a.get("copies").is_none(),
        "two files keep the single-object output"
    );
    // Sentence 0 changed its date in copy A only; sentence 1 its number in
    // copy B only; sentence 2 is missing from copy B.
    let m = &many["matrix"];
    assert_eq!(m[0]["copies"], serde_json::json!([["date"], []]));
    assert_eq!(m[1]["copies"], serde_json::json!([[], ["number"]]));
    assert_eq!(m[2]["copies"], serde_json::json!([[], ["removed"]]));
}

#[test]
fn identical_copies_exit_zero_and_text_shows_the_matrix() {
    let (_dir, [o, a, _]) = files();
    let (code, _) = run(&["report".as_ref(), o.as_os_str(), o.as_os_str(), o.as_os_str()]);
    assert_eq!(code, 0);
    let (code, text) = run(&["report".as_ref(), o.as_os_str(), a.as_os_str(), o.as_os_str()]);
    assert_eq!(code, 1);
    let row = text
        .lines()
        .find(|l| l.contains("The bridge opened on Monday."))
        .unwrap();
    assert!(row.contains("date") && row.contains('·'), "{row}");
    let (_, md) = run(&[
        "report".as_ref(),
        "-f".as_ref(),
        "markdown".as_ref(),
        o.as_os_str(),
        a.as_os_str(),
        o.as_os_str(),
    ]);
    assert!(
        md.contains("| 1 | The bridge opened on Monday. | date | · |"),
        "{md}"
    );
}
