//! Sibling words: a word swapped for another of the same family but a
//! different meaning ("nephew" → "uncle", "northern" → "southern",
//! "profit" → "loss"), unlike a synonym swap.

use super::clip;
use super::context::UnitCx;
use super::{Detector, Guard};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::lexicon::{WordHasher, stem};
use crate::engine::words::{CONTRAST_FAMILIES, CONTRAST_UNIT_FAMILIES};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "contrast",
    kinds: &[Kind::Meaning],
    catches: "a word swapped for another of its contrast family (north / south, profit / loss)",
    guards: &[Guard {
        name: "different-setting",
        keeps_out: "two words of one family among different words (\"before clearing the plan\" / \"after the team had spent\"): a sentence rebuilt around another event",
    }],
    run: detect,
};

/// Every word of every family, and its stem, mapped to (family, class).
/// Looked up twice for every word of every unit, never iterated: hashed
/// with the word hasher.
static LOOKUP: LazyLock<HashMap<String, (usize, usize), BuildHasherDefault<WordHasher>>> =
    LazyLock::new(|| {
        let mut map = HashMap::default();
        for (f, family) in CONTRAST_FAMILIES.iter().enumerate() {
            for (c, class) in family.iter().enumerate() {
                for w in *class {
                    map.insert((*w).to_owned(), (f, c));
                    map.entry(stem(w)).or_insert((f, c));
                }
            }
        }
        map
    });

/// The (family, class, token) mentions of a side, outside quotations.
fn mentions(side: &super::context::Side<'_>) -> Vec<(usize, usize, usize)> {
    // "three decades" / "thirty years", "a fortnight" / "two weeks": an
    // amount is the numbers detector's call, which compares values. An
    // ordinal counts nothing: "the first year" / "the first month" differ.
    let amounts = super::numbers::quantities(side);
    let ordinal = |i: usize| super::numbers::is_ordinal_word(&side.toks[i].fold);
    let counted = |i: usize| {
        ((i == 0 || !ordinal(i - 1)) && amounts.iter().any(|q| q.start <= i && i < q.end))
            || (i > 0 && {
                let before = side.toks[i - 1].fold.as_ref();
                matches!(before, "a" | "an" | "one" | "several" | "few" | "many" | "some")
                    || (before.chars().any(|c| c.is_ascii_digit()) && !ordinal(i - 1))
                    || (super::numbers::is_number_word(before) && !ordinal(i - 1))
            })
    };
    // "almost all", "nearly every": a word after one of the approximate
    // class ("almost", "nearly") says roughly that much, which other words
    // may say ("most", "the greater part").
    let approximate = LOOKUP.get("almost").copied();
    let approximated =
        |i: usize| i > 0 && approximate.is_some_and(|a| LOOKUP.get(&*side.toks[i - 1].fold) == Some(&a));
    side.toks
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.in_quote && t.is_word())
        .filter_map(|(i, t)| {
            let &(f, c) = LOOKUP.get(&*t.fold).or_else(|| LOOKUP.get(&*t.stem))?;
            let skipped = approximated(i) || (CONTRAST_UNIT_FAMILIES.contains(&f) && counted(i));
            (!skipped).then_some((f, c, i))
        })
        .collect()
}

/// The classes of one family a side names more often than the other side,
/// each with the token to point at: one the word diff did not match, else
/// the first.
fn surplus(
    mine: &[(usize, usize, usize)],
    theirs: &[(usize, usize, usize)],
    family: usize,
    matched: &[Option<usize>],
) -> Vec<usize> {
    let count =
        |list: &[(usize, usize, usize)], c: usize| list.iter().filter(|m| m.0 == family && m.1 == c).count();
    let mut classes: Vec<usize> = Vec::new();
    for m in mine.iter().filter(|m| m.0 == family) {
        if !classes.contains(&m.1) {
            classes.push(m.1);
        }
    }
    classes
        .into_iter()
        .filter(|&c| count(mine, c) > count(theirs, c))
        .filter_map(|c| {
            let toks = mine.iter().filter(|m| m.0 == family && m.1 == c).map(|m| m.2);
            toks.clone()
                .find(|&i| matched[i].is_none())
                .or_else(|| toks.clone().next())
        })
        .collect()
}

/// Content words looked at on each side of a sibling word.
const SETTING_WORDS: usize = 2;

/// Whether the two sibling words stand among the same words, on the same
/// side of them: "nephew ran
/// the depot" → "uncle ran the depot" is a swap, while "before clearing
/// the plan" → "after the team had spent" is a sentence rebuilt around
/// the other event.
fn same_setting(cx: &UnitCx<'_>, ia: usize, ib: usize) -> bool {
    let content = |t: &&super::context::Tok<'_>| t.is_word() && !super::lists::is_function_word(&t.fold);
    let stems = |toks: &mut dyn Iterator<Item = &super::context::Tok<'_>>| -> Vec<String> {
        toks.filter(content)
            .take(SETTING_WORDS)
            .map(|t| t.stem.to_string())
            .collect()
    };
    let shared = |x: Vec<String>, y: Vec<String>| x.iter().any(|s| y.contains(s));
    let before = |side: &super::context::Side<'_>, i: usize| stems(&mut side.toks[..i].iter().rev());
    let after = |side: &super::context::Side<'_>, i: usize| stems(&mut side.toks[i + 1..].iter());
    shared(before(&cx.a, ia), before(&cx.b, ib)) || shared(after(&cx.a, ia), after(&cx.b, ib))
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let ma = mentions(&cx.a);
    let mb = mentions(&cx.b);
    for family in 0..CONTRAST_FAMILIES.len() {
        let only_a = surplus(&ma, &mb, family, &cx.map.a_to_b);
        let only_b = surplus(&mb, &ma, family, &cx.map.b_to_a);
        for (ib, ia) in only_b.into_iter().zip(only_a) {
            let a_span = cx.a.toks[ia].span;
            let b_span = cx.b.toks[ib].span;
            let reason = format!(
                "changed meaning: ‘{}’ → ‘{}’",
                clip(cx.a.text(a_span)),
                clip(cx.b.text(b_span))
            );
            let finding = Finding::new(Kind::Meaning, 0.7, Some(a_span), Some(b_span), reason);
            out.push(if same_setting(cx, ia, ib) {
                finding
            } else {
                finding.dropped_by("different-setting")
            });
        }
    }
    out
}
