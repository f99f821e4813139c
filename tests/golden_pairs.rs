//! Golden article pairs written for factdiff (tests/pairs/*): each holds an
//! original, a reworded copy with planted factual edits, and labels in the
//! shared scorer's format. The engine must find the "must" edits and flag
//! little else, scored the way the shared scorer scores (a flag counts when
//! its span overlaps a labelled quote and is at most about twice as long).

use factdiff::engine::{Document, Span, compare};
use serde_json::Value;
use std::path::Path;

struct Label {
    id: String,
    original: Option<Span>,
    rewrite: Option<Span>,
}

fn locate(text: &str, quote: &Value) -> Option<Span> {
    let q = quote.as_str()?;
    let start = text
        .find(q)
        .unwrap_or_else(|| panic!("label quote not found: {q:?}"));
    Some(Span::new(start, start + q.len()))
}

fn labels(items: &Value, a: &str, b: &str) -> Vec<Label> {
    items
        .as_array()
        .map(|v| {
            v.iter()
                .map(|it| Label {
                    id: it["id"].as_str().unwrap_or_default().to_owned(),
                    original: locate(a, &it["original"]),
                    rewrite: locate(b, &it["rewrite"]),
                })
                .collect()
        })
        .unwrap_or_default()
}

fn tight(flag: Option<Span>, label: Option<Span>) -> bool {
    match (flag, label) {
        (Some(f), Some(l)) => f.overlaps(l) && f.len() <= 2 * l.len() + 60,
        _ => false,
    }
}

fn hits(original: Option<Span>, rewrite: Option<Span>, label: &Label) -> bool {
    tight(rewrite, label.rewrite)
        || (label.rewrite.is_none() && tight(original, label.original))
        || (label.rewrite.is_some() && rewrite.is_none() && tight(original, label.original))
}

/// (recall, precision, missed label ids) for one pair folder.
fn score(dir: &Path) -> (f64, f64, Vec<String>) {
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("pair file");
    let (a, b) = (read("original.txt"), read("rewrite.txt"));
    let json: Value = serde_json::from_str(&read("labels.json")).expect("labels parse");
    let must = labels(&json["must"], &a, &b);
    let may = labels(&json["may"], &a, &b);
    let result = compare(&Document::from(a.as_str()), &Document::from(b.as_str()));
    let flags: Vec<_> = result.discrepancies.iter().filter(|d| d.factual).collect();
    let found = |l: &Label| flags.iter().any(|f| hits(f.original, f.rewrite, l));
    let missed: Vec<String> = must.iter().filter(|l| !found(l)).map(|l| l.id.clone()).collect();
    let true_flags = flags
        .iter()
        .filter(|f| must.iter().chain(&may).any(|l| hits(f.original, f.rewrite, l)))
        .count();
    let recall = 1.0 - missed.len() as f64 / must.len().max(1) as f64;
    let precision = if flags.is_empty() {
        0.0
    } else {
        true_flags as f64 / flags.len() as f64
    };
    (recall, precision, missed)
}

fn check(name: &str) {
    check_floor(name, 0.99, 0.85);
}

/// Pairs written blind to the detectors (spin-*) are held to the floor the
/// engine reached on them. The first four were added after they were
/// scored; the six later ones were scored blind (recall 0.64-1.00) and the
/// detectors were then improved on what they showed, so their floors are
/// no longer blind figures. The same holds for the blind-* pairs: first
/// scored blind (protest 0.70/0.88, science 0.80/1.00, budget 1.00/0.92,
/// quake 0.91/0.91, strike 0.67/0.40, wildfire 1.00/0.71 recall/precision),
/// then worked on. The final-* pairs, written last, scored blind: aviation
/// 0.89/0.90, breach 0.89/0.89, museum 0.90/0.90, drought 0.89/0.69,
/// planning 0.78/1.00, rescue 0.90/0.79; then worked on too. The last-*
/// pairs scored blind on the session's final engine: election-abroad
/// 1.00/0.90, factory 0.89/1.00, transfer 0.90/0.90.
fn check_floor(name: &str, min_recall: f64, min_precision: f64) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pairs")
        .join(name);
    let (recall, precision, missed) = score(&dir);
    println!("{name}: recall {recall:.2} precision {precision:.2} missed {missed:?}");
    assert!(
        recall >= min_recall,
        "{name}: recall {recall:.2}, missed {missed:?}"
    );
    assert!(precision >= min_precision, "{name}: precision {precision:.2}");
}

#[test]
fn flood_pair() {
    check("flood");
}

#[test]
fn court_pair() {
    check("court");
}

#[test]
fn reef_pair_heavy_rewording() {
    check("reef");
}

#[test]
fn spin_election_pair() {
    check_floor("spin-election", 0.99, 0.99);
}

#[test]
fn spin_storm_pair() {
    check_floor("spin-storm", 0.99, 0.89);
}

#[test]
fn spin_company_pair() {
    check_floor("spin-company", 0.99, 0.99);
}

#[test]
fn spin_health_pair() {
    check_floor("spin-health", 0.99, 0.99);
}

#[test]
fn spin_sport_pair() {
    check_floor("spin-sport", 0.9, 0.9);
}

#[test]
fn spin_space_pair() {
    check_floor("spin-space", 0.99, 0.99);
}

#[test]
fn spin_crime_pair() {
    check_floor("spin-crime", 0.99, 0.99);
}

#[test]
fn spin_talks_pair() {
    check_floor("spin-talks", 0.9, 0.99);
}

#[test]
fn spin_rail_pair_with_crlf() {
    check_floor("spin-rail", 0.89, 0.99);
}

#[test]
fn spin_obituary_pair() {
    check_floor("spin-obituary", 0.9, 0.99);
}

#[test]
fn blind_protest_pair() {
    check_floor("blind-protest", 0.89, 0.99);
}

#[test]
fn blind_budget_pair() {
    check_floor("blind-budget", 0.99, 0.99);
}

#[test]
fn blind_science_pair_hedges() {
    check_floor("blind-science", 0.99, 0.99);
}

#[test]
fn blind_wildfire_pair() {
    check_floor("blind-wildfire", 0.99, 0.99);
}

#[test]
fn blind_strike_pair_mostly_faithful() {
    check_floor("blind-strike", 0.66, 0.99);
}

#[test]
fn blind_quake_pair() {
    check_floor("blind-quake", 0.99, 0.99);
}

#[test]
fn final_aviation_pair() {
    check_floor("final-aviation", 0.99, 0.99);
}

#[test]
fn final_breach_pair() {
    check_floor("final-breach", 0.99, 0.99);
}

#[test]
fn final_museum_pair() {
    check_floor("final-museum", 0.99, 0.99);
}

#[test]
fn final_drought_pair() {
    check_floor("final-drought", 0.99, 0.9);
}

#[test]
fn final_planning_pair() {
    check_floor("final-planning", 0.99, 0.99);
}

#[test]
fn final_rescue_pair_with_crlf() {
    check_floor("final-rescue", 0.99, 0.99);
}

#[test]
fn last_election_abroad_pair() {
    check_floor("last-election-abroad", 0.99, 0.89);
}

#[test]
fn last_factory_pair() {
    check_floor("last-factory", 0.99, 0.99);
}

#[test]
fn last_transfer_pair() {
    check_floor("last-transfer", 0.99, 0.99);
}

// The five pairs below were written blind by a helper who never saw src/,
// and scored on the engine with WordNet relations before anything was
// changed for them: library 0.86/0.64, vaccine trial 0.86/0.58, biography
// 0.88/0.73, hard-wrapped 0.83/0.62 (recall/precision), pure spin 8 false
// flags. Their floors are the figures reached after general fixes
// (seasons, clause splits at ';', figures with thousands separators,
// cents, clause-aware swaps).

#[test]
fn blind_library_pair() {
    check_floor("blind-library", 0.99, 0.99);
}

#[test]
fn blind_vaccine_trial_pair_with_merged_sentences() {
    check_floor("blind-vaccine-trial", 0.99, 0.79);
}

#[test]
fn blind_biography_pair() {
    check_floor("blind-biography", 0.87, 0.88);
}

#[test]
fn blind_hardwrapped_pair() {
    check_floor("blind-hardwrapped", 0.99, 0.99);
}

/// Every sentence reworded, no fact changed: nothing may be flagged.
fn check_no_flag(name: &str) {
    check_at_most(name, 0);
}

/// A pure-spin pair (no factual edit) raises at most `most` factual flags.
fn check_at_most(name: &str, most: usize) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pairs")
        .join(name);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("pair file");
    let (a, b) = (read("original.txt"), read("rewrite.txt"));
    let result = compare(&Document::from(a.as_str()), &Document::from(b.as_str()));
    let flags: Vec<&str> = result
        .discrepancies
        .iter()
        .filter(|d| d.factual)
        .map(|d| d.reason.as_str())
        .collect();
    assert!(
        flags.len() <= most,
        "{} false flags on pure-spin pair {name} (at most {most}): {flags:#?}",
        flags.len()
    );
}

#[test]
fn blind_pure_spin_pair_has_no_factual_flag() {
    check_no_flag("blind-pure-spin");
}

// The blind3-* pairs were written this session by a helper who never saw
// src/ (a condensed copy, a reordered business story, a 1,450-word
// biography, a match report, and two pure-spin pairs full of equal values
// in other forms and equal hedges), and scored before any change for them:
// condensed 0.86/0.92, long-biography 0.88/0.44, reordered-business
// 0.57/0.24, sport-match 1.00/0.43 (recall/precision); pure-spin-hedges 5
// false flags, pure-spin-values 7. The floors below are the figures after
// general fixes.

#[test]
fn blind3_condensed_pair() {
    check_floor("blind3-condensed", 0.85, 0.95);
}

#[test]
fn blind3_long_biography_pair() {
    check_floor("blind3-long-biography", 0.99, 0.99);
}

#[test]
fn blind3_reordered_business_pair() {
    check_floor("blind3-reordered-business", 0.71, 0.8);
}

#[test]
fn blind3_sport_match_pair() {
    check_floor("blind3-sport-match", 0.99, 0.99);
}

#[test]
fn blind3_pure_spin_values_pair_has_no_factual_flag() {
    check_no_flag("blind3-pure-spin-values");
}

#[test]
fn blind3_pure_spin_hedges_pair_has_no_factual_flag() {
    check_no_flag("blind3-pure-spin-hedges");
}

// The blind4-* pairs were written the next session by a helper who never
// saw src/ (a court report, a science study, a story whose rewrite merges
// and splits most sentences, a 900-word pure-spin feature, an obituary full
// of dates, a flood report) and scored before any change for them:
// court-verdict 0.86/1.00, science-study 1.00/0.86, merged-sentences
// 1.00/0.32, obituary-dates 0.57/0.56, weather-disaster 0.83/0.45
// (recall/precision); pure-spin-long 9 false flags. The floors below are
// the figures after general fixes.

#[test]
fn blind4_court_verdict_pair() {
    check_floor("blind4-court-verdict", 0.85, 0.99);
}

#[test]
fn blind4_science_study_pair() {
    check_floor("blind4-science-study", 0.99, 0.99);
}

#[test]
fn blind4_merged_sentences_pair() {
    check_floor("blind4-merged-sentences", 0.99, 0.85);
}

#[test]
fn blind4_obituary_dates_pair() {
    check_floor("blind4-obituary-dates", 0.85, 0.99);
}

#[test]
fn blind4_weather_disaster_pair() {
    check_floor("blind4-weather-disaster", 0.99, 0.85);
}

#[test]
fn blind4_pure_spin_long_pair_has_no_factual_flag() {
    check_no_flag("blind4-pure-spin-long");
}

// The blind5-* pairs were written late in the same session by another
// helper who never saw src/ (an election count, a football transfer, a
// product recall, a reordered profile, an events story full of dates,
// times and prices, a health-policy story full of hedges) and scored
// before any change for them: election-count 1.00/0.47, transfer-deal
// 0.67/0.31, product-recall 1.00/0.33, reordered-profile 1.00/0.38,
// health-policy 0.67/0.62 (recall/precision); pure-spin-dates 22 false
// flags. The floors below are the figures after general fixes; these pairs
// are far from the targets.

#[test]
fn blind5_election_count_pair() {
    check_floor("blind5-election-count", 0.99, 0.87);
}

#[test]
fn blind5_transfer_deal_pair() {
    check_floor("blind5-transfer-deal", 0.83, 0.99);
}

#[test]
fn blind5_product_recall_pair() {
    check_floor("blind5-product-recall", 0.99, 0.74);
}

#[test]
fn blind5_reordered_profile_pair() {
    check_floor("blind5-reordered-profile", 0.99, 0.54);
}

#[test]
fn blind5_health_policy_pair() {
    check_floor("blind5-health-policy", 0.83, 0.99);
}

#[test]
fn blind5_pure_spin_dates_pair_has_no_factual_flag() {
    check_no_flag("blind5-pure-spin-dates");
}

// The blind6-* pairs were written at the start of the next session by a
// helper who never saw src/ (a council budget full of equal values in other
// forms, a football season, tech layoffs with merged and split sentences,
// a pure-spin interview, a reordered investigation, a 1,400-word local
// history) and scored before any change for them: local-council 1.00/0.67,
// sports-season 0.86/0.55, tech-layoffs 1.00/0.64,
// reordered-investigation 0.67/0.27, long-history 0.75/0.26
// (recall/precision); pure-spin-interview 5 false flags. The floors below
// are the figures after general fixes.

#[test]
fn blind6_local_council_pair() {
    check_floor("blind6-local-council", 0.99, 0.87);
}

#[test]
fn blind6_sports_season_pair() {
    check_floor("blind6-sports-season", 0.85, 0.74);
}

#[test]
fn blind6_tech_layoffs_pair() {
    check_floor("blind6-tech-layoffs", 0.99, 0.99);
}

#[test]
fn blind6_reordered_investigation_pair() {
    check_floor("blind6-reordered-investigation", 0.66, 0.43);
}

#[test]
fn blind6_long_history_pair() {
    check_floor("blind6-long-history", 0.74, 0.57);
}

#[test]
fn blind6_pure_spin_interview_pair_has_no_flag() {
    check_no_flag("blind6-pure-spin-interview");
}

// The blind7-* pairs were written at the start of the third detection
// session by a helper who never saw src/ (a court ruling, a science study
// full of hedges, an earnings report full of equal values in other forms,
// a storm story with merged and split sentences, a reordered obituary, a
// pure-spin council story) and scored before any change for them:
// court-ruling 0.86/1.00, science-study 0.83/0.86, earnings-report
// 0.50/0.30, storm-damage 0.83/0.71, obituary-reordered 0.50/0.38
// (recall/precision); pure-spin-council 4 false flags. The floors below are
// the figures after general fixes.

#[test]
fn blind7_court_ruling_pair() {
    check_floor("blind7-court-ruling", 0.85, 0.99);
}

#[test]
fn blind7_science_study_pair() {
    check_floor("blind7-science-study", 0.82, 0.99);
}

#[test]
fn blind7_earnings_report_pair() {
    check_floor("blind7-earnings-report", 0.82, 0.99);
}

#[test]
fn blind7_storm_damage_pair() {
    check_floor("blind7-storm-damage", 0.99, 0.99);
}

#[test]
fn blind7_obituary_reordered_pair() {
    check_floor("blind7-obituary-reordered", 0.83, 0.99);
}

#[test]
fn blind7_pure_spin_council_pair_has_no_factual_flag() {
    check_no_flag("blind7-pure-spin-council");
}

// The blind8-* pairs were written at the start of the fourth detection
// session by a helper who never saw src/ (a condensed flood report, a
// 1,400-word biography, a market report full of equal values in other
// forms, a match report, a policy story full of converse restatements, a
// pure-spin ferry story) and scored before any change for them:
// condensed-report 0.78/0.64, biography-long 0.75/0.38, market-report
// 0.83/0.42, match-report 0.67/0.36, policy-converse 0.50/0.67
// (recall/precision); pure-spin-report 3 false flags. The floors below are
// the figures after general fixes.

#[test]
fn blind8_condensed_report_pair() {
    check_floor("blind8-condensed-report", 0.99, 0.99);
}

#[test]
fn blind8_biography_long_pair() {
    check_floor("blind8-biography-long", 0.87, 0.63);
}

#[test]
fn blind8_market_report_pair() {
    check_floor("blind8-market-report", 0.82, 0.61);
}

#[test]
fn blind8_match_report_pair() {
    check_floor("blind8-match-report", 0.83, 0.74);
}

#[test]
fn blind8_policy_converse_pair() {
    check_floor("blind8-policy-converse", 0.66, 0.82);
}

#[test]
fn blind8_pure_spin_report_pair_has_no_factual_flag() {
    check_no_flag("blind8-pure-spin-report");
}

// The blind9-* pairs were written at the start of the fifth detection
// session by a helper who never saw src/ (a committee story whose quotes
// move between speakers, a reordered feature, a pure-spin airport report
// full of equal values in other forms, a study full of hedges, a
// 1,400-word condensed infrastructure report, a match report) and scored
// before any change for them: quote-speakers 0.43/0.75, reordered-feature
// 0.80/1.00, science-hedges 0.50/0.67, long-report 0.88/0.73,
// sport-comeback 0.57/0.57 (recall/precision); pure-spin-numbers 7 false
// flags. The floors below are the figures after general fixes.

#[test]
fn blind9_quote_speakers_pair() {
    check_floor("blind9-quote-speakers", 0.70, 0.99);
}

#[test]
fn blind9_reordered_feature_pair() {
    check_floor("blind9-reordered-feature", 0.79, 0.99);
}

#[test]
fn blind9_science_hedges_pair() {
    check_floor("blind9-science-hedges", 0.66, 0.99);
}

#[test]
fn blind9_long_report_pair() {
    check_floor("blind9-long-report", 0.87, 0.88);
}

#[test]
fn blind9_sport_comeback_pair() {
    check_floor("blind9-sport-comeback", 0.56, 0.66);
}

#[test]
fn blind9_pure_spin_numbers_pair_has_no_factual_flag() {
    check_no_flag("blind9-pure-spin-numbers");
}

// The blind10-* pairs were written at the start of the sixth detection
// session by a helper who never saw src/ (a housing report full of equal
// values in other forms, an aviation incident with official quotes, a
// concert review, a condensed biography, a school-results story whose
// paragraphs were reordered and merged, a pure-spin court report) and
// scored before any change for them: housing-market 1.00/0.67,
// flight-incident 1.00/0.75, concert-review 0.67/0.80,
// condensed-biography 0.86/0.67, school-results 0.67/0.45
// (recall/precision); pure-spin-court 3 false flags. The floors below are
// the figures after general fixes.

#[test]
fn blind10_housing_market_pair() {
    check_floor("blind10-housing-market", 0.99, 0.72);
}

#[test]
fn blind10_flight_incident_pair() {
    check_floor("blind10-flight-incident", 0.99, 0.99);
}

#[test]
fn blind10_concert_review_pair() {
    check_floor("blind10-concert-review", 0.82, 0.99);
}

#[test]
fn blind10_condensed_biography_pair() {
    check_floor("blind10-condensed-biography", 0.99, 0.81);
}

#[test]
fn blind10_school_results_pair() {
    check_floor("blind10-school-results", 0.99, 0.85);
}

#[test]
fn blind10_pure_spin_court_pair_has_no_factual_flag() {
    check_no_flag("blind10-pure-spin-court");
}

// The blind11-* pairs were written at the start of the seventh detection
// session by a helper who never saw src/ (council meeting minutes, a chat
// recap of who brings what, a science story with hedges, a match report,
// a pure-spin obituary, a long investigation with reordered paragraphs)
// and scored before any change for them: meeting-minutes 0.83/1.00,
// chat-recap 0.40/0.75, science-news 0.83/0.86, sports-report 1.00/0.62,
// long-investigation 0.80/0.50 (recall/precision); pure-spin-obituary 1
// false flag. The floors below are the figures after general fixes.

#[test]
fn blind11_meeting_minutes_pair() {
    check_floor("blind11-meeting-minutes", 0.99, 0.99);
}

#[test]
fn blind11_chat_recap_pair() {
    check_floor("blind11-chat-recap", 0.99, 0.99);
}

#[test]
fn blind11_science_news_pair() {
    check_floor("blind11-science-news", 0.99, 0.85);
}

#[test]
fn blind11_sports_report_pair() {
    check_floor("blind11-sports-report", 0.99, 0.82);
}

#[test]
fn blind11_long_investigation_pair() {
    check_floor("blind11-long-investigation", 0.99, 0.99);
}

#[test]
fn blind11_pure_spin_obituary_pair_has_no_factual_flag() {
    check_no_flag("blind11-pure-spin-obituary");
}

// The blind12-* pairs were written in the same session, after the round-11
// fixes, by a helper who never saw src/ (an earnings-call summary, a
// podcast summary, a sales email, a paper abstract, a pure-spin travel
// feature, a court story condensed to 60 %), and scored before any change
// for them: earnings-call 0.83/0.56, podcast-summary 0.57/0.57,
// sales-email 0.71/0.62, paper-abstract 0.60/0.50, condensed-court
// 0.71/0.47 (recall/precision); pure-spin-travel 4 false flags. The
// floors below are the figures after general fixes; the misses and false
// flags left are listed in docs/design.md.

#[test]
fn blind12_earnings_call_pair() {
    check_floor("blind12-earnings-call", 0.99, 0.66);
}

#[test]
fn blind12_podcast_summary_pair() {
    check_floor("blind12-podcast-summary", 0.70, 0.99);
}

#[test]
fn blind12_sales_email_pair() {
    check_floor("blind12-sales-email", 0.70, 0.99);
}

#[test]
fn blind12_paper_abstract_pair() {
    check_floor("blind12-paper-abstract", 0.59, 0.74);
}

#[test]
fn blind12_condensed_court_pair() {
    check_floor("blind12-condensed-court", 0.70, 0.87);
}

#[test]
fn blind12_pure_spin_travel_pair_has_at_most_one_flag() {
    check_at_most("blind12-pure-spin-travel", 1);
}

// The blind13-* pairs were written in a later session, by helpers who never
// saw src/ (a storm report, a product recall, a pure-spin business
// profile, a reordered biography, a chat summary, a council budget story),
// and scored with that session's first binary before any change for them:
// storm-response 0.75/0.50, product-recall 0.71/0.71, biography-reordered
// 0.50/0.50, chat-summary 1.00/0.83, council-budget 0.86/0.78
// (recall/precision); pure-spin-profile 5 false flags. The floors below
// are the figures after general fixes.

#[test]
fn blind13_storm_response_pair() {
    check_floor("blind13-storm-response", 0.87, 0.77);
}

#[test]
fn blind13_product_recall_pair() {
    check_floor("blind13-product-recall", 0.85, 0.74);
}

#[test]
fn blind13_biography_reordered_pair() {
    check_floor("blind13-biography-reordered", 0.49, 0.49);
}

#[test]
fn blind13_chat_summary_pair() {
    check_floor("blind13-chat-summary", 0.99, 0.82);
}

#[test]
fn blind13_council_budget_pair() {
    check_floor("blind13-council-budget", 0.99, 0.99);
}

#[test]
fn blind13_pure_spin_profile_pair_has_at_most_one_flag() {
    check_at_most("blind13-pure-spin-profile", 1);
}

// The blind14-* pairs were written in the same session, after the
// round-13 fixes, by helpers who never saw src/ (an election night story,
// a merger story with merged sentences, a pure-spin crime story, an
// obituary, a health study story, a 1,400-word transfer feature with
// paragraphs reordered), and scored before any change for them:
// election-night 0.75/0.75, merger-news 0.50/0.80, obituary-scientist
// 0.71/0.45, health-study-news 0.71/0.86, transfer-saga 0.75/0.64;
// pure-spin-crime 2 false flags.

#[test]
fn blind14_election_night_pair() {
    check_floor("blind14-election-night", 0.87, 0.87);
}

#[test]
fn blind14_merger_news_pair() {
    check_floor("blind14-merger-news", 0.61, 0.82);
}

#[test]
fn blind14_obituary_scientist_pair() {
    check_floor("blind14-obituary-scientist", 0.85, 0.85);
}

#[test]
fn blind14_health_study_news_pair() {
    check_floor("blind14-health-study-news", 0.70, 0.85);
}

#[test]
fn blind14_transfer_saga_pair() {
    check_floor("blind14-transfer-saga", 0.74, 0.87);
}

#[test]
fn blind14_pure_spin_crime_pair_has_no_flag() {
    check_no_flag("blind14-pure-spin-crime");
}

// The blind15-* pairs were written at the end of the same session, after
// the round-14 fixes, by helpers who never saw src/ (a wildfire wire
// story, a pure-spin school inspection story, a fraud trial verdict, a
// chef's profile condensed to 60 %), and scored before any change for
// them: wildfire-wire 0.62/0.83, trial-verdict 0.88/0.78,
// profile-condensed 0.67/0.31; pure-spin-school 2 false flags. They are
// the measure of how this session's rules carry to text they were not
// written for; the floors are today's figures.

#[test]
fn blind15_wildfire_wire_pair() {
    check_floor("blind15-wildfire-wire", 0.74, 0.85);
}

#[test]
fn blind15_trial_verdict_pair() {
    check_floor("blind15-trial-verdict", 0.87, 0.87);
}

#[test]
fn blind15_profile_condensed_pair() {
    check_floor("blind15-profile-condensed", 0.82, 0.41);
}

#[test]
fn blind15_pure_spin_school_pair_has_at_most_two_flags() {
    check_at_most("blind15-pure-spin-school", 2);
}
