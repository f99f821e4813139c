//! A rewrite that condenses its original (a fifth of the sentences or more
//! left out) cuts background on purpose: a sentence it drops is a cut to
//! check unless it denies something or states facts of two kinds (a
//! figure, a name, a source).

use factdiff::engine::{Document, Kind, Tier, compare};

const ORIGINAL: &str = "A fruit grower from Lowmere was fined £4,000 on Tuesday for letting pesticide run into a stream that feeds the village pond.

Magistrates heard that Tobias Wren, 58, sprayed his apple trees on a windy afternoon last May against the advice printed on the drum.

The orchard, planted in 1921, has about 300 trees and supplies two cider makers in the valley.

Fish were found dead along a stretch of the stream the following morning.

As the verdict was read, Wren looked down at the floor of the courtroom for a long while.

He had never been warned by the inspectors before.

The chair of the parish council, Imogen Pell, said the pond would be restocked in the spring.

Wren told the court he had changed his spraying routine and now checks the forecast every morning.

He was also ordered to pay costs of £1,250.
";

const CONDENSED: &str = "On Tuesday a Lowmere fruit grower was handed a fine of £4,000 after pesticide ran off into a stream feeding the village pond.

The court was told that Tobias Wren, 58, treated his apple trees one windy afternoon last May, ignoring the advice on the drum.

Dead fish were discovered along part of the stream the next morning.

Wren said in court that he had altered how he sprays and now looks at the forecast each morning.

He must also pay £1,250 in costs.
";

/// Each removed sentence's first words and its tier.
fn removed(original: &str, rewrite: &str) -> Vec<(String, Tier)> {
    let (a, b) = (Document::from(original), Document::from(rewrite));
    let c = compare(&a, &b);
    c.discrepancies
        .iter()
        .filter(|d| d.kind == Kind::Removed)
        .map(|d| {
            let s = d.original.expect("a removed sentence has an original span");
            let words: Vec<&str> = a.slice(s).split_whitespace().take(3).collect();
            (words.join(" "), d.tier())
        })
        .collect()
}

#[test]
fn a_condensation_cuts_background_but_not_a_denial_or_a_sourced_statement() {
    let got = removed(ORIGINAL, CONDENSED);
    let tier = |start: &str| {
        got.iter()
            .find(|(w, _)| w == start)
            .map(|(_, t)| *t)
            .unwrap_or_else(|| panic!("no removed sentence starts {start:?}: {got:?}"))
    };
    // Figures only; a name only: background a condensation may cut.
    assert_eq!(tier("The orchard, planted"), Tier::Check);
    assert_eq!(tier("As the verdict"), Tier::Check);
    // A denial, and a named source's statement, stay factual.
    assert_eq!(tier("He had never"), Tier::Factual);
    assert_eq!(tier("The chair of"), Tier::Factual);
}

#[test]
fn one_dropped_sentence_is_no_condensation() {
    // Only the background sentence left out: the rewrite keeps nine tenths
    // of the original, so the sentence it dropped is a factual flag.
    let kept: String = ORIGINAL
        .split("\n\n")
        .filter(|p| !p.starts_with("The orchard"))
        .collect::<Vec<_>>()
        .join("\n\n");
    let got = removed(
        &format!("{kept}\n\nThe orchard, planted in 1921, has about 300 trees.\n"),
        &kept,
    );
    assert_eq!(got, vec![("The orchard, planted".to_owned(), Tier::Factual)]);
}
