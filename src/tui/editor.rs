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

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        if self.cursor < self.text.len() {
            self.text.remove(self.cursor);
        }
    }

    /// Start of the cursor's line.
    fn line_start_at(&self) -> usize {
        self.text[..self.cursor].rfind('\n').map_or(0, |i| i + 1)
    }

    /// End of the cursor's line (before its line break).
    fn line_end_at(&self) -> usize {
        self.text[self.cursor..]
            .find('\n')
            .map_or(self.text.len(), |i| self.cursor + i)
    }

    pub fn line_start(&mut self) {
        self.cursor = self.line_start_at();
    }

    pub fn line_end(&mut self) {
        self.cursor = self.line_end_at();
    }

    /// Start of the word before the cursor (skipping spaces first), as readline.
    fn word_before(&self) -> usize {
        let before = &self.text[..self.cursor];
        let trimmed = before.trim_end_matches(|c: char| !c.is_alphanumeric());
        trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8())
    }

    /// End of the word after the cursor (skipping spaces first).
    fn word_after(&self) -> usize {
        let after = &self.text[self.cursor..];
        let skipped = after.len() - after.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let rest = &after[skipped..];
        let word = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        self.cursor + skipped + word
    }

    pub fn word_left(&mut self) {
        self.cursor = self.word_before();
    }

    pub fn word_right(&mut self) {
        self.cursor = self.word_after();
    }

    /// `Ctrl-W`: deletes the word before the cursor.
    pub fn delete_word(&mut self) {
        let start = self.word_before();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// `Ctrl-U`: deletes from the start of the line to the cursor.
    pub fn kill_to_start(&mut self) {
        let start = self.line_start_at();
        self.text.replace_range(start..self.cursor, "");
        self.cursor = start;
    }

    /// `Ctrl-K`: deletes from the cursor to the end of the line (the line
    /// break itself when the cursor is already at the end).
    pub fn kill_to_end(&mut self) {
        let end = self.line_end_at();
        let end = if end == self.cursor && end < self.text.len() {
            end + 1
        } else {
            end
        };
        self.text.replace_range(self.cursor..end, "");
    }

    /// The cursor as (line, column in characters).
    #[must_use]
    pub fn line_col(&self) -> (usize, usize) {
        let before = &self.text[..self.cursor];
        let line = before.matches('\n').count();
        let col = before[self.line_start_at()..].chars().count();
        (line, col)
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

    #[test]
    fn readline_keys() {
        let mut e = Editor::new(NoteTarget::Discrepancy(0), "first line\nsecond word here".into());
        e.delete_word();
        assert_eq!(e.text, "first line\nsecond word ");
        e.word_left();
        assert_eq!(e.line_col(), (1, 7));
        e.kill_to_end();
        assert_eq!(e.text, "first line\nsecond ");
        e.line_start();
        assert_eq!(e.line_col(), (1, 0));
        e.word_right();
        assert_eq!(e.line_col(), (1, 6));
        e.kill_to_start();
        assert_eq!(e.text, "first line\n ");
        e.left();
        e.kill_to_end();
        assert_eq!(
            e.text, "first line ",
            "at a line's end, Ctrl-K joins the next line"
        );
        e.line_start();
        e.delete();
        e.line_end();
        e.insert('!');
        assert_eq!(e.text, "irst line !");
    }
}
