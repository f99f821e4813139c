//! Runs every detector's fixture file, `tests/detectors/<name>.toml`: the
//! flags each `flag` case must raise, and the `near_miss` cases that must
//! raise none (dropped by the named guard when one is given). Every
//! detector in the registry has a file, and every guard it declares drops
//! a candidate of at least one case there: a near miss, or a flag case
//! whose second candidate for the same change the guard drops
//! (`dropped_by`).

use factdiff::engine::facts::DETECTORS;
use factdiff::engine::{Comparison, Document, compare};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixtures {
    #[serde(default)]
    flag: Vec<FlagCase>,
    #[serde(default)]
    near_miss: Vec<NearMiss>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlagCase {
    original: String,
    rewrite: String,
    /// `[kind, original text, rewrite text]` of each factual flag, in
    /// order; an empty string where a flag has no span on that side.
    expect: Vec<[String; 3]>,
    /// A guard that must drop another candidate of this case.
    dropped_by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NearMiss {
    original: String,
    rewrite: String,
    guard: Option<String>,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/detectors")
}

fn load(name: &str) -> Fixtures {
    let path = dir().join(format!("{name}.toml"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("detector {name} has no fixture file {}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_detector_passes_its_fixtures() {
    let mut failures = Vec::new();
    for detector in DETECTORS {
        let fixtures = load(detector.name);
        assert!(
            !fixtures.flag.is_empty() && !fixtures.near_miss.is_empty(),
            "{}: a fixture file needs flag cases and near misses",
            detector.name
        );
        // A case with an empty side tests nothing (a shell variable left
        // unset when the case was written).
        let texts = fixtures.flag.iter().map(|c| (&c.original, &c.rewrite));
        let texts = texts.chain(fixtures.near_miss.iter().map(|c| (&c.original, &c.rewrite)));
        for (original, rewrite) in texts {
            assert!(
                !original.trim().is_empty() && !rewrite.trim().is_empty(),
                "{}: a case has an empty side",
                detector.name
            );
        }
        for case in &fixtures.flag {
            let (a, b) = (
                Document::from(case.original.as_str()),
                Document::from(case.rewrite.as_str()),
            );
            let c = compare(&a, &b);
            if let Some(guard) = &case.dropped_by {
                check_dropped(&mut failures, detector.name, guard, &c, &case.rewrite);
            }
            let got: Vec<[String; 3]> = c
                .discrepancies
                .iter()
                .filter(|d| d.factual)
                .map(|d| {
                    [
                        d.kind.label().to_owned(),
                        d.original.map_or_else(String::new, |s| a.slice(s).to_owned()),
                        d.rewrite.map_or_else(String::new, |s| b.slice(s).to_owned()),
                    ]
                })
                .collect();
            if got != case.expect {
                failures.push(format!(
                    "{}: {:?} → {:?}\n  expected {:?}\n  got      {:?}",
                    detector.name, case.original, case.rewrite, case.expect, got
                ));
            }
        }
        for case in &fixtures.near_miss {
            let (a, b) = (
                Document::from(case.original.as_str()),
                Document::from(case.rewrite.as_str()),
            );
            let c = compare(&a, &b);
            let flagged: Vec<&str> = c
                .discrepancies
                .iter()
                .filter(|d| d.factual)
                .map(|d| d.reason.as_str())
                .collect();
            if !flagged.is_empty() {
                failures.push(format!(
                    "{}: near miss {:?} flagged: {flagged:?}",
                    detector.name, case.rewrite
                ));
            }
            if let Some(guard) = &case.guard {
                check_dropped(&mut failures, detector.name, guard, &c, &case.rewrite);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn check_dropped(failures: &mut Vec<String>, detector: &str, guard: &str, c: &Comparison, rewrite: &str) {
    let dropped = c
        .suppressed
        .iter()
        .any(|s| s.detector == detector && s.guard == guard);
    if !dropped {
        failures.push(format!(
            "{detector}: case {rewrite:?} not dropped by guard {guard} (dropped: {:?})",
            c.suppressed
                .iter()
                .map(|s| (s.detector, s.guard))
                .collect::<Vec<_>>()
        ));
    }
}

#[test]
fn every_declared_guard_has_a_near_miss() {
    for detector in DETECTORS {
        let fixtures = load(detector.name);
        for guard in detector.guards {
            assert!(
                fixtures
                    .near_miss
                    .iter()
                    .any(|c| c.guard.as_deref() == Some(guard.name))
                    || fixtures
                        .flag
                        .iter()
                        .any(|c| c.dropped_by.as_deref() == Some(guard.name)),
                "{}: guard {} drops no candidate in its fixture file",
                detector.name,
                guard.name
            );
        }
        let named = fixtures.near_miss.iter().filter_map(|c| c.guard.as_ref());
        for g in named.chain(fixtures.flag.iter().filter_map(|c| c.dropped_by.as_ref())) {
            assert!(
                detector.guard(g).is_some(),
                "{}: fixture names an undeclared guard {g}",
                detector.name
            );
        }
    }
}

#[test]
fn no_fixture_file_without_a_detector() {
    for entry in std::fs::read_dir(dir()).expect("tests/detectors exists") {
        let path = entry.expect("readable directory").path();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        assert!(
            DETECTORS.iter().any(|d| d.name == stem),
            "{} belongs to no detector",
            path.display()
        );
    }
}
