//! The annotation data model: verdicts, W3C-style anchors, annotations and
//! the on-disk file, with its version history and upgrade.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::atomic::{AtomicU64, Ordering};
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// The file format version this build writes.
///
/// History:
/// - 1: first format; annotations had only `modified` (no `created`).
/// - 2: adds `created` to every annotation (upgraded from `modified`).
pub const CURRENT_VERSION: u32 = 2;

/// A reviewer's decision about one discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Not yet decided.
    #[default]
    Unset,
    /// The edit is a real factual change.
    Confirmed,
    /// The flag is wrong or harmless.
    Dismissed,
}

impl Verdict {
    /// Lowercase label, as serialised.
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Unset => "unset",
            Self::Confirmed => "confirmed",
            Self::Dismissed => "dismissed",
        }
    }
}

/// Which document of the pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Original,
    Rewrite,
}

/// W3C `TextPositionSelector`: byte offsets into the file as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PositionSelector {
    pub start: usize,
    pub end: usize,
}

/// W3C `TextQuoteSelector`: the exact text plus a little context either side,
/// so the anchor can be re-found after the text moves.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuoteSelector {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// Where on one side an annotation points: both selectors, as the W3C model
/// recommends, so either can rescue the other.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Anchor {
    pub position: PositionSelector,
    pub quote: QuoteSelector,
}

/// What an annotation is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Target {
    /// A discrepancy, identified by its kind and the anchors of its spans.
    /// The kind is kept as its label (not the engine enum) so a file that
    /// names a kind this build does not know still loads; it just orphans.
    Discrepancy {
        kind: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        original: Option<Anchor>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rewrite: Option<Anchor>,
    },
    /// A free span of text the reviewer selected on one side.
    Span { side: Side, anchor: Anchor },
}

impl Target {
    /// The anchor on `side`, if the target has one there.
    #[must_use]
    pub fn anchor(&self, side: Side) -> Option<&Anchor> {
        match (self, side) {
            (Self::Discrepancy { original, .. }, Side::Original) => original.as_ref(),
            (Self::Discrepancy { rewrite, .. }, Side::Rewrite) => rewrite.as_ref(),
            (Self::Span { side: s, anchor }, _) if *s == side => Some(anchor),
            (Self::Span { .. }, _) => None,
        }
    }
}

/// One reviewer annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Unique and stable for the annotation's life; the merge key.
    pub id: String,
    pub target: Target,
    #[serde(default)]
    pub verdict: Verdict,
    #[serde(default)]
    pub note: String,
    pub created: Timestamp,
    pub modified: Timestamp,
}

impl Annotation {
    /// A fresh, empty annotation on `target`.
    #[must_use]
    pub fn new(id: String, target: Target) -> Self {
        let now = Timestamp::now();
        Self {
            id,
            target,
            verdict: Verdict::Unset,
            note: String::new(),
            created: now,
            modified: now,
        }
    }

    /// Marks the annotation as edited now, strictly later than its previous
    /// stamp, so a merge always prefers this edit over what it replaced even
    /// on a coarse clock.
    pub fn touch(&mut self) {
        self.modified = Timestamp::now().max(self.modified.successor());
    }
}

/// Everything stored for one pair of documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnnotationFile {
    pub version: u32,
    /// SHA-256 (hex) of the original as read when last saved.
    pub original_sha256: String,
    /// SHA-256 (hex) of the rewrite as read when last saved.
    pub rewrite_sha256: String,
    /// Where the original was read from (absolute), so the review can be
    /// found again after an edit changed the hashes. Absent for stdin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_path: Option<String>,
    /// Where the rewrite was read from (absolute), as `original_path`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rewrite_path: Option<String>,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
}

impl AnnotationFile {
    /// An empty file for the pair with these hashes.
    #[must_use]
    pub fn new(original_sha256: String, rewrite_sha256: String) -> Self {
        Self {
            version: CURRENT_VERSION,
            original_sha256,
            rewrite_sha256,
            original_path: None,
            rewrite_path: None,
            annotations: Vec::new(),
        }
    }

    /// Parses a file of any known version, upgrading it to the current one.
    ///
    /// # Errors
    /// Not JSON, not this shape, or a version newer than this build knows.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        let mut value: serde_json::Value = serde_json::from_str(text).map_err(ParseError::Malformed)?;
        let version = value
            .get("version")
            .and_then(serde_json::Value::as_u64)
            .ok_or(ParseError::NoVersion)?;
        if version > u64::from(CURRENT_VERSION) {
            return Err(ParseError::TooNew(version));
        }
        if version < 2 {
            upgrade_v1(&mut value);
        }
        serde_json::from_value(value).map_err(ParseError::Malformed)
    }

    /// Pretty JSON, ending with a newline.
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// v1 → v2: `created` did not exist; the best known creation time is the
/// last modification.
fn upgrade_v1(value: &mut serde_json::Value) {
    if let Some(list) = value.get_mut("annotations").and_then(|a| a.as_array_mut()) {
        for ann in list.iter_mut().filter_map(|a| a.as_object_mut()) {
            if !ann.contains_key("created")
                && let Some(modified) = ann.get("modified").cloned()
            {
                ann.insert("created".into(), modified);
            }
        }
    }
    value["version"] = CURRENT_VERSION.into();
}

/// Why an annotation file's text could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    #[error("not a valid annotation file: {0}")]
    Malformed(serde_json::Error),
    #[error("not a valid annotation file: no \"version\"")]
    NoVersion,
    #[error("annotation file version {0} is newer than this factdiff understands (max {CURRENT_VERSION})")]
    TooNew(u64),
}

/// A UTC instant, serialised as RFC 3339 with nanoseconds
/// (`2024-05-01T12:00:00.000000000Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    #[must_use]
    pub fn now() -> Self {
        Self(OffsetDateTime::now_utc())
    }

    /// From nanoseconds since the Unix epoch (tests and fixtures).
    #[must_use]
    pub fn from_unix_nanos(nanos: i128) -> Self {
        Self(OffsetDateTime::from_unix_timestamp_nanos(nanos).unwrap_or(OffsetDateTime::UNIX_EPOCH))
    }

    #[must_use]
    pub const fn unix_nanos(self) -> i128 {
        self.0.unix_timestamp_nanos()
    }

    /// One nanosecond later.
    #[must_use]
    pub fn successor(self) -> Self {
        Self::from_unix_nanos(self.unix_nanos() + 1)
    }

    /// RFC 3339 in UTC with all nine fraction digits (fixed width, so the
    /// text sorts like the instant).
    #[must_use]
    pub fn to_rfc3339(self) -> String {
        let t = self.0.to_offset(UtcOffset::UTC);
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:09}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second(),
            t.nanosecond()
        )
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
    #[must_use]
    pub fn parse_rfc3339(text: &str) -> Option<Self> {
        let (date, rest) = text.split_once(['T', 't', ' '])?;
        let (clock, offset) = split_offset(rest)?;
        let date = parse_date(date)?;
        let time = parse_clock(clock)?;
        Some(Self(
            date.with_time(time)
                .assume_offset(offset)
                .to_offset(UtcOffset::UTC),
        ))
    }
}

fn parse_date(text: &str) -> Option<Date> {
    let mut parts = text.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

fn parse_clock(text: &str) -> Option<Time> {
    let (hms, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut parts = hms.splitn(3, ':');
    let hour: u8 = parts.next()?.parse().ok()?;
    let minute: u8 = parts.next()?.parse().ok()?;
    let second: u8 = parts.next()?.parse().ok()?;
    if fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let nanos: u32 = format!("{fraction:0<9}").parse().ok()?;
    Time::from_hms_nano(hour, minute, second, nanos).ok()
}

fn split_offset(text: &str) -> Option<(&str, UtcOffset)> {
    if let Some(clock) = text.strip_suffix(['Z', 'z']) {
        return Some((clock, UtcOffset::UTC));
    }
    let at = text.rfind(['+', '-'])?;
    let (clock, offset) = text.split_at(at);
    let sign: i8 = if offset.starts_with('-') { -1 } else { 1 };
    let (h, m) = offset[1..].split_once(':')?;
    let (h, m): (i8, i8) = (h.parse().ok()?, m.parse().ok()?);
    Some((clock, UtcOffset::from_hms(sign * h, sign * m, 0).ok()?))
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse_rfc3339(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an RFC 3339 time: {text:?}")))
    }
}

/// A new unique id for a span note: time, process and a counter, so two
/// instances (or two notes in one nanosecond) never collide.
#[must_use]
pub fn new_id() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "a{:x}-{:x}-{n:x}",
        Timestamp::now().unix_nanos(),
        std::process::id()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_serialises_lowercase() {
        assert_eq!(
            serde_json::to_string(&Verdict::Confirmed).unwrap(),
            "\"confirmed\""
        );
        let v: Verdict = serde_json::from_str("\"dismissed\"").unwrap();
        assert_eq!(v, Verdict::Dismissed);
    }

    #[test]
    fn timestamp_round_trips_and_sorts_as_text() {
        let a = Timestamp::from_unix_nanos(1_700_000_000_123_456_789);
        let text = a.to_rfc3339();
        assert_eq!(text, "2023-11-14T22:13:20.123456789Z");
        assert_eq!(Timestamp::parse_rfc3339(&text), Some(a));
        let b = a.successor();
        assert!(b > a && b.to_rfc3339() > text);
    }

    #[test]
    fn timestamp_accepts_offsets_and_short_fractions() {
        let t = Timestamp::parse_rfc3339("2023-11-14T23:13:20.5+01:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2023-11-14T22:13:20.500000000Z");
        assert!(Timestamp::parse_rfc3339("yesterday").is_none());
    }

    #[test]
    fn touch_is_strictly_later() {
        let mut a = Annotation::new(new_id(), span_target());
        let far = Timestamp::from_unix_nanos(i128::from(i64::MAX / 4));
        a.modified = far;
        a.touch();
        assert!(a.modified > far);
    }

    #[test]
    fn ids_are_unique() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn file_round_trips() {
        let mut file = AnnotationFile::new("aa".into(), "bb".into());
        file.annotations.push(Annotation::new("x".into(), span_target()));
        let back = AnnotationFile::from_json(&file.to_json()).unwrap();
        assert_eq!(back, file);
    }

    /// A version-1 file, written by hand: no `created`, no quote context.
    #[test]
    fn version_1_is_read_and_upgraded() {
        let v1 = r#"{
          "version": 1,
          "original_sha256": "aa",
          "rewrite_sha256": "bb",
          "annotations": [{
            "id": "old",
            "target": {"type": "discrepancy", "kind": "number",
                       "original": {"position": {"start": 12, "end": 14},
                                    "quote": {"exact": "40"}}},
            "verdict": "confirmed",
            "note": "checked with the wire copy",
            "modified": "2023-01-02T03:04:05Z"
          }]
        }"#;
        let file = AnnotationFile::from_json(v1).unwrap();
        assert_eq!(file.version, CURRENT_VERSION);
        let ann = &file.annotations[0];
        assert_eq!(ann.created, ann.modified);
        assert_eq!(ann.verdict, Verdict::Confirmed);
        let anchor = ann.target.anchor(Side::Original).unwrap();
        assert_eq!(anchor.quote.prefix, "");
        assert!(ann.target.anchor(Side::Rewrite).is_none());
    }

    #[test]
    fn newer_version_is_refused() {
        let text = r#"{"version": 99, "original_sha256": "", "rewrite_sha256": ""}"#;
        assert!(matches!(
            AnnotationFile::from_json(text),
            Err(ParseError::TooNew(99))
        ));
    }

    #[test]
    fn missing_version_is_malformed() {
        let text = r#"{"original_sha256": "", "rewrite_sha256": ""}"#;
        assert!(matches!(
            AnnotationFile::from_json(text),
            Err(ParseError::NoVersion)
        ));
    }

    fn span_target() -> Target {
        Target::Span {
            side: Side::Rewrite,
            anchor: Anchor {
                position: PositionSelector { start: 0, end: 1 },
                quote: QuoteSelector {
                    exact: "A".into(),
                    prefix: String::new(),
                    suffix: " b".into(),
                },
            },
        }
    }
}
