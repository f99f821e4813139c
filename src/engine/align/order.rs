//! Output order: units holding original sentences in the original's reading
//! order; each rewrite-only unit right after the unit that holds the
//! rewrite sentence before it (or first, for the rewrite's opening).

use super::AlignedUnit;

/// Where a rewrite sentence ended up.
#[derive(Debug, Clone, Copy)]
enum Host {
    /// Before every unit with an original side.
    Start,
    /// After the `k`-th unit with an original side.
    After(usize),
}

/// Reorders `units`; `b_len` is the number of rewrite sentences.
pub(super) fn reading_order(units: Vec<AlignedUnit>, b_len: usize) -> Vec<AlignedUnit> {
    let (mut primary, mut added): (Vec<_>, Vec<_>) = units.into_iter().partition(|u| u.original.is_some());
    primary.sort_by_key(|u| u.original.as_ref().map_or(0, |r| r.start));
    added.sort_by_key(|u| u.rewrite.as_ref().map_or(0, |r| r.start));
    let mut host_of: Vec<Option<Host>> = vec![None; b_len];
    for (k, u) in primary.iter().enumerate() {
        for j in u.rewrite.clone().unwrap_or_default() {
            host_of[j] = Some(Host::After(k));
        }
    }
    let mut at_start = Vec::new();
    let mut after: Vec<Vec<AlignedUnit>> = vec![Vec::new(); primary.len()];
    for u in added {
        let r = u.rewrite.clone().unwrap_or_default();
        // Added units are taken in rewrite order, so the sentence before
        // this one already has its host.
        let host = r
            .start
            .checked_sub(1)
            .and_then(|j| host_of[j])
            .unwrap_or(Host::Start);
        for j in r {
            host_of[j] = Some(host);
        }
        match host {
            Host::Start => at_start.push(u),
            Host::After(k) => after[k].push(u),
        }
    }
    let mut out = at_start;
    for (u, children) in primary.into_iter().zip(after) {
        out.push(u);
        out.extend(children);
    }
    out
}
