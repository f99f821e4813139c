//! Everything the review screen can be asked to do. Keys, mouse and resize
//! events become actions (see `keymap`); `App::update` carries them out.

pub use crate::annotate::Verdict;

/// Which way a selection edge moves, by one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Extend the end rightwards.
    EndRight,
    /// Pull the end back leftwards.
    EndLeft,
    /// Extend the start leftwards.
    StartLeft,
    /// Pull the start forward rightwards.
    StartRight,
}

/// Which discrepancies the sidebar lists (and sidebar j/k visit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    Factual,
    Unreviewed,
}

impl Filter {
    #[must_use]
    pub const fn next(self) -> Self {
        match self {
            Self::All => Self::Factual,
            Self::Factual => Self::Unreviewed,
            Self::Unreviewed => Self::All,
        }
    }

    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Factual => "factual",
            Self::Unreviewed => "unreviewed",
        }
    }
}

/// What input focus the screen is in; decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading the two panes.
    Normal,
    /// The sidebar has focus: up/down move through discrepancies.
    Sidebar,
    /// Typing a search query.
    Search,
    /// The key table is shown.
    Help,
    /// Editing a note.
    Editor,
    /// Choosing a span of text for a free note.
    Select,
}

/// One user intention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Scroll both panes down this many rows.
    ScrollDown(usize),
    /// Scroll both panes up this many rows.
    ScrollUp(usize),
    PageDown,
    PageUp,
    /// Half a page down (`Ctrl-D`).
    HalfPageDown,
    /// Half a page up (`Ctrl-U`).
    HalfPageUp,
    /// A digit of a count typed before a motion (`5j`, `3n`).
    Count(u8),
    Top,
    Bottom,
    /// Next search match while a search is active, else next discrepancy.
    Next,
    /// Previous search match while a search is active, else previous discrepancy.
    Previous,
    /// Next discrepancy, ignoring any search (sidebar down).
    NextDiscrepancy,
    /// Previous discrepancy, ignoring any search (sidebar up).
    PreviousDiscrepancy,
    NextFactual,
    PreviousFactual,
    /// Open the search prompt.
    StartSearch,
    /// A character typed into the prompt or the note editor.
    Type(char),
    /// Delete the character before the cursor (prompt or editor).
    Backspace,
    /// Run the typed search.
    SubmitSearch,
    /// Leave the current prompt, overlay or selection; clear an active search.
    Escape,
    ToggleHelp,
    ToggleSidebar,
    /// Show / hide the detail pane of the selected discrepancy.
    ToggleDetail,
    /// Lay both panes out in the rewrite's order, or back in the original's.
    ToggleOrder,
    /// Cycle what the sidebar lists: all, factual flags, unreviewed.
    CycleFilter,
    /// Dismiss every plain rewording that has no verdict yet.
    DismissRewording,
    /// Move focus between the panes and the sidebar.
    FocusSidebar,
    /// Set the verdict of the current discrepancy.
    SetVerdict(Verdict),
    /// Open the note editor on the current discrepancy.
    EditNote,
    /// Insert a line break in the note editor.
    Newline,
    /// Move the editor cursor one character left.
    CursorLeft,
    /// Move the editor cursor one character right.
    CursorRight,
    /// Move the editor cursor one word left (`Alt-b`, `Ctrl-←`).
    WordLeft,
    /// Move the editor cursor one word right (`Alt-f`, `Ctrl-→`).
    WordRight,
    /// Editor cursor to the start of its line (`Ctrl-A`, Home).
    LineStart,
    /// Editor cursor to the end of its line (`Ctrl-E`, End).
    LineEnd,
    /// Delete the word before the cursor (`Ctrl-W`; the prompt too).
    DeleteWord,
    /// Delete from the start of the line to the cursor (`Ctrl-U`; the prompt: all).
    KillToStart,
    /// Delete from the cursor to the end of the line (`Ctrl-K`).
    KillToEnd,
    /// Delete the character under the cursor (Delete).
    Delete,
    /// Start selecting text at the current search match or discrepancy.
    StartSelection,
    /// Move one edge of the selection by a word.
    MoveSelection(Edge),
    /// Open the note editor for a free note on the selection.
    AnnotateSelection,
    /// Write the Markdown export.
    Export,
    /// Show the next copy of the original (`]`), with several copies.
    NextCopy,
    /// Show the previous copy of the original (`[`).
    PreviousCopy,
    /// A left click at (column, row).
    Click(u16, u16),
    /// The terminal changed size.
    Resize(u16, u16),
    Quit,
}
