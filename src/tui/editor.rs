//! The multi-line note editor: text and a cursor, nothing else.

/// What the note being edited will be attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    /// The discrepancy with this index.
    Discrepancy(usize),
    /// A free note on a span of one side.
    Span(super::select::Selection),
}

/// A note being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub target: NoteTarget,
    pub text: String,
    /// Byte offset of the cursor in `text`, always on a char boundary.
    pub cursor: usize,
}

impl Editor {
    #[must_use]
    pub fn new(target: NoteTarget, text: String) -> Self {
        let cursor = text.len();
        Self { target, text, cursor }
    }

    pub fn insert(&mut self, c: char) {
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
    }

    pub fn backspace(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
            self.text.remove(self.cursor);
        }
    }

    pub fn left(&mut self) {
        if let Some(c) = self.text[..self.cursor].chars().next_back() {
            self.cursor -= c.len_utf8();
        }
    }

    pub fn right(&mut self) {
        if let Some(c) = self.text[self.cursor..].chars().next() {
            self.cursor += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_around_the_cursor() {
        let mut e = Editor::new(NoteTarget::Discrepancy(0), "aé".into());
        e.left();
        e.insert('\n');
        e.backspace();
        e.backspace();
        assert_eq!(e.text, "é");
        e.right();
        e.insert('!');
        assert_eq!(e.text, "é!");
    }
}
