//! Places and who-did-what markers: the same place or party after a
//! preposition of another meaning ("near the harbour" → "in the harbour",
//! "injured among the guards" → "injured by the guards").

use super::Detector;
use super::clip;
use super::context::{Side, UnitCx};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::lexicon::is_stop_word;
use crate::engine::words::{DETERMINERS, NEAR_TO, SHARE_WORDS, SOURCE_VERBS};
use crate::engine::words::{MADE_NOUNS, WordTable};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "place",
    kinds: &[Kind::Place, Kind::Roles],
    catches: "the same place or party after a preposition of another meaning",
    guards: &[],
    run: detect,
};

/// Prepositions grouped by meaning; a change within a group is rewording.
/// "off" means "near" off a coast and "from" off a wing, so it agrees with
/// both; "around" is left out: "around the country" is "across" it.
const LOCATION: Prepositions = Prepositions::new(&[
    ("in", "in"),
    ("inside", "in"),
    ("within", "in"),
    ("into", "in"),
    ("at", "in"),
    ("on", "in"),
    ("across", "in"),
    ("throughout", "in"),
    ("near", "near"),
    ("outside", "outside"),
    ("beside", "near"),
    ("nearby", "near"),
    ("along", "along"),
    ("off", "off"),
    ("beyond", "beyond"),
    ("behind", "behind"),
    ("opposite", "opposite"),
    ("above", "above"),
    ("below", "below"),
    ("beneath", "below"),
    ("underneath", "below"),
    ("from", "from"),
    ("to", "to"),
    ("towards", "to"),
    ("toward", "to"),
]);

/// Agent ("by X") against membership or target ("among X", "from X", "of
/// X", "against X"). "from X" counts as membership only after a share
/// ("most of them from the guards"): "a grant from the council" names the
/// giver as "by" does.
const ROLE: Prepositions = Prepositions::new(&[
    ("by", "agent"),
    ("from", "member"),
    ("among", "member"),
    ("of", "member"),
    ("against", "target"),
]);

/// Prepositions and their meaning groups: every token is looked up, and
/// most are ruled out by the table's filter, not by a scan.
type Prepositions = WordTable<&'static str>;

/// A preposition, its meaning group, and the stem of the word it governs
/// (borrowed from the side's token).
struct Marked<'s> {
    prep: usize,
    group: &'static str,
    object: &'s str,
    end: usize,
}

fn marked<'s>(side: &'s Side<'_>, table: &Prepositions) -> Vec<Marked<'s>> {
    let toks = &side.toks;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(mut group) = table.get(&t.fold) else {
            continue;
        };
        // "close to the bridge" is near it, not a destination.
        if t.fold == "to" && i > 0 && NEAR_TO.contains(&toks[i - 1].fold.as_ref()) && group == "to" {
            group = "near";
        }
        if t.in_quote || after_source_verb(toks, i) {
            continue;
        }
        // "an investigation by the police" is the police's, as "the unit
        // of the police" is: "by" marks a doer after a participle ("was
        // attacked by", "led by", "was hit by"); after a noun, a maker or
        // an owner, which either a doer or a member may restate.
        if group == "agent" && t.fold == "by" && after_noun(toks, i) {
            group = "maker";
        }
        // "pay off credit cards": the particle of a phrasal verb before a
        // bare common noun, no place ("worked off the coast", "off Kerry"
        // stay places).
        let bare_noun_after = toks
            .get(i + 1)
            .is_some_and(|n| n.is_word() && !n.is_capitalised() && !DETERMINERS.contains(&n.fold.as_ref()));
        if bare_noun_after && side.is_phrasal_particle(i) {
            continue;
        }
        if group == "member" && t.fold == "from" && !after_share(toks, i) {
            continue;
        }
        // "the work of Rhiannon Lusk" names its maker, as "by" does.
        if group == "member" && t.fold == "of" && i > 0 && MADE_NOUNS.contains(&toks[i - 1].fold.as_ref()) {
            group = "agent";
        }
        let mut k = i + 1;
        while toks
            .get(k)
            .is_some_and(|n| DETERMINERS.contains(&n.fold.as_ref()))
        {
            k += 1;
        }
        // A figure is no place or party ("an average of 4" / "up by 4").
        let Some(obj) = toks.get(k).filter(|n| {
            n.is_word() && !is_stop_word(&n.fold) && !n.fold.starts_with(|c: char| c.is_ascii_digit())
        }) else {
            continue;
        };
        let mut end = k + 1;
        while obj.is_capitalised() && toks.get(end).is_some_and(|n| n.is_word() && n.is_capitalised()) {
            end += 1;
        }
        out.push(Marked {
            prep: i,
            group,
            object: &obj.stem,
            end,
        });
    }
    out
}

/// Tokens before "by" searched for a form of "be" or "get" ("was
/// quickly hit by").
const PASSIVE_REACH: usize = 3;

/// Whether "by" at `i` follows a noun ("an inquiry by"), not a
/// participle: a word ending "-ed" or "-en", an irregular form ("led",
/// "won"), or any word after a form of "be" or "get" ("was hit by").
fn after_noun(toks: &[super::context::Tok<'_>], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|k| &toks[k]) else {
        return false;
    };
    let f = prev.fold.as_ref();
    let wn = crate::engine::wordnet::wordnet();
    let participle = f.ends_with("ed")
        || f.ends_with("en")
        || wn.is_irregular_form(f)
        || toks[i.saturating_sub(PASSIVE_REACH)..i].iter().any(|t| {
            let g = t.fold.as_ref();
            crate::engine::words::BE_FORMS.contains(&g) || crate::engine::words::PASSIVE_AUX.contains(&g)
        });
    prev.is_word() && !participle && wn.is_noun_lemma(f) && !super::lists::is_function_word(f)
}

/// Words before "from" searched for a share.
const SHARE_REACH: usize = 3;

/// Whether "from" at `i` follows a share of a group ("most of them from",
/// "two from the army").
fn after_share(toks: &[super::context::Tok<'_>], i: usize) -> bool {
    let count = |t: &super::context::Tok<'_>| {
        t.fold.starts_with(|c: char| c.is_ascii_digit()) || super::numbers::is_number_word(&t.fold)
    };
    (i > 0 && count(&toks[i - 1]))
        || toks[i.saturating_sub(SHARE_REACH)..i]
            .iter()
            .any(|t| SHARE_WORDS.contains(&t.fold.as_ref()))
}

fn after_source_verb(toks: &[super::context::Tok<'_>], i: usize) -> bool {
    toks[i].fold == "from" && i > 0 && SOURCE_VERBS.contains(&toks[i - 1].fold.as_ref())
}

/// Whether two groups can say the same: equal, "off" beside "near" or
/// "from", "outside" beside "near" or "beyond" ("outside town" / "beyond
/// the town limits"), "in" beside "below" ("in the seabed" / "beneath the
/// seabed"), "along" beside "near" or "in" ("along the river" / "on the
/// river", "by the river"), a maker beside a doer or a member ("a report
/// by the council" / "written by the council", "the council's report").
fn agree(a: &str, b: &str) -> bool {
    let pair = |x: &str, y: &str| (a == x && b == y) || (a == y && b == x);
    a == b
        || pair("off", "near")
        || pair("off", "from")
        || pair("outside", "near")
        || pair("outside", "beyond")
        || pair("in", "below")
        || pair("along", "near")
        || pair("along", "in")
        || pair("maker", "agent")
        || pair("maker", "member")
}

struct Family<'f> {
    kind: Kind,
    table: &'f Prepositions,
    label: &'f str,
    /// Only changes into or out of these groups count (empty: any change).
    pivots: &'f [&'f str],
    conf: f32,
    lead_word: bool,
}

fn compare(cx: &UnitCx<'_>, fam: &Family<'_>) -> Vec<Finding> {
    let ma = marked(&cx.a, fam.table);
    let mb = marked(&cx.b, fam.table);
    let mut out = Vec::new();
    for m in &mb {
        let same_group_in_a = ma.iter().any(|n| n.object == m.object && agree(n.group, m.group));
        let Some(other) = ma
            .iter()
            .find(|n| n.object == m.object && !agree(n.group, m.group))
        else {
            continue;
        };
        let pivoted =
            fam.pivots.is_empty() || fam.pivots.contains(&m.group) || fam.pivots.contains(&other.group);
        if same_group_in_a || !pivoted {
            continue;
        }
        let lead = |side: &Side<'_>, p: usize| {
            if fam.lead_word && p > 0 && side.toks[p - 1].is_word() {
                p - 1
            } else {
                p
            }
        };
        let a_span = cx.a.cover(lead(&cx.a, other.prep), other.end);
        let b_span = cx.b.cover(lead(&cx.b, m.prep), m.end);
        let reason = format!(
            "{}: ‘{}’ → ‘{}’",
            fam.label,
            clip(cx.a.text(a_span)),
            clip(cx.b.text(b_span))
        );
        out.push(Finding::new(
            fam.kind,
            fam.conf,
            Some(a_span),
            Some(b_span),
            reason,
        ));
    }
    out
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let place = Family {
        kind: Kind::Place,
        table: &LOCATION,
        label: "location changed",
        pivots: &[
            "near", "along", "off", "outside", "beyond", "behind", "opposite", "above", "below",
        ],
        conf: 0.7,
        lead_word: false,
    };
    let roles = Family {
        kind: Kind::Roles,
        table: &ROLE,
        label: "who did what changed",
        pivots: &["agent"],
        conf: 0.7,
        lead_word: true,
    };
    let mut out = compare(cx, &place);
    out.extend(compare(cx, &roles));
    out
}
