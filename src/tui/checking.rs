//! The comparison arriving in stages: the screen opens on the aligned
//! texts, changed words are highlighted once the word diffs are made, and
//! the detectors' flags (with the review's verdicts and notes attached)
//! come last. Until then the status bar says "checking…" and the actions
//! that need the flags say they wait.

use super::action::Action;
use super::app::App;
use super::pair::Pair;
use super::review::Review;
use crate::engine::Comparison;

/// One stage of a comparison that a background thread finished.
pub enum Stage {
    /// The units' word diffs, no flags yet: the same units as on screen.
    Diffed(Box<Comparison>),
    /// The detectors finished: the whole pair and its review, or why the
    /// annotations could not be loaded.
    Checked(Box<anyhow::Result<(Pair, Review)>>),
}

impl App {
    /// The same screen opened before the detectors finished: it says
    /// "checking…" until [`Stage::Checked`] arrives.
    #[must_use]
    pub fn checking(mut self) -> Self {
        self.checking = true;
        self
    }

    /// Takes the next stage of the comparison on screen. The units are the
    /// same at every stage, so the scroll position, search and selection
    /// stay as they were.
    ///
    /// # Errors
    /// The annotations could not be loaded (the screen cannot save the
    /// reviewer's work, so it closes, as it would have before opening).
    pub fn accept(&mut self, stage: Stage) -> anyhow::Result<()> {
        match stage {
            Stage::Diffed(cmp) => self.pair.set_comparison(*cmp),
            Stage::Checked(done) => {
                let (pair, review) = (*done)?;
                self.pair = pair;
                self.other_pair = None;
                self.review = review;
                self.checking = false;
                self.rows = super::rows::RowCache::default();
                self.relayout();
                let found = &self.pair.cmp.summary;
                self.message = self
                    .warnings()
                    .first()
                    .map(|w| (*w).to_owned())
                    .or_else(|| self.review.notice.clone())
                    .or_else(|| {
                        Some(format!(
                            "checked: {} discrepancies, {} factual (n / f: next)",
                            found.discrepancies, found.factual
                        ))
                    });
                for event in std::mem::take(&mut self.waiting) {
                    super::event_loop::act_on(self, event);
                }
            }
        }
        Ok(())
    }

    /// Whether `action` needs the detectors' flags: walking the flags
    /// (unless a search is being walked), verdicts, notes, export and the
    /// rewrite's order.
    pub(super) fn needs_flags(&self, action: &Action) -> bool {
        match action {
            Action::Next | Action::Previous => !self.search.active(),
            Action::NextDiscrepancy
            | Action::PreviousDiscrepancy
            | Action::NextFactual
            | Action::PreviousFactual => true,
            other => Self::flag_action(other),
        }
    }

    fn flag_action(action: &Action) -> bool {
        matches!(
            action,
            Action::SetVerdict(_)
                | Action::EditNote
                | Action::AnnotateSelection
                | Action::DismissRewording
                | Action::Export
                | Action::ToggleOrder
        )
    }

    /// Whether `action` must wait for the flags, saying so if it must.
    pub(super) fn waits_for_flags(&mut self, action: &Action) -> bool {
        let waits = self.checking && Self::flag_action(action);
        if waits {
            self.message =
                Some("checking…: flags, verdicts, notes, export and o wait for the detectors".into());
        }
        waits
    }
}
