//! Where a byte offset is for a reader: line and column (1-based, columns
//! in characters) and paragraph number. Byte spans stay the contract; these
//! are derived from the text as read, so a CRLF file counts its lines the
//! same way an editor does.

use super::segment::Segmented;

/// The start of every line of a text, for fast offset → line look-ups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A place in a text as a reader finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The line and column of byte `offset` of `text` (the text indexed).
    #[must_use]
    pub fn place(&self, text: &str, offset: usize) -> Place {
        let offset = offset.min(text.len());
        let i = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[i];
        // A byte-order mark is not a column anyone sees.
        let column = text
            .get(start..offset)
            .map_or(0, |s| s.chars().filter(|&c| c != '\u{feff}').count())
            + 1;
        Place { line: i + 1, column }
    }
}

/// The 1-based number of the paragraph holding byte `offset`, counting
/// paragraphs as the segmentation found them (the last one starting at or
/// before `offset`).
#[must_use]
pub fn paragraph_number(seg: &Segmented, offset: usize) -> Option<usize> {
    let i = seg.paragraphs.partition_point(|p| p.span.start <= offset);
    i.checked_sub(1).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let text = "ab\r\ncé\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.place(text, 0), Place { line: 1, column: 1 });
        assert_eq!(idx.place(text, 4), Place { line: 2, column: 1 });
        let d = text.find('d').unwrap();
        assert_eq!(idx.place(text, d), Place { line: 3, column: 1 });
        assert_eq!(
            idx.place(text, d - 1),
            Place { line: 2, column: 3 },
            "é is one column"
        );
        assert_eq!(idx.place(text, 99), Place { line: 3, column: 2 });
        let bom = "\u{feff}Hi";
        assert_eq!(LineIndex::new(bom).place(bom, 3), Place { line: 1, column: 1 });
    }

    #[test]
    fn paragraph_numbers() {
        let doc = crate::engine::Document::from_string("One. Two.\n\nThree.\n".into());
        let seg = crate::engine::segment::segment(&doc);
        assert_eq!(paragraph_number(&seg, 0), Some(1));
        assert_eq!(paragraph_number(&seg, 12), Some(2));
    }
}
