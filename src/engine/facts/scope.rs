//! Scope: a restriction added or dropped ("Only residents who have lived
//! here two years are eligible" / "Residents who have lived here two years
//! are eligible"). The word diff shows one small deletion; the claim now
//! covers others, or fewer.
//!
//! No guard: a restriction the other side says another way ("just", "a
//! mere", "nothing but", "not until") is no candidate at all, nor is "not
//! only", which adds rather than restricts.

use super::Detector;
use super::clip;
use super::context::{Side, UnitCx};
use super::lists::is_function_word;
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::words::{
    AMOUNT_WORDS, PARTIAL_QUANTIFIERS, QUANTIFIER_SOFTENERS, RESTRICTING, RESTRICTORS, TIME_SPANS,
    UNIVERSAL_QUANTIFIERS,
};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "scope",
    kinds: &[Kind::Meaning],
    catches: "a restriction added or dropped (\"only residents\" → \"residents\", \"one of the best\" → \"the best\"), a part made the whole (\"several schools\" → \"all schools\")",
    guards: &[],
    run: detect,
};

/// Confidence of a restriction added or dropped (factual).
const CONF: f32 = 0.6;

/// Restrictors of `side`, outside quotations, that the diff left unmatched
/// and that `other` says no way at all, before a word the diff matched;
/// each with the word it governs.
fn dropped(side: &Side<'_>, other: &Side<'_>, map: &[Option<usize>]) -> Vec<(usize, usize)> {
    let restricts = |s: &Side<'_>| s.toks.iter().any(|t| RESTRICTING.contains(&t.fold.as_ref()));
    if restricts(other) {
        return Vec::new();
    }
    side.toks
        .iter()
        .enumerate()
        .filter(|&(i, t)| {
            RESTRICTORS.contains(&t.fold.as_ref())
                && !t.in_quote
                && map[i].is_none()
                // "not only … but also" adds.
                && !(i > 0 && side.toks[i - 1].fold == "not")
        })
        .filter_map(|(i, _)| {
            let governed = (i + 1..side.toks.len()).find(|&k| {
                let t = &side.toks[k];
                t.is_word() && !is_function_word(&t.fold)
            })?;
            // The restriction came or went around a word both sides keep:
            // in a sentence rebuilt ("the shows are for those aged 18 and
            // over" / "only adults aged eighteen or above"), another
            // wording may state it.
            (map[governed].is_some() && !amount(side, governed)).then_some((i, governed))
        })
        .collect()
}

/// Whether the word at `k` states an amount or a span of time ("only 13
/// minutes", "only months from closing", "only a bit"): "only" there says
/// how small the amount seems, which the figure itself states.
fn amount(side: &Side<'_>, k: usize) -> bool {
    let t = &side.toks[k];
    t.fold.chars().next().is_some_and(|c| c.is_ascii_digit())
        || super::numbers::is_number_word(&t.fold)
        || super::numbers::quantities(side)
            .iter()
            .any(|q| q.start <= k && k < q.end)
        || TIME_SPANS.contains(&t.fold.trim_end_matches('s'))
        || AMOUNT_WORDS.contains(&t.fold.as_ref())
}

/// "one of the" that the diff left unmatched before a word it matched,
/// where `other` names no group ("making him one of the highest-paid" /
/// "making him the highest-paid"): the start of the phrase and the word
/// it governs.
fn one_of(side: &Side<'_>, other: &Side<'_>, map: &[Option<usize>]) -> Vec<(usize, usize)> {
    let groups = |s: &Side<'_>| {
        s.toks.windows(2).any(|w| w[0].fold == "one" && w[1].fold == "of")
            || s.toks
                .iter()
                .any(|t| matches!(t.fold.as_ref(), "among" | "amongst"))
    };
    if groups(other) {
        return Vec::new();
    }
    (0..side.toks.len().saturating_sub(2))
        .filter(|&i| {
            side.toks[i].fold == "one"
                && side.toks[i + 1].fold == "of"
                && map[i].is_none()
                && map[i + 1].is_none()
                && !side.toks[i].in_quote
        })
        .filter_map(|i| {
            let g = (i + 2..side.toks.len()).find(|&k| !is_function_word(&side.toks[k].fold))?;
            (side.toks[g].is_word() && map[g].is_some()).then_some((i, g))
        })
        .collect()
}

/// Tokens a rewrite may put between a quantifier and the word it governs
/// that the original does not ("several supermarket chains" / "all major
/// supermarket chains"); the original's governed word is looked for this
/// far and two more after its quantifier.
const QUANTIFIER_REACH: usize = 4;

/// Whether the token at `i` quantifies as a part (`Some(false)`) or the
/// whole (`Some(true)`) of a group: "not all", "almost every" are parts.
fn quantifier(side: &Side<'_>, i: usize) -> Option<bool> {
    let f = side.toks[i].fold.as_ref();
    let softened = || {
        i > 0 && {
            let p = side.toks[i - 1].fold.as_ref();
            QUANTIFIER_SOFTENERS.contains(&p) || p.ends_with("n't")
        }
    };
    // "every week", "all day": how often or how long, not how many.
    let span_after = side
        .toks
        .get(i + 1)
        .is_some_and(|n| TIME_SPANS.contains(&n.fold.trim_end_matches('s')));
    if span_after {
        None
    } else if PARTIAL_QUANTIFIERS.contains(&f) {
        Some(false)
    } else if UNIVERSAL_QUANTIFIERS.contains(&f) {
        Some(!softened())
    } else {
        None
    }
}

/// Quantifiers of the original that the diff left unmatched, each set
/// against an unmatched quantifier of the other kind (part / whole) that
/// the rewrite puts before the same kept word: "Several of the
/// district's schools" / "All of the district's schools", "mostly with
/// state grants" / "entirely with state grants". Token indexes, with
/// whether the original's quantifier names the whole.
fn part_and_whole(cx: &UnitCx<'_>) -> Vec<(usize, usize, bool)> {
    let (a, b) = (&cx.a, &cx.b);
    let (a_to_b, b_to_a) = (&cx.map.a_to_b, &cx.map.b_to_a);
    let mut out = Vec::new();
    for (i, t) in a.toks.iter().enumerate() {
        let Some(whole) = quantifier(a, i) else { continue };
        if a_to_b[i].is_some() || t.in_quote {
            continue;
        }
        // The first word it governs that the rewrite kept ("Several of
        // the district's 22 schools" / "All 22 of the district's schools":
        // the diff may keep "schools", not "district's").
        let Some((g, k)) = (i + 1..a.toks.len().min(i + 1 + QUANTIFIER_REACH + 2))
            .filter(|&g| a.toks[g].is_word() && !is_function_word(&a.toks[g].fold))
            // A word the sentence moved ("for the western half of Ostley" /
            // "All of Ostley is …") is found by its stem.
            .find_map(|g| {
                a_to_b[g]
                    .or_else(|| b.only_with_stem(&a.toks[g].stem))
                    .map(|k| (g, k))
            })
        else {
            continue;
        };
        let from = k.saturating_sub(g - i + QUANTIFIER_REACH);
        let other = (from..k).rev().find(|&j| {
            b_to_a[j].is_none() && !b.toks[j].in_quote && quantifier(b, j).is_some_and(|w| w != whole)
        });
        if let Some(j) = other {
            out.push((i, j, whole));
        }
    }
    out
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let (a, b) = (&cx.a, &cx.b);
    let (a_to_b, b_to_a) = (&cx.map.a_to_b, &cx.map.b_to_a);
    let mut out = Vec::new();
    for at in one_of(a, b, a_to_b) {
        out.push(finding(cx, true, at, "one of a group made the only one"));
    }
    for at in one_of(b, a, b_to_a) {
        out.push(finding(cx, false, at, "the only one made one of a group"));
    }
    for at in dropped(a, b, a_to_b) {
        out.push(finding(cx, true, at, "restriction dropped"));
    }
    for at in dropped(b, a, b_to_a) {
        out.push(finding(cx, false, at, "restriction added"));
    }
    for (i, j, whole) in part_and_whole(cx) {
        let (x, y) = (a.toks[i].span, b.toks[j].span);
        let what = if whole {
            "the whole made a part"
        } else {
            "a part made the whole"
        };
        let reason = format!("{what}: ‘{}’ → ‘{}’", clip(a.text(x)), clip(b.text(y)));
        out.push(Finding::new(Kind::Meaning, CONF, Some(x), Some(y), reason));
    }
    out
}

/// The flag for words `i` to `g` of the original (`in_original`) or the
/// rewrite, set against the other side's counterpart of `g`.
fn finding(cx: &UnitCx<'_>, in_original: bool, (i, g): (usize, usize), what: &str) -> Finding {
    let (side, other, map) = if in_original {
        (&cx.a, &cx.b, &cx.map.a_to_b)
    } else {
        (&cx.b, &cx.a, &cx.map.b_to_a)
    };
    let here = side.cover(i, g + 1);
    let there = map[g].map(|k| other.toks[k].span);
    let shown = there.map_or_else(|| "—".to_owned(), |s| clip(other.text(s)));
    let here_shown = clip(side.text(here));
    if in_original {
        let reason = format!("{what}: ‘{here_shown}’ → ‘{shown}’");
        Finding::new(Kind::Meaning, CONF, Some(here), there, reason)
    } else {
        let reason = format!("{what}: ‘{shown}’ → ‘{here_shown}’");
        Finding::new(Kind::Meaning, CONF, there, Some(here), reason)
    }
}
