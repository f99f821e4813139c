//! A difference between the two texts that a reviewer should see.

use super::text::Span;
use serde::Serialize;

/// What kind of fact (or non-fact) changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A person or organisation named differently.
    Name,
    /// A number, amount, percentage or quantity changed.
    Number,
    /// A date, weekday, month or year changed.
    Date,
    /// A place or a location preposition changed.
    Place,
    /// Words inside quotation marks changed.
    Quote,
    /// A negation added or removed.
    Negation,
    /// A hedge added or removed (may → will).
    Modality,
    /// The source of a statement changed.
    Attribution,
    /// Who did what to whom changed.
    Roles,
    /// A word swapped for a sibling or opposite ("nephew" → "uncle").
    Meaning,
    /// A description cut off mid-phrase.
    Truncation,
    /// A sentence of the rewrite with no counterpart.
    Added,
    /// A sentence of the original with no counterpart.
    Removed,
    /// A sentence found out of order.
    Moved,
    /// Rewording that changes no fact.
    Wording,
}

impl Kind {
    /// Short lowercase label, as in the JSON report.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Number => "number",
            Self::Date => "date",
            Self::Place => "place",
            Self::Quote => "quote",
            Self::Negation => "negation",
            Self::Modality => "modality",
            Self::Attribution => "attribution",
            Self::Roles => "roles",
            Self::Meaning => "meaning",
            Self::Truncation => "truncation",
            Self::Added => "added",
            Self::Removed => "removed",
            Self::Moved => "moved",
            Self::Wording => "wording",
        }
    }

    /// All kinds, in the order summaries list them.
    pub const ALL: [Self; 15] = [
        Self::Name,
        Self::Number,
        Self::Date,
        Self::Place,
        Self::Quote,
        Self::Negation,
        Self::Modality,
        Self::Attribution,
        Self::Roles,
        Self::Meaning,
        Self::Truncation,
        Self::Added,
        Self::Removed,
        Self::Moved,
        Self::Wording,
    ];
}

/// One flagged or shown difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// Stable within one comparison: `d1`, `d2`, … in reading order.
    pub id: String,
    pub kind: Kind,
    /// Whether this changes what a reader would believe (confidence above
    /// the threshold), as opposed to harmless rewording.
    pub factual: bool,
    /// 0..=1: how sure the detector is that this is a factual edit.
    pub confidence: f32,
    pub original: Option<Span>,
    pub rewrite: Option<Span>,
    /// One line a reviewer can read.
    pub reason: String,
    /// Index of the alignment unit this belongs to.
    pub unit: usize,
}

/// Confidence at or above which a discrepancy is called factual.
pub const FACTUAL_THRESHOLD: f32 = 0.5;

/// Confidence at or above which a discrepancy that is not factual is still
/// worth a reviewer's look (the "check" tier).
pub const CHECK_THRESHOLD: f32 = 0.25;

/// How much a discrepancy asks of the reviewer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// A factual edit: walked with `f`, counted in progress.
    Factual,
    /// The meaning may have changed (a word swapped for one with no known
    /// relation, a weak signal): shown, not counted as factual.
    Check,
    /// Plain rewording.
    Wording,
}

impl Tier {
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Factual => "factual",
            Self::Check => "check",
            Self::Wording => "wording",
        }
    }
}

impl Discrepancy {
    /// The tier: factual as the `factual` bit says, else "check" for a
    /// non-wording finding of some confidence, else wording.
    #[must_use]
    pub fn tier(&self) -> Tier {
        if self.factual {
            Tier::Factual
        } else if self.kind != Kind::Wording && self.confidence >= CHECK_THRESHOLD {
            Tier::Check
        } else {
            Tier::Wording
        }
    }
}

/// A detector's finding before ids and the factual bit are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub confidence: f32,
    pub original: Option<Span>,
    pub rewrite: Option<Span>,
    pub reason: String,
    /// The detector that found it (its registry name).
    pub detector: &'static str,
    /// The guard that kept this candidate from being reported, if one did:
    /// such findings are listed by `report --explain`, never flagged.
    pub guard: Option<&'static str>,
}

impl Finding {
    #[must_use]
    pub fn new(
        kind: Kind,
        confidence: f32,
        original: Option<Span>,
        rewrite: Option<Span>,
        reason: String,
    ) -> Self {
        Self {
            kind,
            confidence,
            original,
            rewrite,
            reason,
            detector: "",
            guard: None,
        }
    }

    /// This candidate, dropped by the named guard of its detector.
    #[must_use]
    pub fn dropped_by(mut self, guard: &'static str) -> Self {
        self.guard = Some(guard);
        self
    }
}

/// A candidate edit a detector's guard dropped, for `report --explain`.
#[derive(Debug, Clone, PartialEq)]
pub struct Suppressed {
    /// Index of the aligned unit it was found in.
    pub unit: usize,
    pub detector: &'static str,
    pub guard: &'static str,
    pub kind: Kind,
    pub original: Option<Span>,
    pub rewrite: Option<Span>,
    pub reason: String,
}
