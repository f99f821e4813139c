//! The JSON report: `alignment`, `discrepancies` and `summary`, every span a
//! byte range into the input as read.
//!
//! The report is written straight from the comparison through `Serialize`
//! impls on borrowed views (no `serde_json::Value` tree of a book's
//! 100k objects). Objects list their keys sorted, as a `Value` map does, so
//! [`value`] (the same impls into a `Value`) and [`render`] agree byte for
//! byte with the report as it always was.

use super::places::{Place, Places};
use super::view::View;
use crate::engine::comparison::Unit;
use crate::engine::{Discrepancy, Document, Span};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;
use std::io::{self, Write};

pub fn render(r: &View<'_>) -> String {
    let mut out = Vec::with_capacity(1 << 16);
    // Writing into memory fails only on a serialisation error, which the
    // tree did not have either: the old path gave an empty text then too.
    if write(r, &mut out).is_err() {
        out.clear();
        out.push(b'\n');
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the report to `out` as it is made: the same bytes as [`render`]
/// without holding the whole text (72 MB for the whole Bible) in memory.
///
/// The two long arrays (`alignment`, `discrepancies`) are written in waves
/// of chunks rendered in parallel (each element pretty-printed alone and
/// indented to its depth, then escaped as
/// [`crate::sanitize::json_invisible_escaped`] escapes: it escapes
/// character by character, so chunk by chunk is the same), so the report
/// of a book is not one core's serial work; the rest goes through the
/// serializer as before. The bytes are those of one pretty serialization
/// of [`Report`], escaped (tested).
///
/// # Errors
/// Writing to `out` failed.
pub fn write(r: &View<'_>, out: &mut dyn Write) -> io::Result<()> {
    let places = Places::of(r);
    let report = Report { r, places: &places };
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    write_report(&report, JSON_CHUNK, &mut out)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `text` with what [`crate::sanitize::json_invisible_escaped`] escapes
/// escaped. Every such character is at or above U+007F: text below that
/// (nearly all of a report) is passed on unchecked.
fn escaped(text: Vec<u8>) -> io::Result<Vec<u8>> {
    if text.iter().all(|&b| b < 0x7f) {
        return Ok(text);
    }
    let text = String::from_utf8(text).map_err(io::Error::other)?;
    Ok(crate::sanitize::json_invisible_escaped(text).into_bytes())
}

/// [`Report`] pretty-printed, as `serde_json`'s pretty serializer writes
/// it: `{`, each key on its own line indented by two spaces, `"key": `,
/// the value, `,` between entries, `}` on its own line.
/// `chunk` elements of an array are rendered per parallel task.
fn write_report(report: &Report<'_, '_>, chunk: usize, out: &mut dyn Write) -> io::Result<()> {
    let (r, places) = (report.r, report.places);
    // The view itself is not shared with the threads (it may hold
    // closures): only the documents and places are.
    let docs = r.docs;
    out.write_all(b"{\n  \"alignment\": ")?;
    write_array(&r.comparison.units, out, chunk, |u, buf| {
        UnitJson { u, places }.serialize(&mut element_serializer(buf))
    })?;
    out.write_all(b",\n  \"discrepancies\": ")?;
    write_array(&r.comparison.discrepancies, out, chunk, |d, buf| {
        DiscrepancyJson { d, docs, places }.serialize(&mut element_serializer(buf))
    })?;
    out.write_all(b",\n")?;
    // The other entries through the serializer, as an object of their own
    // at the same depth: its text after the opening `{` line is the rest.
    let mut tail = Vec::new();
    serde_json::to_writer_pretty(&mut tail, &Tail(report))?;
    let rest = tail
        .strip_prefix(b"{\n")
        .ok_or_else(|| io::Error::other("report tail"))?;
    out.write_all(&escaped(rest.to_vec())?)
}

/// Elements rendered per parallel task.
const JSON_CHUNK: usize = 64;

/// A JSON array at depth one of the report (its elements at depth two),
/// pretty-printed: `[]` when empty, else each element on a new line
/// indented by four spaces, `,` between them, and `]` indented by two.
/// Elements are rendered in chunks on every core, a wave at a time, and
/// written in order.
/// `json` pretty-prints one element at depth two (through
/// [`element_serializer`]).
fn write_array<T, F>(items: &[T], out: &mut dyn Write, chunk: usize, json: F) -> io::Result<()>
where
    T: Sync,
    F: Fn(&T, &mut Vec<u8>) -> serde_json::Result<()> + Sync,
{
    use rayon::prelude::*;
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let wave = chunk * 4 * rayon::current_num_threads().max(1);
    for (w, part) in items.chunks(wave).enumerate() {
        let rendered: Vec<io::Result<Vec<u8>>> = part
            .par_chunks(chunk)
            .enumerate()
            .map(|(c, items)| {
                let mut buf = Vec::new();
                for (k, item) in items.iter().enumerate() {
                    let first = w == 0 && c == 0 && k == 0;
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    json(item, &mut buf)?;
                }
                escaped(buf)
            })
            .collect();
        for buf in rendered {
            out.write_all(&buf?)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// A serializer writing pretty JSON as `serde_json`'s pretty printer
/// does, for an element of a report array: two levels in (its lines
/// indented as the whole report's are), so it is written in place rather
/// than rendered alone and indented line by line after.
fn element_serializer(buf: &mut Vec<u8>) -> serde_json::Serializer<&mut Vec<u8>, Nested> {
    serde_json::Serializer::with_formatter(
        buf,
        Nested {
            depth: 2,
            has_value: false,
        },
    )
}

/// Pretty layout (two spaces a level, `": "` after a key) starting
/// `depth` levels in.
struct Nested {
    depth: usize,
    /// Whether the array or object being closed had an element.
    has_value: bool,
}

impl Nested {
    fn newline<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> io::Result<()> {
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(mark)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The report's entries after the two arrays.
struct Tail<'v, 'a>(&'v Report<'v, 'a>);

impl Serialize for Tail<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0.r;
        let summary = serde_json::to_value(&r.comparison.summary).map_err(serde::ser::Error::custom)?;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("factdiff", env!("CARGO_PKG_VERSION"))?;
        m.serialize_entry("original_file", r.names[0])?;
        m.serialize_entry("rewrite_file", r.names[1])?;
        m.serialize_entry("summary", &summary)?;
        m.end()
    }
}

/// The report as pretty JSON text, invisible characters escaped.
pub fn to_string(value: &Value) -> String {
    let mut out =
        crate::sanitize::json_invisible_escaped(serde_json::to_string_pretty(value).unwrap_or_default());
    out.push('\n');
    out
}

/// The report as a JSON value.
pub fn value(r: &View<'_>) -> Value {
    let places = Places::of(r);
    serde_json::to_value(Report { r, places: &places }).unwrap_or(Value::Null)
}

/// The whole report.
struct Report<'v, 'a> {
    r: &'v View<'a>,
    places: &'v [Places<'a>; 2],
}

/// The alignment, one object per unit.
struct Alignment<'v, 'a>(&'v Report<'v, 'a>);

/// The discrepancies, one object per discrepancy.
struct Discrepancies<'v, 'a>(&'v Report<'v, 'a>);

struct UnitJson<'v, 'a> {
    u: &'v Unit,
    places: &'v [Places<'a>; 2],
}

struct DiscrepancyJson<'v, 'a> {
    d: &'v Discrepancy,
    docs: [&'a Document; 2],
    places: &'v [Places<'a>; 2],
}

/// Where a span is for a reader (1-based), `null` without a span.
struct PlaceJson(Option<Place>);

impl Serialize for Report<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.r;
        // The summary is one small object; through a `Value` its keys come
        // out sorted and its float as the tree always printed it.
        let summary = serde_json::to_value(&r.comparison.summary).map_err(serde::ser::Error::custom)?;
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("alignment", &Alignment(self))?;
        m.serialize_entry("discrepancies", &Discrepancies(self))?;
        m.serialize_entry("factdiff", env!("CARGO_PKG_VERSION"))?;
        m.serialize_entry("original_file", r.names[0])?;
        m.serialize_entry("rewrite_file", r.names[1])?;
        m.serialize_entry("summary", &summary)?;
        m.end()
    }
}

impl Serialize for Alignment<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let units = &self.0.r.comparison.units;
        let mut seq = s.serialize_seq(Some(units.len()))?;
        for u in units {
            seq.serialize_element(&UnitJson {
                u,
                places: self.0.places,
            })?;
        }
        seq.end()
    }
}

impl Serialize for Discrepancies<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let all = &self.0.r.comparison.discrepancies;
        let mut seq = s.serialize_seq(Some(all.len()))?;
        for d in all {
            seq.serialize_element(&DiscrepancyJson {
                d,
                docs: self.0.r.docs,
                places: self.0.places,
            })?;
        }
        seq.end()
    }
}

impl Serialize for UnitJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (u, places) = (self.u, self.places);
        let pair = |r: &Option<std::ops::Range<usize>>| r.as_ref().map(|s| [s.start, s.end]);
        let mut m = s.serialize_map(Some(9))?;
        m.serialize_entry("changes", &u.hunks.len())?;
        m.serialize_entry("kind", &u.kind)?;
        m.serialize_entry("original", &u.original)?;
        m.serialize_entry(
            "original_place",
            &PlaceJson(u.original.map(|x| places[0].place(x))),
        )?;
        m.serialize_entry("original_sentences", &pair(&u.original_sentences))?;
        m.serialize_entry("rewrite", &u.rewrite)?;
        m.serialize_entry("rewrite_place", &PlaceJson(u.rewrite.map(|x| places[1].place(x))))?;
        m.serialize_entry("rewrite_sentences", &pair(&u.rewrite_sentences))?;
        m.serialize_entry("score", &round(u.score))?;
        m.end()
    }
}

impl Serialize for DiscrepancyJson<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (d, places) = (self.d, self.places);
        let mut m = s.serialize_map(Some(13))?;
        m.serialize_entry("confidence", &round(d.confidence))?;
        m.serialize_entry("factual", &d.factual)?;
        m.serialize_entry("id", &d.id)?;
        m.serialize_entry("kind", &d.kind)?;
        m.serialize_entry("original", &d.original)?;
        // Added fields: where each span is for a reader (1-based).
        m.serialize_entry(
            "original_place",
            &PlaceJson(d.original.map(|x| places[0].place(x))),
        )?;
        m.serialize_entry("original_text", &quote(self.docs[0], d.original))?;
        m.serialize_entry("reason", &d.reason)?;
        m.serialize_entry("rewrite", &d.rewrite)?;
        m.serialize_entry("rewrite_place", &PlaceJson(d.rewrite.map(|x| places[1].place(x))))?;
        m.serialize_entry("rewrite_text", &quote(self.docs[1], d.rewrite))?;
        // Added field: "factual", "check" (meaning may have changed) or
        // "wording".
        m.serialize_entry("tier", &d.tier())?;
        m.serialize_entry("unit", &d.unit)?;
        m.end()
    }
}

impl Serialize for PlaceJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Some(p) = self.0 else {
            return s.serialize_none();
        };
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("column", &p.column)?;
        m.serialize_entry("end_column", &p.end_column)?;
        m.serialize_entry("end_line", &p.end_line)?;
        m.serialize_entry("line", &p.line)?;
        m.serialize_entry("paragraph", &p.paragraph)?;
        m.end()
    }
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The candidates detectors' guards dropped (`report --explain`), each
/// with its detector, guard and spans as in `discrepancies`.
pub fn suppressed(r: &View<'_>) -> Value {
    r.comparison
        .suppressed
        .iter()
        .map(|d| {
            serde_json::json!({
                "detector": d.detector,
                "guard": d.guard,
                "kind": d.kind,
                "original": d.original,
                "rewrite": d.rewrite,
                "original_text": quote(r.docs[0], d.original),
                "rewrite_text": quote(r.docs[1], d.rewrite),
                "reason": d.reason,
                "unit": d.unit,
            })
        })
        .collect()
}

/// The report with the `suppressed` list added (`report --explain`).
pub fn render_explained(r: &View<'_>) -> String {
    let mut value = value(r);
    if let Value::Object(map) = &mut value {
        map.insert("suppressed".to_owned(), suppressed(r));
    }
    to_string(&value)
}

fn quote(doc: &Document, span: Option<Span>) -> Option<&str> {
    span.map(|s| doc.slice(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The report written in parallel chunks, escaped chunk by chunk, is
    /// the report one pretty serialization of it gives, escaped whole.
    fn assert_chunked_is_whole(a: &Document, b: &Document, chunks: &[usize], what: &str) {
        let c = crate::engine::compare(a, b);
        let view = View {
            names: ["a \u{202e}\"x\"", "b"],
            docs: [a, b],
            comparison: &c,
            verdicts: None,
            shown: [None, None],
            files: None,
        };
        let places = Places::of(&view);
        let report = Report {
            r: &view,
            places: &places,
        };
        let mut whole = Vec::new();
        report
            .serialize(&mut serde_json::Serializer::pretty(&mut whole))
            .unwrap();
        let whole = crate::sanitize::json_invisible_escaped(String::from_utf8(whole).unwrap());
        for &chunk in chunks {
            let mut chunked = Vec::new();
            write_report(&report, chunk, &mut chunked).unwrap();
            assert!(
                String::from_utf8(chunked).unwrap() == whole,
                "{what} chunk {chunk}"
            );
        }
    }

    /// On every article pair, with chunks of one, a few and many elements
    /// (several waves, a last short chunk); on empty arrays; on text with
    /// characters to escape in the arrays.
    #[test]
    fn chunked_report_is_the_serialized_report() {
        let mut pairs = 0;
        for (path, a, b) in crate::test_pairs::article_pairs() {
            assert_chunked_is_whole(&a, &b, &[1, 3, 1000], &path.display().to_string());
            pairs += 1;
        }
        assert!(pairs > 20, "{pairs} pairs");
        let same = Document::from("Same.");
        assert_chunked_is_whole(&same, &same, &[2], "identical");
        let a = Document::from("Ann Lee said \u{202e}no\u{85} on Monday. The cat sat.");
        let b = Document::from("Bob Ray said \u{2028}yes on Friday. The dog sat.");
        assert_chunked_is_whole(&a, &b, &[1, 2], "escapes");
    }
}
