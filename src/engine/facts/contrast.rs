//! Sibling words: a word swapped for another of the same family but a
//! different meaning ("nephew" → "uncle", "northern" → "southern",
//! "profit" → "loss"), unlike a synonym swap.

use super::Detector;
use super::clip;
use super::context::UnitCx;
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::lexicon::stem;
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

/// Families of contrasting classes; words in one class are near-synonyms.
const FAMILIES: &[&[&[&str]]] = &[
    &[
        &["north", "northern", "northward"],
        &["south", "southern", "southward"],
        &["east", "eastern", "eastward"],
        &["west", "western", "westward"],
    ],
    &[
        &[
            "increase",
            "increased",
            "rise",
            "rose",
            "risen",
            "grew",
            "grown",
            "jump",
            "jumped",
            "soar",
            "soared",
            "climb",
            "climbed",
            "gain",
            "gained",
            "surge",
            "surged",
        ],
        &[
            "decrease",
            "decreased",
            "fall",
            "fell",
            "fallen",
            "drop",
            "dropped",
            "decline",
            "declined",
            "shrink",
            "shrank",
            "plunge",
            "plunged",
            "slump",
            "slumped",
        ],
    ],
    &[&["profit", "profits", "surplus"], &["loss", "losses", "deficit"]],
    &[
        &["win", "won", "winner", "victory", "victor"],
        &["lose", "lost", "loser", "defeat", "defeated"],
    ],
    &[
        &[
            "killed", "dead", "died", "death", "deaths", "slain", "fatal", "fatally",
        ],
        &["injured", "wounded", "hurt", "injury", "injuries"],
    ],
    &[&["guilty", "convicted"], &["innocent", "acquitted", "cleared"]],
    &[&["arrested", "detained", "jailed"], &["released", "freed"]],
    &[
        &["approve", "approved", "accept", "accepted", "backed"],
        &["reject", "rejected", "refused", "vetoed"],
    ],
    &[
        &["support", "supported", "supports"],
        &["oppose", "opposed", "opposes"],
    ],
    &[&["buy", "bought", "purchased"], &["sell", "sold"]],
    &[
        &["import", "imports", "imported"],
        &["export", "exports", "exported"],
    ],
    &[&["hired", "appointed"], &["fired", "sacked", "dismissed"]],
    &[&["before"], &["after"]],
    &[&["majority"], &["minority"]],
    &[&["maximum"], &["minimum"]],
    &[&["oldest", "eldest"], &["youngest"]],
    &[&["largest", "biggest"], &["smallest"]],
    &[&["highest"], &["lowest"]],
    &[&["public"], &["private"]],
    &[&["legal", "lawful"], &["illegal", "unlawful"]],
    &[
        &["morning"],
        &["afternoon"],
        // "Saturday evening" and "Saturday night" are the same time.
        &["evening", "night", "overnight"],
    ],
    &[
        &["father", "dad"],
        &["mother", "mum", "mom"],
        &["son"],
        &["daughter"],
        &["brother"],
        &["sister"],
        &["husband"],
        &["wife"],
        &["uncle"],
        &["aunt"],
        &["nephew"],
        &["niece"],
        &["cousin"],
        &["grandfather"],
        &["grandmother"],
        &["grandson"],
        &["granddaughter"],
        &["boyfriend"],
        &["girlfriend"],
    ],
    &[
        &["man", "men", "boy", "boys"],
        &["woman", "women", "girl", "girls"],
    ],
    &[
        &["he", "him", "his", "himself", "mr"],
        &["she", "her", "hers", "herself", "mrs", "ms"],
    ],
];

/// Every word of every family, and its stem, mapped to (family, class).
static LOOKUP: LazyLock<HashMap<String, (usize, usize)>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (f, family) in FAMILIES.iter().enumerate() {
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
    for (i, t) in side.toks.iter().enumerate() {
        if t.in_quote || !t.is_word() {
            continue;
        }
        let hit = LOOKUP.get(&t.fold).or_else(|| LOOKUP.get(&t.stem));
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
    for family in 0..FAMILIES.len() {
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
