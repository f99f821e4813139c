//! Who said it: the source named before a reporting verb or after
//! "according to" is one the original sentence does not name.

use super::clip;
use super::context::{Side, UnitCx};
use crate::engine::discrepancy::{Finding, Kind};
use crate::engine::lexicon::is_stop_word;

const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "wrote",
    "writes",
    "posted",
    "announced",
    "announces",
    "claimed",
    "claims",
    "reported",
    "reports",
    "added",
    "noted",
    "confirmed",
    "tweeted",
    "declared",
    "insisted",
    "explained",
    "warned",
    "argued",
    "alleged",
    "testified",
    "admitted",
];

/// Nouns that name a source of information; a source phrase counts only if
/// it holds a name or one of these (so "according to early estimates" is
/// not a source).
const SOURCE_NOUNS: &[&str] = &[
    "police",
    "official",
    "officials",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "doctor",
    "doctors",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "minister",
    "office",
    "government",
    "army",
    "military",
    "agency",
    "source",
    "sources",
    "lawyer",
    "lawyers",
    "prosecutor",
    "prosecutors",
    "court",
    "judge",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "authorities",
    "company",
    "spokesmen",
    "aide",
    "aides",
    "survivors",
    "investigators",
    "staff",
    "employees",
    "neighbours",
    "neighbors",
    "relatives",
    "family",
    "hospital",
    "union",
    "council",
];

/// Stems of nouns that name a record or a count, not a speaker.
const RECORD_NOUNS: &[&str] = &[
    "estim", "talli", "talli", "tally", "count", "figur", "data", "result", "report", "document", "statist",
    "poll", "survey", "record", "studi", "analysi", "research", "forecast", "project", "calcul", "number",
    "list", "map", "tabl", "chart", "index", "rank", "census", "measur",
];

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
            t.fold.as_str(),
            "that" | "which" | "who" | "and" | "but" | "while" | "as"
        )
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
        } else if REPORTING_VERBS.contains(&t.fold.as_str()) {
            let start = (i.saturating_sub(5)..i)
                .rev()
                .take_while(|&k| clause_word(side, k))
                .last()
                .unwrap_or(i);
            Some((start, i))
        } else {
            None
        };
        let Some((start, end)) = range.filter(|(s, e)| s < e) else {
            continue;
        };
        let content: Vec<&super::context::Tok<'_>> = (start..end)
            .map(|k| &toks[k])
            .filter(|t| t.is_word() && !is_stop_word(&t.fold))
            .collect();
        // Whoever "said" something is a source; what something is "according
        // to" may instead be a count or a document, which rewording renames
        // freely ("preliminary tallies" → "early estimates").
        let names_someone = content.iter().any(|t| {
            SOURCE_NOUNS.contains(&t.fold.as_str())
                || (t.is_capitalised() && !side.index.lowercase.contains(&t.fold))
        });
        let names_a_record = content.iter().any(|t| RECORD_NOUNS.contains(&t.stem.as_str()));
        let is_source = !content.is_empty() && (names_someone || !according || !names_a_record);
        if is_source {
            out.push(Source {
                start,
                end,
                stems: content.iter().map(|t| t.stem.clone()).collect(),
            });
        }
    }
    out
}

pub fn detect(cx: &UnitCx<'_>) -> Vec<Finding> {
    let sa = sources(&cx.a);
    if sa.is_empty() {
        return Vec::new();
    }
    let b_stems: std::collections::HashSet<String> = cx.b.toks.iter().map(|t| t.stem.clone()).collect();
    // The original source the rewrite dropped, else the first one.
    let first_a = sa
        .iter()
        .find(|s| !s.stems.iter().any(|w| b_stems.contains(w)))
        .unwrap_or(&sa[0]);
    let mut a_stems: std::collections::HashSet<String> = cx.a.toks.iter().map(|t| t.stem.clone()).collect();
    a_stems.extend(cx.a.acronyms());
    sources(&cx.b)
        .into_iter()
        .filter(|s| {
            !s.stems
                .iter()
                .any(|w| a_stems.contains(w) || a_stems.contains(&w.replace('.', "")))
        })
        .map(|s| {
            let b_span = cx.b.cover(s.start, s.end);
            let a_span = cx.a.cover(first_a.start, first_a.end);
            let reason = format!(
                "attribution changed: ‘{}’ → ‘{}’",
                clip(cx.a.text(a_span)),
                clip(cx.b.text(b_span))
            );
            Finding::new(Kind::Attribution, 0.65, Some(a_span), Some(b_span), reason)
        })
        .collect()
}
