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
    guards: &[
        Guard {
            name: "different-setting",
            keeps_out: "two words of one family among different words (\"before clearing the plan\" / \"after the team had spent\"): a sentence rebuilt around another event",
        },
        Guard {
            name: "converse",
            keeps_out: "two words of one family whose neighbours traded places (\"the vote came before the debate\" / \"the debate came after the vote\"): one fact said from its other end",
        },
    ],
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

/// First words of the two-word entries ("some" of "some of"): only these
/// are looked up with the word after them.
static PAIR_STARTS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    CONTRAST_FAMILIES
        .iter()
        .flat_map(|family| family.iter().flat_map(|class| class.iter()))
        .filter_map(|w| w.split_once(' ').map(|(first, _)| first))
        .collect()
});

/// A mention of a family word: (family, class, token).
type Mention = (usize, usize, usize);

/// The (family, class, token) mentions of a side, outside quotations.
fn mentions(side: &super::context::Side<'_>) -> Vec<(usize, usize, usize)> {
    // "three decades" / "thirty years", "a fortnight" / "two weeks": an
    // amount is the numbers detector's call, which compares values. An
    // ordinal word counts nothing: "the first year" / "the first month"
    // differ.
    let amounts = super::numbers::quantities(side);
    let ordinal = |i: usize| super::numbers::is_ordinal_word(&side.toks[i].fold);
    let counted = |i: usize| {
        ((i == 0 || !ordinal(i - 1)) && amounts.iter().any(|q| q.start <= i && i < q.end))
            || (i > 0 && {
                let before = side.toks[i - 1].fold.as_ref();
                matches!(before, "a" | "an" | "one" | "several" | "few" | "many" | "some")
                    // "the 60th minute" is a time in minutes, a figure
                    // the numbers detector compares ("on the hour").
                    || before.chars().any(|c| c.is_ascii_digit())
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
            // Two-word entries first: "some of the notebooks" is a share,
            // while "some 40,000" is about.
            let pair = PAIR_STARTS
                .contains(&t.fold.as_ref())
                .then(|| side.toks.get(i + 1))
                .flatten()
                .and_then(|n| LOOKUP.get(&format!("{} {}", t.fold, n.fold)));
            let &(f, c) = pair
                .or_else(|| LOOKUP.get(&*t.fold))
                .or_else(|| LOOKUP.get(&*t.stem))?;
            // "the second half": an ordinal before its noun is no unit.
            let ordinal_before_word = ordinal(i) && side.toks.get(i + 1).is_some_and(|n| n.is_word());
            let skipped = approximated(i)
                || (CONTRAST_UNIT_FAMILIES.contains(&f) && (counted(i) || ordinal_before_word));
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
/// Content words looked at on each side of a sibling word for words that
/// moved across it.
const CROSS_WORDS: usize = 4;
/// Content words looked at on each side of a sibling word for the two
/// things a converse compares.
const CONVERSE_WORDS: usize = 8;
/// Words next to one side's sibling word that must stand on the other side
/// of the other sibling, for a sentence turned round.
const CROSSED: usize = 2;

/// Where two sibling words stand, judged by the content words beside them.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Setting {
    /// Among the same words, on the same side of them ("nephew ran the
    /// depot" / "uncle ran the depot"), or with one side's words moved
    /// across, as a sentence turned round does ("would increase funding" /
    /// "funding will decrease"): a swap.
    Same,
    /// The words before each sibling are the ones after the other, and the
    /// other way round, and the two are no nouns: the two things compared
    /// traded places ("the vote came before the debate" / "the debate came
    /// after the vote", "A lent B money" / "B borrowed money from A"), one
    /// fact said from its other end.
    Converse,
    /// Among different words ("before clearing the plan" / "after the team
    /// had spent"): a sentence rebuilt around another event.
    Different,
}

pub(super) fn setting(cx: &UnitCx<'_>, ia: usize, ib: usize) -> Setting {
    let content = |t: &&super::context::Tok<'_>| t.is_word() && !super::lists::is_function_word(&t.fold);
    let stems = |toks: &mut dyn Iterator<Item = &super::context::Tok<'_>>, n: usize| -> Vec<String> {
        toks.filter(content).take(n).map(|t| t.stem.to_string()).collect()
    };
    let before =
        |side: &super::context::Side<'_>, i: usize, n: usize| stems(&mut side.toks[..i].iter().rev(), n);
    let after =
        |side: &super::context::Side<'_>, i: usize, n: usize| stems(&mut side.toks[i + 1..].iter(), n);
    // Words of `x` found in `y` and not in `z` (where they were).
    let crossed = |x: &[String], y: &[String], z: &[String]| {
        x.iter().filter(|s| y.contains(s) && !z.contains(s)).count()
    };
    // The things compared may stand a clause away ("Oldmarket has 2,300
    // households on the list, more than Linfield" / "Linfield has 1,700
    // households on the list, fewer than … Oldmarket"); nearer words are
    // the first of these.
    let (wide_before_a, wide_after_a) = (
        before(&cx.a, ia, CONVERSE_WORDS),
        after(&cx.a, ia, CONVERSE_WORDS),
    );
    let (wide_before_b, wide_after_b) = (
        before(&cx.b, ib, CONVERSE_WORDS),
        after(&cx.b, ib, CONVERSE_WORDS),
    );
    let first = |x: &[String], n: usize| x[..x.len().min(n)].to_vec();
    let (before_a, after_a) = (
        first(&wide_before_a, CROSS_WORDS),
        first(&wide_after_a, CROSS_WORDS),
    );
    let (before_b, after_b) = (
        first(&wide_before_b, CROSS_WORDS),
        first(&wide_after_b, CROSS_WORDS),
    );
    let forward = crossed(&wide_before_a, &wide_after_b, &wide_before_b);
    let backward = crossed(&wide_after_a, &wide_before_b, &wide_after_b);
    // Persons and things named by a noun ("aunt" / "uncle") have no
    // converse: "Ann is the aunt of Tom" / "Tom is the uncle of Ann" still
    // changed Ann. Comparisons, directions and verbs have one.
    let wn = crate::engine::wordnet::wordnet();
    let nouns = wn.is_noun(&cx.a.toks[ia].fold) && wn.is_noun(&cx.b.toks[ib].fold);
    if forward > 0 && backward > 0 && !nouns {
        return Setting::Converse;
    }
    let near = |x: &[String]| first(x, SETTING_WORDS);
    let shared = |x: &[String], y: &[String]| near(x).iter().any(|s| near(y).contains(s));
    // Words moved across take two of the words next to one side's sibling:
    // words shared further off ("was moved to a warehouse during the work"
    // / "back on the shelves after they were kept in a warehouse") are a
    // sentence rebuilt around them.
    let moved = |x: &[String], y: &[String], z: &[String]| crossed(&near(x), y, z) >= CROSSED;
    if shared(&before_a, &before_b)
        || shared(&after_a, &after_b)
        || moved(&before_a, &after_b, &before_b)
        || moved(&after_a, &before_b, &after_b)
    {
        Setting::Same
    } else {
        Setting::Different
    }
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let ma = mentions(&cx.a);
    let mb = mentions(&cx.b);
    // Only the families either side mentions, in family order: a family
    // neither side names has no surplus on either side and finds nothing.
    let mut families: Vec<usize> = ma.iter().chain(&mb).map(|m| m.0).collect();
    families.sort_unstable();
    families.dedup();
    for family in families {
        let only_a = surplus(&ma, &mb, family, &cx.map.a_to_b);
        let only_b = surplus(&mb, &ma, family, &cx.map.b_to_a);
        // A word with no counterpart of its family on the other side may
        // end a range the other side gives one end of ("mixed to positive
        // reviews" / "mixed reviews").
        if only_a.is_empty() != only_b.is_empty() {
            let a_side = !only_a.is_empty();
            for &k in if a_side { &only_a } else { &only_b } {
                let lists = if a_side {
                    (&ma[..], &mb[..])
                } else {
                    (&mb[..], &ma[..])
                };
                out.extend(range_narrowed(cx, a_side, k, family, lists));
            }
        }
        for (ib, ia) in only_b.into_iter().zip(only_a) {
            // Of the rewrite's words of that class, the one standing where
            // the original's word stood ("Tolland shares rose 8 percent …,
            // while Tarnwick stock slipped 2 percent" / "… jumped 8 per
            // cent, while Tarnwick stock climbed 2 per cent": "climbed",
            // not "jumped").
            let class = mb.iter().find(|m| m.2 == ib).map(|m| m.1);
            let ib = mb
                .iter()
                .filter(|m| m.0 == family && Some(m.1) == class && cx.map.b_to_a[m.2].is_none())
                .map(|m| m.2)
                .find(|&k| setting(cx, ia, k) == Setting::Same)
                .unwrap_or(ib);
            let a_span = cx.a.toks[ia].span;
            let b_span = cx.b.toks[ib].span;
            let reason = format!(
                "changed meaning: ‘{}’ → ‘{}’",
                clip(cx.a.text(a_span)),
                clip(cx.b.text(b_span))
            );
            let finding = Finding::new(Kind::Meaning, 0.7, Some(a_span), Some(b_span), reason);
            out.push(match setting(cx, ia, ib) {
                Setting::Same => finding,
                Setting::Converse => finding.dropped_by("converse"),
                Setting::Different => finding.dropped_by("different-setting"),
            });
        }
    }
    out
}

/// "mixed to positive reviews" / "mixed reviews": token `k` of one side
/// (the original when `in_original`) ends a range "X to Y" of its family
/// whose other end the other side states alone, in no range of its own.
fn range_narrowed(
    cx: &UnitCx<'_>,
    in_original: bool,
    k: usize,
    family: usize,
    (mine, theirs): (&[Mention], &[Mention]),
) -> Option<Finding> {
    let (side, other, map) = if in_original {
        (&cx.a, &cx.b, &cx.map.a_to_b)
    } else {
        (&cx.b, &cx.a, &cx.map.b_to_a)
    };
    let word = |i: usize| side.toks.get(i).map(|t| t.fold.as_ref());
    let end = |i: usize| mine.iter().find(|m| m.0 == family && m.2 == i);
    // The range's other end: "X to" before `k`, or "to Y" after it.
    let start = if k >= 2 && word(k - 1) == Some("to") && end(k - 2).is_some() {
        k - 2
    } else if word(k + 1) == Some("to") && end(k + 2).is_some() {
        k + 2
    } else {
        return None;
    };
    let kept = map[start]?;
    let their_end = |i: usize| theirs.iter().any(|m| m.0 == family && m.2 == i);
    let other_word = |i: usize| other.toks.get(i).map(|t| t.fold.as_ref());
    let ranged = (other_word(kept + 1) == Some("to") && their_end(kept + 2))
        || (kept >= 2 && other_word(kept - 1) == Some("to") && their_end(kept - 2));
    if ranged {
        return None;
    }
    let here = side.cover(start.min(k), start.max(k) + 1);
    let there = other.toks[kept].span;
    let (x, y) = (clip(side.text(here)), clip(other.text(there)));
    let (a_span, b_span, reason) = if in_original {
        (here, there, format!("range narrowed: ‘{x}’ → ‘{y}’"))
    } else {
        (there, here, format!("range widened: ‘{y}’ → ‘{x}’"))
    };
    Some(Finding::new(
        Kind::Meaning,
        0.7,
        Some(a_span),
        Some(b_span),
        reason,
    ))
}
