//! Per-unit work spread over threads (rayon) with results in input order,
//! so a comparison is the same whatever the thread count.

use rayon::prelude::*;

/// Items per parallel task: big enough that a task outweighs its
/// scheduling, small enough that uneven units still balance.
const CHUNK: usize = 32;

/// Tasks per thread in one wave: every wave ends by waiting for its
/// slowest task, so a wave holds many (with 2 per thread the other core
/// idled up to a task's length every few milliseconds).
const TASKS_PER_THREAD: usize = 16;

/// `f(i, &items[i])` for every item, in parallel chunks, results in item
/// order. `done(i)` is called for every index in order on the calling
/// thread, after the wave of chunks holding `i` finished, so a progress
/// report built on it stays monotone and needs no `Sync`.
pub fn map_in_order<T, R, F>(items: &[T], f: F, done: &dyn Fn(usize)) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    let wave = CHUNK * TASKS_PER_THREAD * rayon::current_num_threads().max(1);
    let mut out = Vec::with_capacity(items.len());
    for (w, part) in items.chunks(wave).enumerate() {
        let base = w * wave;
        let results: Vec<Vec<R>> = part
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let first = base + c * CHUNK;
                chunk.iter().enumerate().map(|(k, t)| f(first + k, t)).collect()
            })
            .collect();
        for i in base..base + part.len() {
            done(i);
        }
        out.extend(results.into_iter().flatten());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn in_order_with_every_index_told_once() {
        let items: Vec<usize> = (0..1000).collect();
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let told = Mutex::new(Vec::new());
            let got =
                pool.install(|| map_in_order(&items, |i, &x| (i, x * 2), &|i| told.lock().unwrap().push(i)));
            assert_eq!(got, items.iter().map(|&x| (x, x * 2)).collect::<Vec<_>>());
            assert_eq!(told.into_inner().unwrap(), items);
        }
    }
}
