//! Verifying many bundles: in parallel on every core, reported in input order. Keys,
//! the compiled schema and the claim patterns are loaded once per process and shared
//! by the workers (Options is read-only here).
//!
//! The workers take inputs in order, a group at a time, and may run at most
//! [`WINDOW`] inputs ahead of the last report written: the caller writes each report
//! as soon as it and all before it are done, and drops it (unless a format needs them
//! all). Memory stays bounded by the window, whatever the batch size, and no worker
//! waits for the others at a window's end (windows handed out whole left a core idle
//! at each boundary: a 1,000-bundle batch on two cores took a fifth longer).

use crate::inputs::bundles::{self, Input, Loaded, Notice};
use crate::options::Options;
use crate::verify::{self, BundleReport, Verdict};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// How far ahead of the last report written the workers may verify, in inputs.
pub const WINDOW: usize = 256;

/// Inputs a worker verifies before handing their reports over, in one message: one
/// message per bundle woke the writing thread a thousand times in a 1,000-bundle batch
/// (futex wake-ups and context switches were a tenth of its time on two cores); groups
/// of 4 still made about 700 futex calls, groups of 16 about 170. Small enough that the
/// batch's last groups still spread over the cores and reports still come as bundles
/// are verified (a few milliseconds' worth at a time).
const GROUP: usize = 16;

/// What became of one input.
#[derive(Debug)]
pub enum Item {
    Report(BundleReport),
    Unreadable(Notice),
}

/// The batch account: "N files found, N read, N verified, N rejected, N unreadable".
#[derive(Debug, Default, Clone)]
pub struct Tally {
    /// Inputs found: files named, `*.json` files found in directories, standard input,
    /// and named paths that turned out unusable (so found = read + unreadable).
    pub found: usize,
    pub verified: usize,
    pub rejected: usize,
    /// Inputs (and paths) that could not be read: the run is incomplete (exit 2).
    pub unreadable: Vec<Notice>,
    /// Entries a directory walk left out on purpose (links, FIFOs, devices).
    pub skipped: Vec<Notice>,
    /// `--strict`: an entry left out unverified fails the run.
    pub strict: bool,
}

impl Tally {
    pub fn read(&self) -> usize {
        self.verified + self.rejected
    }

    pub fn count(&mut self, item: &Item) {
        match item {
            Item::Report(r) if r.verdict == Verdict::Verified => self.verified += 1,
            Item::Report(_) => self.rejected += 1,
            Item::Unreadable(n) => self.unreadable.push(n.clone()),
        }
    }

    pub fn line(&self) -> String {
        let mut line = format!(
            "{} files found, {} read, {} verified, {} rejected, {} unreadable",
            self.found,
            self.read(),
            self.verified,
            self.rejected,
            self.unreadable.len()
        );
        if !self.skipped.is_empty() {
            line.push_str(&format!(", {} skipped", self.skipped.len()));
            let unverified = self.unverified_skips();
            if self.strict && unverified > 0 {
                line.push_str(&format!(" ({unverified} unverified: rejected under --strict)"));
            }
        }
        line
    }

    /// Entries left out that may hold a bundle nothing verified.
    pub fn unverified_skips(&self) -> usize {
        self.skipped.iter().filter(|n| n.unverified).count()
    }

    /// Whether `--strict` fails the run for entries it left out unverified.
    pub fn strict_skips(&self) -> bool {
        self.strict && self.unverified_skips() > 0
    }

    /// Verified only when every input was read and verified (and, under `--strict`,
    /// no entry was left out unverified).
    pub fn verdict(&self) -> Verdict {
        if self.rejected == 0 && self.unreadable.is_empty() && self.verified > 0 && !self.strict_skips() {
            Verdict::Verified
        } else {
            Verdict::Rejected
        }
    }
}

/// Loads and verifies one input. Standard input was read before (it is not shared
/// between threads); its bytes are taken from `stdin`.
pub fn verify_one(input: &Input, stdin: &Mutex<Option<std::io::Result<Loaded>>>, opts: &Options) -> Item {
    let name = input.name();
    let loaded = match input {
        Input::Stdin => match stdin.lock().map(|mut s| s.take()) {
            Ok(Some(l)) => l,
            _ => Err(std::io::Error::other("standard input can be read only once")),
        },
        Input::File { path, walked, id, .. } => bundles::load_file(path, *walked, *id, opts.limits.max_bytes),
    };
    match loaded {
        Ok(Loaded::Bytes(bytes)) => Item::Report(verify::verify(&name, bytes, opts)),
        Ok(Loaded::TooLarge(finding)) => Item::Report(verify::rejected_unread(&name, *finding)),
        Err(e) => Item::Unreadable(Notice { path: name, reason: e.to_string(), ..Notice::default() }),
    }
}

/// Verifies every input and hands each result to `emit` in input order, from the
/// calling thread, as soon as it and every one before it are known. `emit`'s flag says
/// that no later result is ready yet: the moment to flush what was written, once per
/// handful of bundles rather than once per line. One input is verified on the calling
/// thread (no pool to start).
pub fn run(inputs: &[Input], stdin: Option<std::io::Result<Loaded>>, opts: &Options, mut emit: impl FnMut(Item, bool)) {
    let stdin = Mutex::new(stdin);
    if inputs.len() <= 1 {
        inputs.iter().for_each(|i| emit(verify_one(i, &stdin, opts), true));
        return;
    }
    in_order(inputs, |input| verify_one(input, &stdin, opts), emit);
}

/// `work` on every input on the pool's threads, each result handed to `emit` on the
/// calling thread in input order (with the "caught up" flag of [`run`]). The workers
/// take [`GROUP`] inputs at a time, in order, never more than [`WINDOW`] inputs ahead
/// of the last result handed over.
fn in_order<I: Sync, T: Send>(inputs: &[I], work: impl Fn(&I) -> T + Sync, mut emit: impl FnMut(T, bool)) {
    let gate = Gate::default();
    let taken = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(usize, T)>>(WINDOW / GROUP);
        let (gate, taken, work) = (&gate, &taken, &work);
        scope.spawn(move || {
            // Every pool thread takes the next group until none is left.
            rayon::broadcast(|_| {
                let _stop = StopOnPanic(gate);
                loop {
                    let first = taken.fetch_add(GROUP, Ordering::Relaxed);
                    let Some(group) = inputs.get(first..).filter(|g| !g.is_empty()) else { return };
                    if !gate.admit(first) {
                        return;
                    }
                    let results = group.iter().take(GROUP).enumerate().map(|(i, input)| (first + i, work(input)));
                    if tx.send(results.collect()).is_err() {
                        return;
                    }
                }
            });
        });
        // Stops the workers if `emit` panics (they would wait for it forever).
        let _stop = StopOnPanic(gate);
        let mut next = 0;
        let mut pending = BTreeMap::new();
        for group in rx {
            pending.extend(group);
            while let Some(result) = pending.remove(&next) {
                next += 1;
                emit(result, !pending.contains_key(&next));
            }
            gate.written(next);
        }
    });
}

/// Where the writer is, so that the workers stay within [`WINDOW`] of it.
#[derive(Default)]
struct Gate {
    state: Mutex<GateState>,
    moved: Condvar,
}

#[derive(Default)]
struct GateState {
    /// Inputs whose reports were handed to `emit`.
    written: usize,
    /// A thread panicked: the others stop instead of waiting for it.
    stop: bool,
}

impl Gate {
    /// Waits until the input at `first` is within the window; false: stop.
    fn admit(&self, first: usize) -> bool {
        let Ok(state) = self.state.lock() else { return false };
        match self.moved.wait_while(state, |s| !s.stop && first >= s.written + WINDOW) {
            Ok(state) => !state.stop,
            Err(_) => false,
        }
    }

    fn written(&self, written: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.written = written;
        }
        self.moved.notify_all();
    }

    fn stop(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.stop = true;
        }
        self.moved.notify_all();
    }
}

/// Stops the gate when its thread unwinds from a panic.
struct StopOnPanic<'g>(&'g Gate);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Runs `in_order` on another thread: Some(panicked?) when it returned within half
    /// a minute, None when it hung.
    fn finishes(inputs: Vec<usize>, work: fn(&usize) -> usize, emit: fn(usize)) -> Option<bool> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let outcome = std::panic::catch_unwind(|| in_order(&inputs, work, |r, _| emit(r)));
            let _ = tx.send(outcome.is_err());
        });
        rx.recv_timeout(Duration::from_secs(30)).ok()
    }

    /// Results finishing out of order (every seventh input takes longer) are handed
    /// over in input order, across many windows and a last partial group, and the last
    /// one says the writer has caught up.
    #[test]
    fn results_come_in_input_order() {
        let inputs: Vec<usize> = (0..WINDOW * 4 + GROUP / 2 + 3).collect();
        let mut got = Vec::new();
        let mut last_flag = false;
        in_order(
            &inputs,
            |&i| {
                if i.is_multiple_of(7) {
                    std::thread::sleep(Duration::from_micros(300));
                }
                i * 10
            },
            |r, caught_up| {
                got.push(r);
                last_flag = caught_up;
            },
        );
        assert_eq!(got, inputs.iter().map(|i| i * 10).collect::<Vec<_>>());
        assert!(last_flag);
    }

    /// With a slow writer the workers wait: no input is started more than a window
    /// (plus the group it belongs to) ahead of the results handed over, so a batch's
    /// memory does not grow with its size.
    #[test]
    fn workers_stay_within_the_window_of_a_slow_writer() {
        static WRITTEN: AtomicUsize = AtomicUsize::new(0);
        static AHEAD: AtomicUsize = AtomicUsize::new(0);
        let inputs: Vec<usize> = (0..WINDOW * 6).collect();
        in_order(
            &inputs,
            |&i| {
                AHEAD.fetch_max(i.saturating_sub(WRITTEN.load(Ordering::SeqCst)), Ordering::SeqCst);
            },
            |(), _| {
                if WRITTEN.fetch_add(1, Ordering::SeqCst).is_multiple_of(32) {
                    std::thread::sleep(Duration::from_millis(2));
                }
            },
        );
        let ahead = AHEAD.load(Ordering::SeqCst);
        assert!(ahead < WINDOW + GROUP, "a worker started input {ahead} ahead of the writer");
        // The writer was slow enough for the workers to reach the window's edge.
        assert!(ahead >= WINDOW - GROUP, "the workers never got ahead ({ahead}): the test proves nothing");
    }

    /// A worker that panics stops the others (which would otherwise wait for the
    /// writer, which waits for the panicked group) and the panic reaches the caller.
    #[test]
    fn a_panicking_worker_ends_the_batch_instead_of_hanging_it() {
        let work: fn(&usize) -> usize = |&i| {
            assert!(i != WINDOW + 40, "input {i}");
            std::thread::sleep(Duration::from_micros(50));
            i
        };
        let emit: fn(usize) = |_| std::thread::sleep(Duration::from_micros(200));
        assert_eq!(finishes((0..WINDOW * 8).collect(), work, emit), Some(true));
    }

    /// So does a writer that panics.
    #[test]
    fn a_panicking_writer_ends_the_batch_instead_of_hanging_it() {
        let emit: fn(usize) = |r| assert!(r != 10, "result {r}");
        assert_eq!(finishes((0..WINDOW * 8).collect(), |&i| i, emit), Some(true));
    }
}
