//! The scroll position as (unit, row inside the unit): moving it only
//! measures the units it passes, so a jump to the end of a book wraps one
//! screenful, not the whole book.

/// The first visible row: row `row` of aligned unit `unit`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub unit: usize,
    pub row: usize,
}

/// Moves `pos` down by `n` rows; stops at the last row of the last unit.
pub fn down(pos: Pos, n: usize, units: usize, height: &dyn Fn(usize) -> usize) -> Pos {
    let mut p = pos;
    let mut left = n;
    while left > 0 && p.unit < units {
        let h = height(p.unit);
        let step = (h - p.row - 1).min(left);
        p.row += step;
        left -= step;
        if left == 0 || p.unit + 1 >= units {
            break;
        }
        p = Pos {
            unit: p.unit + 1,
            row: 0,
        };
        left -= 1;
    }
    p
}

/// Moves `pos` up by `n` rows; stops at the top.
pub fn up(pos: Pos, n: usize, height: &dyn Fn(usize) -> usize) -> Pos {
    let mut p = pos;
    let mut left = n;
    while left > 0 {
        if p.row >= left {
            p.row -= left;
            break;
        }
        left -= p.row + 1;
        if p.unit == 0 {
            return Pos::default();
        }
        p.unit -= 1;
        p.row = height(p.unit) - 1;
    }
    p
}

/// The lowest top that still fills a viewport of `rows` rows.
pub fn last_top(units: usize, rows: usize, height: &dyn Fn(usize) -> usize) -> Pos {
    if units == 0 {
        return Pos::default();
    }
    let end = Pos {
        unit: units - 1,
        row: height(units - 1) - 1,
    };
    up(end, rows.saturating_sub(1), height)
}

/// Whether rows `first..=last` of `unit` lie within `rows` rows from `top`.
pub fn visible(top: Pos, rows: usize, unit: usize, height: &dyn Fn(usize) -> usize) -> bool {
    if unit < top.unit || (unit == top.unit && top.row > 0) || rows == 0 {
        return false;
    }
    let mut used = 0;
    let mut u = top.unit;
    while u <= unit {
        used += height(u) - if u == top.unit { top.row } else { 0 };
        if used > rows {
            return false;
        }
        u += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: [usize; 4] = [2, 3, 1, 4];
    fn h(i: usize) -> usize {
        H[i]
    }

    #[test]
    fn down_crosses_units() {
        assert_eq!(down(Pos::default(), 3, 4, &h), Pos { unit: 1, row: 1 });
        assert_eq!(down(Pos::default(), 100, 4, &h), Pos { unit: 3, row: 3 });
    }

    #[test]
    fn up_crosses_units() {
        assert_eq!(up(Pos { unit: 1, row: 1 }, 3, &h), Pos { unit: 0, row: 0 });
        assert_eq!(up(Pos { unit: 3, row: 0 }, 2, &h), Pos { unit: 1, row: 2 });
    }

    #[test]
    fn last_top_fills_viewport() {
        assert_eq!(last_top(4, 5, &h), Pos { unit: 2, row: 0 });
    }

    #[test]
    fn visibility() {
        assert!(visible(Pos::default(), 5, 1, &h));
        // Units 0..=2 take 2 + 3 + 1 = 6 rows: unit 2 needs a sixth row.
        assert!(!visible(Pos::default(), 5, 2, &h));
        assert!(visible(Pos::default(), 6, 2, &h));
        assert!(visible(Pos { unit: 1, row: 0 }, 5, 2, &h));
        assert!(!visible(Pos { unit: 1, row: 0 }, 5, 3, &h));
    }
}
