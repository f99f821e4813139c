//! Who did what to whom: two parties trading places around the same verb
//! ("the union sued the company" → "the company sued the union"), unless
//! one side turned passive ("… was sued by …").

use super::clip;
use super::context::{Side, UnitCx};
use super::lists::is_function_word;
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::lexicon::is_stop_word;
use std::collections::HashSet;

/// Verbs whose two parties can trade places without changing the fact.
const SYMMETRIC: &[&str] = &[
    "meet", "met", "talk", "talked", "clash", "clashed", "fight", "fought", "marri", "negoti", "agre",
    "argu", "spoke", "speak", "join", "merg", "compet", "play", "face", "draw", "drew", "tie", "and",
];

/// How far apart (in tokens) two parties may stand to be compared.
const WINDOW: usize = 24;

const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "our"];

/// Parties: first words of capitalised names and heads of "the …" phrases,
/// as (stem, token index), keeping only stems that occur once in the side.
fn parties(side: &Side<'_>) -> Vec<(String, usize)> {
    let toks = &side.toks;
    let mut found: Vec<(String, usize)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.in_quote || !t.is_word() || is_stop_word(&t.fold) {
            continue;
        }
        let after_det = i > 0 && DETERMINERS.contains(&toks[i - 1].fold.as_str());
        let name_start = t.is_capitalised() && !t.sentence_start && !(i > 0 && toks[i - 1].is_capitalised());
        if after_det || name_start {
            let mut head = i;
            while after_det
                && toks
                    .get(head + 1)
                    .is_some_and(|n| n.is_word() && !is_function_word(&n.fold) && !n.is_capitalised())
            {
                head += 1;
            }
            found.push((toks[head].stem.clone(), head));
        }
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let dupes: HashSet<String> = found
        .iter()
        .filter(|(s, _)| !seen.insert(s.as_str()))
        .map(|(s, _)| s.clone())
        .collect();
    found.into_iter().filter(|(s, _)| !dupes.contains(s)).collect()
}

fn stems_between(side: &Side<'_>, i: usize, j: usize) -> HashSet<String> {
    side.toks[i + 1..j]
        .iter()
        .filter(|t| t.is_word() && !is_stop_word(&t.fold))
        .map(|t| t.stem.clone())
        .collect()
}

fn has_by(side: &Side<'_>, i: usize, j: usize) -> bool {
    side.toks[i + 1..j].iter().any(|t| t.fold == "by")
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let pa = parties(&cx.a);
    let pb = parties(&cx.b);
    let pos_b = |s: &str| pb.iter().find(|(t, _)| t == s).map(|(_, i)| *i);
    let mut out = Vec::new();
    for (x, (sx, ax)) in pa.iter().enumerate() {
        for (sy, ay) in &pa[x + 1..] {
            let (Some(bx), Some(by)) = (pos_b(sx), pos_b(sy)) else {
                continue;
            };
            if *ay - *ax > WINDOW || bx < by || bx - by > WINDOW {
                continue;
            }
            let shared: Vec<String> = stems_between(&cx.a, *ax, *ay)
                .intersection(&stems_between(&cx.b, by, bx))
                .cloned()
                .collect();
            let verb = shared.iter().find(|v| !SYMMETRIC.contains(&v.as_str()));
            if verb.is_none() || has_by(&cx.a, *ax, *ay) != has_by(&cx.b, by, bx) {
                continue;
            }
            let a_span = cx.a.cover(*ax, *ay + 1);
            let b_span = cx.b.cover(by, bx + 1);
            let reason = format!(
                "who did what swapped: ‘{}’ → ‘{}’",
                clip(cx.a.text(a_span)),
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(Kind::Roles, 0.6, Some(a_span), Some(b_span), reason));
            return out;
        }
    }
    out
}
