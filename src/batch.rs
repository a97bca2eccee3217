//! Verifying many bundles: in parallel on every core, reported in input order. Keys,
//! the compiled schema and the claim patterns are loaded once per process and shared
//! by the workers (Options is read-only here).
//!
//! Inputs go through windows of [`WINDOW`]: the workers verify a window while the
//! caller writes each report as soon as it and all before it are done, and drops it
//! (unless a format needs them all). Memory stays bounded by a window, whatever the
//! batch size.

use crate::inputs::bundles::{self, Input, Loaded, Notice};
use crate::options::Options;
use crate::verify::{self, BundleReport, Verdict};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// Inputs handed to the workers at once.
pub const WINDOW: usize = 256;

/// Inputs a worker verifies before handing their reports over, in one message: one
/// message per bundle woke the writing thread a thousand times in a 1,000-bundle batch
/// (futex wake-ups and context switches were a tenth of its time on two cores); groups
/// of 4 still made about 700 futex calls, groups of 16 about 170. Small enough that a
/// window's last groups still spread over the cores and reports still come as bundles
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
        format!(
            "{} files found, {} read, {} verified, {} rejected, {} unreadable",
            self.found,
            self.read(),
            self.verified,
            self.rejected,
            self.unreadable.len()
        )
    }

    /// Verified only when every input was read and verified.
    pub fn verdict(&self) -> Verdict {
        if self.rejected == 0 && self.unreadable.is_empty() && self.verified > 0 {
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
        Input::File { path, walked } => bundles::load_file(path, *walked, opts.limits.max_bytes),
    };
    match loaded {
        Ok(Loaded::Bytes(bytes)) => Item::Report(verify::verify(&name, bytes, opts)),
        Ok(Loaded::TooLarge(finding)) => Item::Report(verify::rejected_unread(&name, *finding)),
        Err(e) => Item::Unreadable(Notice { path: name, reason: e.to_string() }),
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
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(usize, Item)>>(WINDOW / GROUP);
        let stdin = &stdin;
        scope.spawn(move || {
            for (w, window) in inputs.chunks(WINDOW).enumerate() {
                window.par_chunks(GROUP).enumerate().for_each_with(tx.clone(), |tx, (g, group)| {
                    let first = w * WINDOW + g * GROUP;
                    let items = group.iter().enumerate().map(|(i, input)| (first + i, verify_one(input, stdin, opts)));
                    let _ = tx.send(items.collect());
                });
            }
        });
        let mut next = 0;
        let mut pending = BTreeMap::new();
        for group in rx {
            pending.extend(group);
            while let Some(item) = pending.remove(&next) {
                next += 1;
                emit(item, !pending.contains_key(&next));
            }
        }
    });
}
