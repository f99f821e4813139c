//! Who said it: the source named before a reporting verb or after
//! "according to" is one the original sentence does not name.

use super::clip;
use super::context::{Side, UnitCx};
use super::{Detector, Guard};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::lexicon::is_stop_word;
use crate::engine::text::Span;
use crate::engine::words::{BE_FORMS, GENERIC_SOURCES, RECORD_NOUNS, REPORTING_VERBS, SOURCE_NOUNS};

/// Registry entry (see [`super::DETECTORS`]).
pub const DETECTOR: Detector = Detector {
    name: "attribution",
    kinds: &[Kind::Attribution],
    catches: "a statement attributed to a source the original does not name, or claims two named speakers traded",
    guards: &[Guard {
        name: "description-named",
        keeps_out: "a source named where the other side describes it, or described where it names it, when either document calls that name by the description (\"the company said\" / \"Brightlane said\")",
    }],
    run: detect,
};

/// A source phrase as token indices `start..end` with its content stems.
struct Source {
    start: usize,
    end: usize,
    stems: Vec<String>,
}

fn clause_word(side: &Side<'_>, k: usize) -> bool {
    let t = &side.toks[k];
    t.is_word()
        && !matches!(
            t.fold.as_ref(),
            "that" | "which" | "who" | "and" | "but" | "while" | "as"
        )
}

/// "were investigating reports that…": a reporting verb's form read as a
/// noun, the object of the verb before it.
fn used_as_noun(side: &Side<'_>, i: usize) -> bool {
    i > 0 && {
        let before = &side.toks[i - 1];
        before.fold.ends_with("ing") || before.fold.ends_with("ed")
    }
}

/// Words after a passive reporting verb searched for its "by" ("was
/// announced on Friday by the board").
const BY_REACH: usize = 4;

/// Whether reporting verb `i` is passive: a form of "be" before it, with
/// at most one adverb between ("was also announced", "were confirmed").
fn passive(side: &Side<'_>, i: usize) -> bool {
    let be = |k: usize| BE_FORMS.contains(&side.toks[k].fold.as_ref());
    let adverb = |k: usize| crate::engine::wordnet::wordnet().is_adverb(&side.toks[k].fold);
    (i >= 1 && be(i - 1)) || (i >= 2 && adverb(i - 1) && be(i - 2))
}

/// Words that name the same kind of source: one replaced by another of
/// its class is rewording ("officials" → "authorities", "the airline" →
/// "the carrier"), unlike "the coastguard" → "the ferry operator".
const SOURCE_CLASSES: &[&[&str]] = &[
    &[
        "official",
        "officials",
        "authorities",
        "authority",
        "government",
        "administration",
    ],
    &["company", "firm", "business", "corporation"],
    &["airline", "carrier"],
    &["police", "officers", "policemen", "policewomen"],
    &["spokesman", "spokeswoman", "spokesperson"],
    &["researchers", "scientists", "academics"],
    &["doctors", "physicians", "medics"],
    &["residents", "locals", "inhabitants"],
    &["witnesses", "onlookers", "bystanders"],
];

fn class_of(fold: &str) -> Option<usize> {
    SOURCE_CLASSES.iter().position(|c| c.contains(&fold))
}

fn content_of<'s>(side: &'s Side<'_>, s: &Source) -> impl Iterator<Item = &'s super::context::Tok<'s>> {
    side.toks[s.start..s.end]
        .iter()
        .filter(|t| t.is_word() && !is_stop_word(&t.fold))
}

fn classes(side: &Side<'_>, s: &Source) -> Vec<usize> {
    content_of(side, s).filter_map(|t| class_of(&t.fold)).collect()
}

/// Every content word of the source is of a class the original's sources
/// use, or, where an original source is a group of people (`a_group`), a
/// word for anyone at all ("tenants said" / "people said"; not "the
/// housing officer said" / "people said").
fn same_kind_of_source(side: &Side<'_>, s: &Source, a_classes: &[usize], a_group: bool) -> bool {
    let mut words = content_of(side, s).peekable();
    words.peek().is_some()
        && words.all(|t| {
            (a_group && GENERIC_SOURCES.contains(&t.fold.as_ref()))
                || class_of(&t.fold).is_some_and(|c| a_classes.contains(&c))
        })
}

/// Whether a source names a group of people: its last content word a
/// plural, in lowercase, of a kind of person ("residents", "tenants").
fn group_of_people(side: &Side<'_>, s: &Source) -> bool {
    content_of(side, s).last().is_some_and(|t| {
        !t.is_capitalised()
            && t.fold.ends_with('s')
            && crate::engine::wordnet::wordnet().names_a_role(&t.fold)
    })
}

fn sources(side: &Side<'_>) -> Vec<Source> {
    let toks = &side.toks;
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.in_quote {
            continue;
        }
        let according = t.fold == "according" && toks.get(i + 1).is_some_and(|n| n.fold == "to");
        let range = if according {
            let end = (i + 2..toks.len().min(i + 8))
                .take_while(|&k| toks[k].is_word())
                .last()
                .map_or(i + 2, |k| k + 1);
            Some((i + 2, end))
        } else if REPORTING_VERBS.contains(&t.fold.as_ref()) && passive(side, i) {
            // "was also announced by the ministry": the source follows
            // "by"; with no "by", what comes before is what was said.
            (i + 1..toks.len().min(i + 1 + BY_REACH))
                .take_while(|&k| toks[k].is_word())
                .find(|&k| toks[k].fold == "by")
                .map(|by| {
                    let end = (by + 1..toks.len().min(by + 7))
                        .take_while(|&k| clause_word(side, k))
                        .last()
                        .map_or(by + 1, |k| k + 1);
                    (by + 1, end)
                })
        } else if REPORTING_VERBS.contains(&t.fold.as_ref()) && !used_as_noun(side, i) {
            let start = (i.saturating_sub(5)..i)
                .rev()
                .take_while(|&k| clause_word(side, k))
                .last()
                .unwrap_or(i);
            // "…,” said Councillor Ana Whitby", "said Almada president
            // Joaquim Teles": with nothing before the verb, the source is
            // the name after it, to its last capitalised word.
            let after = || {
                let named = |k: usize| toks[k].is_word() && toks[k].is_capitalised();
                if !toks.get(i + 1).is_some_and(|_| named(i + 1)) {
                    return None;
                }
                // "said Pennick became addicted": a name its verb follows
                // is what was said, not who said it.
                let verb_after = |k: usize| {
                    toks.get(k + 1).is_some_and(|n| {
                        n.is_word() && !n.is_capitalised() && !super::lists::is_function_word(&n.fold)
                    })
                };
                (i + 1..toks.len().min(i + 7))
                    .take_while(|&k| toks[k].is_word() && !super::lists::is_function_word(&toks[k].fold))
                    .filter(|&k| named(k))
                    .last()
                    .filter(|&k| !verb_after(k))
                    .map(|k| (i + 1, k + 1))
            };
            if start == i { after() } else { Some((start, i)) }
        } else {
            None
        };
        let Some((start, end)) = range.filter(|(s, e)| s < e) else {
            continue;
        };
        // Function words name nobody: "though he would not say" has the
        // source "he" (a pronoun, left to `pronoun_replaced`).
        let content: Vec<&super::context::Tok<'_>> = (start..end)
            .map(|k| &toks[k])
            .filter(|t| t.is_word() && !is_stop_word(&t.fold) && !super::lists::is_function_word(&t.fold))
            .collect();
        // Whoever "said" something is a source; what something is "according
        // to" may instead be a count or a document, which rewording renames
        // freely ("preliminary tallies" → "early estimates").
        let names_someone = content.iter().any(|t| {
            SOURCE_NOUNS.contains(&t.fold.as_ref())
                || (t.is_capitalised() && !side.index.lowercase.contains(&*t.fold))
        });
        let names_a_record = content.iter().any(|t| RECORD_NOUNS.contains(&t.stem.as_ref()));
        let is_source = !content.is_empty() && (names_someone || !according || !names_a_record);
        if is_source {
            out.push(Source {
                start,
                end,
                stems: content.iter().map(|t| t.stem.to_string()).collect(),
            });
        }
    }
    out
}

/// Tokens around an original source within which a word belongs to it
/// ("Forecasters at the regional weather office said").
const SOURCE_NEIGHBOURHOOD: usize = 4;

/// A side's stems, borrowed from its tokens.
type StemSet<'t> =
    std::collections::HashSet<&'t str, std::hash::BuildHasherDefault<crate::engine::lexicon::WordHasher>>;

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    // Every flag is a source of the rewrite: with none, there is nothing
    // to compare (most units).
    let sb = sources(&cx.b);
    if sb.is_empty() {
        return Vec::new();
    }
    let sa = sources(&cx.a);
    if let Some(found) = speakers_traded(cx, &sa, &sb) {
        return vec![found];
    }
    // The original's stems, borrowed, and its acronyms: looked up, never
    // iterated.
    let a_stems: StemSet<'_> = cx.a.toks.iter().map(|t| &*t.stem).collect();
    let a_acronyms = cx.a.acronyms();
    let in_a = |w: &str| a_stems.contains(w) || a_acronyms.contains(w);
    if sa.is_empty() {
        return sb
            .into_iter()
            .filter(|s| !s.stems.iter().any(|w| in_a(w) || in_a(&w.replace('.', ""))))
            .filter_map(|s| pronoun_replaced(cx, &s))
            .collect();
    }
    let b_stems: StemSet<'_> = cx.b.toks.iter().map(|t| &*t.stem).collect();
    // "installed by the county council …, according to the fire service" /
    // "According to the county council, …": a party the original names,
    // but not as a source, made the source, where the original's source is
    // gone from the rewrite.
    let a_source_stems: StemSet<'_> = sa
        .iter()
        .flat_map(|s| s.stems.iter().map(String::as_str))
        .collect();
    // Most of a source's words gone ("the Kestrel County fire service"
    // keeps only "county" in "the county council").
    let source_dropped = sa.iter().any(|s| {
        let kept = s.stems.iter().filter(|w| b_stems.contains(w.as_str())).count();
        !s.stems.is_empty() && 2 * kept <= s.stems.len()
    });
    // Every word of the rewrite's source named in the original, its head
    // (last word) far from any source there: another party.
    let elsewhere = |s: &Source| {
        let Some(head) = s.stems.last() else {
            return false;
        };
        let near_source = |k: usize| {
            sa.iter()
                .any(|x| k + SOURCE_NEIGHBOURHOOD >= x.start && k < x.end + SOURCE_NEIGHBOURHOOD)
        };
        s.stems.iter().all(|w| in_a(w))
            && !a_source_stems.contains(head.as_str())
            && cx
                .a
                .toks
                .iter()
                .enumerate()
                .any(|(k, t)| *t.stem == **head && !near_source(k))
    };
    let new_in_b = sb.into_iter().filter(|s| {
        let named = s.stems.iter().any(|w| in_a(w) || in_a(&w.replace('.', "")));
        !named || (source_dropped && elsewhere(s))
    });
    let a_classes: Vec<usize> = sa.iter().flat_map(|s| classes(&cx.a, s)).collect();
    let a_group = sa.iter().any(|s| group_of_people(&cx.a, s));
    let new_in_b = new_in_b.filter(|s| !same_kind_of_source(&cx.b, s, &a_classes, a_group));
    // The original source the rewrite dropped, else the first one.
    let first_a = sa
        .iter()
        .find(|s| !s.stems.iter().any(|w| b_stems.contains(w.as_str())))
        .unwrap_or(&sa[0]);
    new_in_b
        .map(|s| {
            let a_span = cx.a.cover(first_a.start, first_a.end);
            let found = finding(cx, a_span, &s);
            if one_party(cx, first_a, &s) {
                found.dropped_by("description-named")
            } else {
                found
            }
        })
        .collect()
}

/// A named speaker before a reporting verb and the content stems of what
/// follows, up to the next source: who said what.
struct Claim<'s> {
    speaker: &'s str,
    said: Vec<&'s str>,
    span: (usize, usize),
}

fn claims<'s>(side: &'s Side<'_>, sources: &[Source]) -> Vec<Claim<'s>> {
    let toks = &side.toks;
    sources
        .iter()
        .enumerate()
        .filter_map(|(n, s)| {
            // Only "X said …": the verb right after the source.
            if !toks
                .get(s.end)
                .is_some_and(|t| REPORTING_VERBS.contains(&t.fold.as_ref()))
            {
                return None;
            }
            let speaker = (s.start..s.end)
                .rev()
                .map(|k| &toks[k])
                .find(|t| t.is_word() && t.is_capitalised() && !side.index.lowercase.contains(&*t.fold))?;
            let until = sources.get(n + 1).map_or(toks.len(), |next| next.start);
            let said = toks[s.end + 1..until.max(s.end + 1)]
                .iter()
                .filter(|t| t.is_word() && !is_stop_word(&t.fold) && !super::lists::is_function_word(&t.fold))
                .map(|t| t.stem.as_ref())
                .collect();
            Some(Claim {
                speaker: speaker.stem.as_ref(),
                said,
                span: (s.start, s.end + 1),
            })
        })
        .collect()
}

/// Words two claims share, over the shorter claim, at least this for
/// them to be one claim.
const SAME_CLAIM: f32 = 0.5;

/// "Reyes said he would table an amendment. Okafor said she would welcome
/// it" → "Okafor said she would table an amendment, and Reyes said he would
/// welcome it": each claim kept, given to another speaker of the original.
fn speakers_traded(cx: &UnitCx<'_>, sa: &[Source], sb: &[Source]) -> Option<Finding> {
    let (ca, cb) = (claims(&cx.a, sa), claims(&cx.b, sb));
    if ca.len() < 2 || cb.len() < 2 {
        return None;
    }
    let overlap = |x: &Claim<'_>, y: &Claim<'_>| {
        let shared = x.said.iter().filter(|w| y.said.contains(w)).count();
        #[allow(clippy::cast_precision_loss)]
        let share = shared as f32 / x.said.len().min(y.said.len()).max(1) as f32;
        share
    };
    ca.iter().find_map(|x| {
        let y = cb
            .iter()
            .filter(|y| overlap(x, y) >= SAME_CLAIM)
            .max_by(|p, q| overlap(x, p).total_cmp(&overlap(x, q)))?;
        let other_speaker = ca.iter().any(|o| o.speaker == y.speaker);
        (x.speaker != y.speaker && other_speaker && !x.said.is_empty()).then(|| {
            let (a_span, b_span) = (cx.a.cover(x.span.0, x.span.1), cx.b.cover(y.span.0, y.span.1));
            Finding::new(
                Kind::Attribution,
                0.65,
                Some(a_span),
                Some(b_span),
                format!(
                    "speakers traded: ‘{}’ → ‘{}’",
                    clip(cx.a.text(a_span)),
                    clip(cx.b.text(b_span))
                ),
            )
        })
    })
}

/// Whether one source is a name and the other a description that either
/// document gives that name ("the company" / "Brightlane", "Taylor" / "the
/// minister").
/// Bytes either side of a name searched for the noun that describes it
/// ("the Stradling Port Authority … the authority"; not "the League
/// had 44 percent, according to figures from the … Authority").
const DESCRIPTION_WINDOW: usize = 60;

fn one_party(cx: &UnitCx<'_>, a: &Source, b: &Source) -> bool {
    let words = |side: &Side<'_>, s: &Source| -> (Vec<String>, Vec<String>) {
        let content: Vec<_> = (s.start..s.end)
            .map(|k| &side.toks[k])
            .filter(|t| t.is_word() && !is_stop_word(&t.fold))
            .collect();
        let names = content
            .iter()
            .filter(|t| t.is_capitalised() && !side.index.lowercase.contains(&*t.fold))
            .map(|t| t.text.to_owned())
            .collect();
        let nouns = content
            .iter()
            .filter(|t| !t.is_capitalised() || side.index.lowercase.contains(&*t.fold))
            .map(|t| t.fold.to_string())
            .collect();
        (names, nouns)
    };
    let (a_names, a_nouns) = words(&cx.a, a);
    let (b_names, b_nouns) = words(&cx.b, b);
    // The description's head noun (its last) must be what the name is
    // called: "the county council" is no description of "Kestrel County
    // fire service", though "county" is.
    let linked = |names: &[String], nouns: &[String]| {
        nouns.last().is_some_and(|d| {
            names.iter().any(|n| {
                super::names::described_within(cx.a.doc.text(), n, d, DESCRIPTION_WINDOW)
                    || super::names::described_within(cx.b.doc.text(), n, d, DESCRIPTION_WINDOW)
            })
        })
    };
    (a_names.is_empty() && linked(&b_names, &a_nouns)) || (b_names.is_empty() && linked(&a_names, &b_nouns))
}

fn finding(cx: &UnitCx<'_>, a_span: Span, s: &Source) -> Finding {
    let b_span = cx.b.cover(s.start, s.end);
    let reason = format!(
        "attribution changed: ‘{}’ → ‘{}’",
        clip(cx.a.text(a_span)),
        clip(cx.b.text(b_span))
    );
    Finding::new(Kind::Attribution, 0.65, Some(a_span), Some(b_span), reason)
}

/// "…,” he said" → "…,” Vorbach said": the original's pronoun points back
/// to someone named in the sentences just before; a rewrite that names a
/// person who is not among them gave the words to someone else.
fn pronoun_replaced(cx: &UnitCx<'_>, s: &Source) -> Option<Finding> {
    let (p, v) = pronoun_speaker(&cx.a)?;
    let named: Vec<&str> = (s.start..s.end)
        .map(|k| &cx.b.toks[k])
        .filter(|t| t.is_word() && t.is_capitalised() && !t.sentence_start)
        .map(|t| t.text)
        .collect();
    let context = cx.a.text(cx.a.before);
    let mentioned = |name: &str| {
        context
            .match_indices(name)
            .any(|(i, _)| !context[i + name.len()..].starts_with(char::is_alphanumeric))
    };
    // The last name word is who it is: "Councillor Derek Amos" is no one
    // the sentences before name when they name "Councillor Tomas Reyes".
    if named.last().is_none_or(|n| mentioned(n)) {
        return None;
    }
    Some(finding(cx, cx.a.cover(p.min(v), p.max(v) + 1), s))
}

/// A personal pronoun right before or after a reporting verb, outside
/// quotations: (pronoun, verb) token indices.
fn pronoun_speaker(side: &Side<'_>) -> Option<(usize, usize)> {
    let toks = &side.toks;
    (0..toks.len()).find_map(|v| {
        if toks[v].in_quote || !REPORTING_VERBS.contains(&toks[v].fold.as_ref()) {
            return None;
        }
        let pronoun = |k: usize| matches!(toks[k].fold.as_ref(), "he" | "she" | "they");
        [v.checked_sub(1), Some(v + 1)]
            .into_iter()
            .flatten()
            .find(|&k| k < toks.len() && pronoun(k))
            .map(|p| (p, v))
    })
}
