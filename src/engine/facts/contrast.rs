//! Sibling words: a word swapped for another of the same family but a
//! different meaning ("nephew" → "uncle", "northern" → "southern",
//! "profit" → "loss"), unlike a synonym swap.

use super::Detector;
use super::clip;
use super::context::UnitCx;
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::lexicon::stem;
use crate::engine::words::{CONTRAST_FAMILIES, CONTRAST_UNIT_FAMILIES};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "contrast",
    kinds: &[Kind::Meaning],
    catches: "a word swapped for another of its contrast family (north / south, profit / loss)",
    guards: &[],
    run: detect,
};

/// Every word of every family, and its stem, mapped to (family, class).
static LOOKUP: LazyLock<HashMap<String, (usize, usize)>> = LazyLock::new(|| {
    let mut map = HashMap::new();
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

/// The (family, class, token) mentions of a side, outside quotations, one
/// per class.
fn mentions(side: &super::context::Side<'_>) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    // "three decades" / "thirty years", "a fortnight" / "two weeks": an
    // amount is the numbers detector's call, which compares values.
    let amounts = super::numbers::quantities(side);
    let counted = |i: usize| {
        amounts.iter().any(|q| q.start <= i && i < q.end)
            || (i > 0 && {
                let before = side.toks[i - 1].fold.as_str();
                matches!(before, "a" | "an" | "one" | "several" | "few" | "many" | "some")
                    || before.chars().any(|c| c.is_ascii_digit())
                    || super::numbers::is_number_word(before)
            })
    };
    for (i, t) in side.toks.iter().enumerate() {
        if t.in_quote || !t.is_word() {
            continue;
        }
        let hit = LOOKUP
            .get(&t.fold)
            .or_else(|| LOOKUP.get(&t.stem))
            .filter(|(f, _)| !(CONTRAST_UNIT_FAMILIES.contains(f) && counted(i)));
        if let Some(&(f, c)) = hit.filter(|&&(f, c)| !out.iter().any(|m| m.0 == f && m.1 == c)) {
            out.push((f, c, i));
        }
    }
    out
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
            .map(|t| t.stem.clone())
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
        let ca: Vec<(usize, usize)> = ma.iter().filter(|m| m.0 == family).map(|m| (m.1, m.2)).collect();
        let cb: Vec<(usize, usize)> = mb.iter().filter(|m| m.0 == family).map(|m| (m.1, m.2)).collect();
        let only_a: Vec<_> = ca
            .iter()
            .filter(|(c, _)| !cb.iter().any(|(d, _)| d == c))
            .collect();
        let only_b = cb.iter().filter(|(c, _)| !ca.iter().any(|(d, _)| d == c));
        for ((_, ib), (_, ia)) in only_b
            .zip(only_a)
            .filter(|((_, ib), (_, ia))| same_setting(cx, *ia, *ib))
        {
            let a_span = cx.a.toks[*ia].span;
            let b_span = cx.b.toks[*ib].span;
            let reason = format!(
                "changed meaning: ‘{}’ → ‘{}’",
                clip(cx.a.text(a_span)),
                clip(cx.b.text(b_span))
            );
            out.push(Finding::new(
                Kind::Meaning,
                0.7,
                Some(a_span),
                Some(b_span),
                reason,
            ));
        }
    }
    out
}
