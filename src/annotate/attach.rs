//! Attaching stored annotations to a fresh comparison: each annotation finds
//! its discrepancy again (by position, else by quote), the rest are kept as
//! orphans; and the edits the review screen makes.

use super::anchor::{anchor_for, holds, meets, position_span, refind};
use super::model::{Anchor, Annotation, AnnotationFile, Side, Target, Verdict, new_id};
use crate::engine::{Comparison, Discrepancy, Document, Kind, Span};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// A slot as an exact match sees it: kind label and both spans.
type SlotKey = (String, Option<(usize, usize)>, Option<(usize, usize)>);

fn key_of(s: &Slot) -> SlotKey {
    (
        s.kind.label().to_owned(),
        s.original.map(|sp| (sp.start, sp.end)),
        s.rewrite.map(|sp| (sp.start, sp.end)),
    )
}

/// Why an annotation is not attached to any discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrphanReason {
    /// Its text (or its discrepancy) is no longer in the comparison.
    NotFound,
    /// Another, newer annotation took the same discrepancy (two instances
    /// annotated it independently). Kept so neither note is lost.
    Duplicate { discrepancy: usize },
}

/// An annotation that matched nothing, with why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Orphan {
    /// Index into [`AnnotationFile::annotations`].
    pub index: usize,
    pub reason: OrphanReason,
}

/// What one discrepancy looks like to the matcher.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    kind: Kind,
    original: Option<Span>,
    rewrite: Option<Span>,
}

impl Slot {
    const fn span(&self, side: Side) -> Option<Span> {
        match side {
            Side::Original => self.original,
            Side::Rewrite => self.rewrite,
        }
    }
}

/// An annotation file attached to a comparison. Holds copies of both texts
/// so edits and re-attachment need no other context.
#[derive(Debug, Clone)]
pub struct Attached {
    file: AnnotationFile,
    original: Document,
    rewrite: Document,
    slots: Vec<Slot>,
    /// Slots by (kind, original span, rewrite span), for exact matches.
    exact: HashMap<SlotKey, Vec<usize>>,
    /// Per side, (span start, slot) sorted, and the longest span: the slots
    /// that can meet a span are found without a scan of all of them.
    by_start: [Vec<(usize, usize)>; 2],
    max_len: [usize; 2],
    /// Every annotation id in the file, so a new id is checked in O(1).
    ids: HashSet<String>,
    /// Per discrepancy, the index of its annotation.
    links: Vec<Option<usize>>,
    /// Span notes found in the current text: (annotation index, where).
    located: Vec<(usize, Span)>,
    orphans: Vec<Orphan>,
}

/// Attaches `file` to `comparison` of `original` and `rewrite`.
#[must_use]
pub fn attach(
    file: AnnotationFile,
    comparison: &Comparison,
    original: &Document,
    rewrite: &Document,
) -> Attached {
    Attached::new(file, comparison, original, rewrite)
}

impl Attached {
    /// See [`attach`].
    #[must_use]
    pub fn new(
        file: AnnotationFile,
        comparison: &Comparison,
        original: &Document,
        rewrite: &Document,
    ) -> Self {
        let slots: Vec<Slot> = comparison.discrepancies.iter().map(slot).collect();
        let mut exact: HashMap<SlotKey, Vec<usize>> = HashMap::new();
        for (j, s) in slots.iter().enumerate() {
            exact.entry(key_of(s)).or_default().push(j);
        }
        let index_side = |side: Side| {
            let mut v: Vec<(usize, usize)> = slots
                .iter()
                .enumerate()
                .filter_map(|(j, s)| s.span(side).map(|sp| (sp.start, j)))
                .collect();
            v.sort_unstable();
            let longest = slots
                .iter()
                .filter_map(|s| s.span(side))
                .map(|sp| sp.len())
                .max()
                .unwrap_or(0);
            (v, longest)
        };
        let ((by_a, max_a), (by_b, max_b)) = (index_side(Side::Original), index_side(Side::Rewrite));
        let mut attached = Self {
            file,
            original: original.clone(),
            rewrite: rewrite.clone(),
            exact,
            by_start: [by_a, by_b],
            max_len: [max_a, max_b],
            ids: HashSet::new(),
            slots,
            links: Vec::new(),
            located: Vec::new(),
            orphans: Vec::new(),
        };
        attached.relink();
        attached
    }

    /// The annotations as they should be saved.
    #[must_use]
    pub const fn file(&self) -> &AnnotationFile {
        &self.file
    }

    /// Replaces the annotations (e.g. with what a save merged from disk) and
    /// attaches them again.
    pub fn replace_file(&mut self, file: AnnotationFile) {
        self.file = file;
        self.relink();
    }

    /// The annotation of discrepancy `i`, if any.
    #[must_use]
    pub fn annotation(&self, i: usize) -> Option<&Annotation> {
        let index = (*self.links.get(i)?)?;
        self.file.annotations.get(index)
    }

    /// The verdict on discrepancy `i` (`Unset` when not annotated).
    #[must_use]
    pub fn verdict(&self, i: usize) -> Verdict {
        self.annotation(i).map_or(Verdict::Unset, |a| a.verdict)
    }

    /// The note on discrepancy `i` (empty when not annotated).
    #[must_use]
    pub fn note(&self, i: usize) -> &str {
        self.annotation(i).map_or("", |a| a.note.as_str())
    }

    /// Annotations that matched nothing; shown to the reviewer, never dropped.
    pub fn orphans(&self) -> impl Iterator<Item = (&Annotation, OrphanReason)> {
        self.orphans
            .iter()
            .map(|o| (&self.file.annotations[o.index], o.reason))
    }

    /// Span notes found in the current text, with their side and span there.
    pub fn span_notes(&self) -> impl Iterator<Item = (&Annotation, Side, Span)> {
        self.located.iter().filter_map(|&(index, span)| {
            let ann = &self.file.annotations[index];
            match ann.target {
                Target::Span { side, .. } => Some((ann, side, span)),
                Target::Discrepancy { .. } => None,
            }
        })
    }

    /// Sets the verdict on discrepancy `i`. Returns whether anything changed.
    pub fn set_verdict(&mut self, i: usize, verdict: Verdict) -> bool {
        self.edit(i, verdict == Verdict::Unset, |a| {
            let changed = a.verdict != verdict;
            a.verdict = verdict;
            changed
        })
    }

    /// Sets the note on discrepancy `i`. Returns whether anything changed.
    pub fn set_note(&mut self, i: usize, note: &str) -> bool {
        self.edit(i, note.is_empty(), |a| {
            let changed = a.note != note;
            note.clone_into(&mut a.note);
            changed
        })
    }

    /// Adds a note on `span` of one side. Returns whether a note was added
    /// (not for an empty note or a span that is not valid text).
    pub fn add_span_note(&mut self, side: Side, span: Span, note: &str) -> bool {
        if note.is_empty() {
            return false;
        }
        let Some(anchor) = anchor_for(self.document(side), span) else {
            return false;
        };
        let mut ann = Annotation::new(new_id(), Target::Span { side, anchor });
        note.clone_into(&mut ann.note);
        self.ids.insert(ann.id.clone());
        self.file.annotations.push(ann);
        self.located.push((self.file.annotations.len() - 1, span));
        true
    }

    /// Changes the note of the annotation with `id` (a span note or an
    /// orphan). Returns whether anything changed.
    pub fn set_note_by_id(&mut self, id: &str, note: &str) -> bool {
        let Some(ann) = self.file.annotations.iter_mut().find(|a| a.id == id) else {
            return false;
        };
        if ann.note == note {
            return false;
        }
        note.clone_into(&mut ann.note);
        ann.touch();
        true
    }

    /// Applies `change` to discrepancy `i`'s annotation, creating it unless
    /// the change would only record the default (`trivial`).
    fn edit(&mut self, i: usize, trivial: bool, change: impl FnOnce(&mut Annotation) -> bool) -> bool {
        let Some(slot) = self.slots.get(i) else {
            return false;
        };
        let target = self.target_for(slot);
        let index = match self.links[i] {
            Some(index) => index,
            None if trivial => return false,
            None => self.create(i, target.clone()),
        };
        let ann = &mut self.file.annotations[index];
        if !change(ann) {
            return false;
        }
        // Re-anchor to the current text, so the next attach matches exactly.
        ann.target = target;
        ann.touch();
        true
    }

    fn create(&mut self, i: usize, target: Target) -> usize {
        let mut id = discrepancy_id(&target);
        if self.ids.contains(&id) {
            id = format!("{id}-{}", new_id());
        }
        self.ids.insert(id.clone());
        self.file.annotations.push(Annotation::new(id, target));
        let index = self.file.annotations.len() - 1;
        self.links[i] = Some(index);
        index
    }

    fn target_for(&self, slot: &Slot) -> Target {
        Target::Discrepancy {
            kind: slot.kind.label().to_owned(),
            original: slot.original.and_then(|s| anchor_for(&self.original, s)),
            rewrite: slot.rewrite.and_then(|s| anchor_for(&self.rewrite, s)),
        }
    }

    /// The text of one side, as attached.
    #[must_use]
    pub const fn document(&self, side: Side) -> &Document {
        match side {
            Side::Original => &self.original,
            Side::Rewrite => &self.rewrite,
        }
    }

    /// Recomputes links, located span notes and orphans from scratch.
    fn relink(&mut self) {
        self.ids = self.file.annotations.iter().map(|a| a.id.clone()).collect();
        self.links = vec![None; self.slots.len()];
        self.located.clear();
        self.orphans.clear();
        let mut pending = Vec::new();
        for index in self.newest_first() {
            if let Target::Span { side, anchor } = &self.file.annotations[index].target {
                self.locate_span_note(index, *side, anchor.clone());
            } else if !self.link_exact(index) {
                pending.push(index);
            }
        }
        // Exact matches first, across all annotations, so a moved quote
        // cannot steal a discrepancy another annotation still sits on.
        for index in pending {
            self.link_refound(index);
        }
        // Report in file order (creation order), not matching order.
        self.orphans.sort_by_key(|o| o.index);
        self.located.sort_by_key(|&(index, _)| index);
    }

    /// Annotation indices, newest `modified` first: when two annotations want
    /// the same discrepancy, the newer one wins it.
    fn newest_first(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.file.annotations.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.file.annotations[i].modified));
        order
    }

    fn locate_span_note(&mut self, index: usize, side: Side, anchor: Anchor) {
        match refind(self.document(side), &anchor) {
            Some(span) => self.located.push((index, span)),
            None => self.orphan(index, OrphanReason::NotFound),
        }
    }

    /// The slots with the target's kind and positions, in slot order.
    fn exact_candidates(&self, target: &Target) -> Option<&Vec<usize>> {
        let Target::Discrepancy { kind, .. } = target else {
            return None;
        };
        let pos = |side| {
            target.anchor(side).map(|a| {
                let s = position_span(a);
                (s.start, s.end)
            })
        };
        self.exact
            .get(&(kind.clone(), pos(Side::Original), pos(Side::Rewrite)))
    }

    /// Slots whose span on `side` may meet `at` (all slots without a
    /// span to go by), in slot order.
    fn meeting(&self, first: Option<(Side, Span)>) -> Vec<usize> {
        let Some((side, at)) = first else {
            return (0..self.slots.len()).collect();
        };
        let k = match side {
            Side::Original => 0,
            Side::Rewrite => 1,
        };
        let list = &self.by_start[k];
        let lo = list.partition_point(|&(s, _)| s < at.start.saturating_sub(self.max_len[k]));
        let hi = list.partition_point(|&(s, _)| s <= at.end);
        let mut out: Vec<usize> = list[lo..hi].iter().map(|&(_, j)| j).collect();
        out.sort_unstable();
        out
    }

    /// Same kind, same sides, same spans, and the text there unchanged.
    fn link_exact(&mut self, index: usize) -> bool {
        let target = &self.file.annotations[index].target;
        let found = self.exact_candidates(target).and_then(|js| {
            js.iter()
                .copied()
                .find(|&j| self.matches_exactly(target, &self.slots[j]))
        });
        match found {
            Some(j) if self.links[j].is_none() => self.links[j] = Some(index),
            Some(j) => self.orphan(index, OrphanReason::Duplicate { discrepancy: j }),
            None => return false,
        }
        true
    }

    fn matches_exactly(&self, target: &Target, slot: &Slot) -> bool {
        let Target::Discrepancy { kind, .. } = target else {
            return false;
        };
        kind == slot.kind.label()
            && [Side::Original, Side::Rewrite].iter().all(|&side| {
                match (target.anchor(side), slot.span(side)) {
                    (None, None) => true,
                    (Some(a), Some(span)) => position_span(a) == span && holds(self.document(side), a),
                    _ => false,
                }
            })
    }

    /// Re-finds the quotes and takes the free discrepancy of the same kind
    /// whose spans meet them, the one sharing most text.
    fn link_refound(&mut self, index: usize) {
        let target = &self.file.annotations[index].target;
        let Target::Discrepancy { kind, .. } = target else {
            return;
        };
        let found: Vec<(Side, Span)> = [Side::Original, Side::Rewrite]
            .into_iter()
            .filter_map(|side| Some((side, refind(self.document(side), target.anchor(side)?)?)))
            .collect();
        let fits = |slot: &Slot| {
            slot.kind.label() == kind
                && !found.is_empty()
                && found
                    .iter()
                    .all(|&(side, at)| slot.span(side).is_some_and(|s| meets(s, at)))
        };
        let shared = |slot: &Slot| -> usize {
            let common = |(side, at): &(Side, Span)| {
                slot.span(*side)
                    .map_or(0, |s| s.end.min(at.end).saturating_sub(s.start.max(at.start)))
            };
            found.iter().map(common).sum()
        };
        let candidates: Vec<usize> = self
            .meeting(found.first().copied())
            .into_iter()
            .filter(|&j| fits(&self.slots[j]))
            .collect();
        let free = candidates.iter().copied().filter(|&j| self.links[j].is_none());
        match free.max_by_key(|&j| (shared(&self.slots[j]), std::cmp::Reverse(j))) {
            Some(j) => self.links[j] = Some(index),
            None => {
                let reason =
                    candidates
                        .first()
                        .map_or(OrphanReason::NotFound, |&j| OrphanReason::Duplicate {
                            discrepancy: j,
                        });
                self.orphan(index, reason);
            }
        }
    }

    fn orphan(&mut self, index: usize, reason: OrphanReason) {
        self.orphans.push(Orphan { index, reason });
    }
}

fn slot(d: &Discrepancy) -> Slot {
    Slot {
        kind: d.kind,
        original: d.original,
        rewrite: d.rewrite,
    }
}

/// A discrepancy annotation's id is derived from its target, so two
/// instances that annotate the same discrepancy independently produce the
/// same id and the save merge resolves them (newer wins) instead of keeping
/// two competing annotations.
fn discrepancy_id(target: &Target) -> String {
    let text = serde_json::to_string(target).unwrap_or_default();
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("d-{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::annotate::testutil::{A, B, FLAGS, comparison};

    fn fresh_with(
        a: &str,
        b: &str,
        flags: &[(Kind, &str, &str)],
        file: AnnotationFile,
    ) -> (Attached, Comparison) {
        let (da, db) = (Document::from(a), Document::from(b));
        let c = comparison(&da, &db, flags);
        (attach(file, &c, &da, &db), c)
    }

    fn fresh(a: &str, b: &str, file: AnnotationFile) -> (Attached, Comparison) {
        fresh_with(a, b, &FLAGS, file)
    }

    fn empty() -> AnnotationFile {
        AnnotationFile::new(String::new(), String::new())
    }

    fn index_of(c: &Comparison, kind: Kind) -> usize {
        c.discrepancies
            .iter()
            .position(|d| d.kind == kind)
            .expect("kind flagged")
    }

    #[test]
    fn set_verdict_and_note_report_changes() {
        let (mut att, c) = fresh(A, B, empty());
        let i = index_of(&c, Kind::Number);
        assert!(
            !att.set_verdict(i, Verdict::Unset),
            "unset on nothing is no change"
        );
        assert!(att.file().annotations.is_empty());
        assert!(att.set_verdict(i, Verdict::Confirmed));
        assert!(!att.set_verdict(i, Verdict::Confirmed));
        assert!(att.set_note(i, "wire says 40"));
        assert!(!att.set_note(i, "wire says 40"));
        assert_eq!(att.file().annotations.len(), 1);
        assert_eq!(att.verdict(i), Verdict::Confirmed);
        assert_eq!(att.note(i), "wire says 40");
        assert!(!att.set_note(c.discrepancies.len(), "out of range"));
    }

    #[test]
    fn reattaches_to_same_text_exactly() {
        let (mut att, c) = fresh(A, B, empty());
        let i = index_of(&c, Kind::Number);
        att.set_note(i, "n");
        let (again, _) = fresh(A, B, att.file().clone());
        assert_eq!(again.note(i), "n");
        assert_eq!(again.orphans().count(), 0);
    }

    #[test]
    fn reattaches_after_text_moves() {
        let (mut att, c) = fresh(A, B, empty());
        att.set_note(index_of(&c, Kind::Number), "number");
        att.set_note(index_of(&c, Kind::Date), "date");
        let a2 = format!("A new lead sentence. {A}");
        let b2 = format!("A new lead sentence. {B}");
        let (moved, c2) = fresh(&a2, &b2, att.file().clone());
        assert_eq!(moved.note(index_of(&c2, Kind::Number)), "number");
        assert_eq!(moved.note(index_of(&c2, Kind::Date)), "date");
        assert_eq!(moved.orphans().count(), 0);
    }

    #[test]
    fn vanished_discrepancy_becomes_orphan() {
        let (mut att, c) = fresh(A, B, empty());
        att.set_note(index_of(&c, Kind::Number), "gone soon");
        let (same, _) = fresh_with(A, B, &FLAGS[1..], att.file().clone());
        let orphans: Vec<_> = same.orphans().collect();
        assert_eq!(orphans.len(), 1);
        assert_eq!(orphans[0].0.note, "gone soon");
        assert_eq!(orphans[0].1, OrphanReason::NotFound);
        assert_eq!(same.file().annotations.len(), 1, "orphans are kept");
    }

    #[test]
    fn unknown_kind_orphans_instead_of_failing() {
        let (mut att, c) = fresh(A, B, empty());
        att.set_note(index_of(&c, Kind::Number), "x");
        let mut file = att.file().clone();
        if let Target::Discrepancy { kind, .. } = &mut file.annotations[0].target {
            *kind = "sarcasm".into();
        }
        let (again, _) = fresh(A, B, file);
        assert_eq!(again.orphans().count(), 1);
    }

    #[test]
    fn duplicate_annotations_newest_wins_older_kept() {
        let (mut att, c) = fresh(A, B, empty());
        let i = index_of(&c, Kind::Number);
        att.set_note(i, "old");
        let mut file = att.file().clone();
        let mut newer = file.annotations[0].clone();
        newer.id = "other".into();
        newer.note = "new".into();
        newer.touch();
        file.annotations.push(newer);
        let (again, _) = fresh(A, B, file);
        assert_eq!(again.note(i), "new");
        let orphans: Vec<_> = again.orphans().collect();
        assert_eq!(orphans[0].0.note, "old");
        assert_eq!(orphans[0].1, OrphanReason::Duplicate { discrepancy: i });
    }

    #[test]
    fn same_discrepancy_gets_same_id_in_two_instances() {
        let (mut one, c) = fresh(A, B, empty());
        let (mut two, _) = fresh(A, B, empty());
        let i = index_of(&c, Kind::Number);
        one.set_note(i, "a");
        two.set_note(i, "b");
        assert_eq!(one.file().annotations[0].id, two.file().annotations[0].id);
    }

    #[test]
    fn span_notes_are_added_and_refound() {
        let (mut att, _) = fresh(A, B, empty());
        let at = B.find("mayor").unwrap();
        let span = Span::new(at, at + 5);
        assert!(!att.add_span_note(Side::Rewrite, span, ""));
        assert!(!att.add_span_note(Side::Rewrite, Span::new(0, 999), "bad span"));
        assert!(att.add_span_note(Side::Rewrite, span, "which mayor?"));
        let b2 = format!("Update: {B}");
        let (again, _) = fresh(A, &b2, att.file().clone());
        let notes: Vec<_> = again.span_notes().collect();
        assert_eq!(notes.len(), 1);
        assert_eq!(&b2[notes[0].2.range()], "mayor");
        assert_eq!(notes[0].1, Side::Rewrite);
        let id = notes[0].0.id.clone();
        let mut again = again;
        assert!(again.set_note_by_id(&id, "which mayor, exactly?"));
        assert!(!again.set_note_by_id("nope", "x"));
    }
}
