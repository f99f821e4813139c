//! Where a byte offset is for a reader: line and column (1-based, columns
//! in characters) and paragraph number. Byte spans stay the contract; these
//! are derived from the text as read, so a CRLF file counts its lines the
//! same way an editor does.

use super::segment::Segmented;

/// The start of every line of a text, for fast offset → line look-ups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Columns seen from the text's start to every `BLOCK`-th byte, so a
    /// column on a long line (a book paragraph of 10 kB) costs at most one
    /// block of counting, not a scan from the line's start.
    columns: Vec<usize>,
}

/// Bytes per entry of [`LineIndex::columns`].
const BLOCK: usize = 64;

/// Whether byte `i` of `text` starts a character a reader sees as a
/// column: any character start except a byte-order mark's.
fn counts(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    // Continuation bytes are 0b10xx_xxxx; U+FEFF is EF BB BF.
    b & 0xC0 != 0x80 && !(b == 0xEF && bytes.get(i + 1..i + 3) == Some(&[0xBB, 0xBF][..]))
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
        let bytes = text.as_bytes();
        let mut columns = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut seen = 0;
        for (k, block) in bytes.chunks(BLOCK).enumerate() {
            columns.push(seen);
            seen += if block.is_ascii() {
                block.len()
            } else {
                let at = k * BLOCK;
                (at..at + block.len()).filter(|&i| counts(bytes, i)).count()
            };
        }
        // The end of a text whose length is a whole number of blocks has
        // an entry of its own.
        if bytes.len().is_multiple_of(BLOCK) {
            columns.push(seen);
        }
        Self { starts, columns }
    }

    /// Characters a reader sees as columns in `text[..offset]`.
    fn columns_before(&self, text: &str, offset: usize) -> usize {
        let bytes = text.as_bytes();
        let block = offset / BLOCK;
        let from = self.columns.get(block).copied().unwrap_or(0);
        let rest = block * BLOCK..offset;
        // Every ASCII byte is a character and a column (a byte-order mark
        // is not ASCII): most stretches are counted by their length.
        from + if bytes[rest.clone()].is_ascii() {
            rest.len()
        } else {
            rest.filter(|&i| counts(bytes, i)).count()
        }
    }

    /// The line and column of byte `offset` of `text` (the text indexed).
    #[must_use]
    pub fn place(&self, text: &str, offset: usize) -> Place {
        let offset = offset.min(text.len());
        let i = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[i];
        // A byte-order mark is not a column anyone sees; an offset inside a
        // character has no column of its own (the line's first).
        let column = if text.is_char_boundary(offset) {
            self.columns_before(text, offset) - self.columns_before(text, start)
        } else {
            0
        } + 1;
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
    fn the_end_of_a_text_of_whole_blocks_has_a_place() {
        // Found by the fuzzer: the end of a text of exactly 64 or 128 bytes.
        for len in [0, BLOCK, 2 * BLOCK, 2 * BLOCK + 1] {
            let text = "a".repeat(len);
            let idx = LineIndex::new(&text);
            assert_eq!(
                idx.place(&text, len),
                Place {
                    line: 1,
                    column: len + 1
                },
                "length {len}"
            );
        }
        let text = format!("{}\n{}", "b".repeat(BLOCK - 1), "c".repeat(BLOCK));
        let idx = LineIndex::new(&text);
        assert_eq!(
            idx.place(&text, text.len()),
            Place {
                line: 2,
                column: BLOCK + 1
            }
        );
    }

    #[test]
    fn columns_match_counting_characters() {
        // Long lines across many blocks, multi-byte characters straddling
        // block edges, byte-order marks mid-text.
        let line = "ab é\u{feff}ç 日本語 xyz ".repeat(40);
        let text = format!("\u{feff}{line}\n{line}\r\n\n{line}");
        let idx = LineIndex::new(&text);
        for offset in 0..=text.len() + 2 {
            let o = offset.min(text.len());
            let start = text.as_bytes()[..o]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = text
                .get(start..o)
                .map_or(0, |s| s.chars().filter(|&c| c != '\u{feff}').count())
                + 1;
            let line = text.as_bytes()[..start].iter().filter(|&&b| b == b'\n').count() + 1;
            assert_eq!(
                idx.place(&text, offset),
                Place { line, column },
                "offset {offset}"
            );
        }
    }

    #[test]
    fn paragraph_numbers() {
        let doc = crate::engine::Document::from_string("One. Two.\n\nThree.\n".into());
        let seg = crate::engine::segment::segment(&doc);
        assert_eq!(paragraph_number(&seg, 0), Some(1));
        assert_eq!(paragraph_number(&seg, 12), Some(2));
    }
}
