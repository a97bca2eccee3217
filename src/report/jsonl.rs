//! `--format jsonl`: one JSON object per line, for log processors and `jq -c`. Each
//! bundle's line (the bundle object of the JSON report) is written as soon as its
//! verdict and every earlier one are known (workers hand verdicts over in groups of
//! `batch::GROUP`); an input that could not be read is a line
//! `{"file", "unreadable"}` in its place; the last line is the summary and the record of the audit.

use super::json::{bundle_compact_into, skips, summary, REPORT_VERSION};
use super::{Sink, Style};
use crate::batch::Tally;
use crate::inputs::bundles::Notice;
use crate::verify::BundleReport;
use serde_json::json;
use std::io::{self, Write};

pub struct Stream<'a> {
    style: Style<'a>,
    /// The bundle line being written, kept for the next: its capacity is the longest
    /// line's so far (a fresh buffer per bundle grew, and copied, every line).
    line: String,
}

/// A line buffer grown past this is let go after its line, not kept for the rest of
/// the run (one hostile bundle's report can be megabytes).
const KEEP_LINE: usize = 1 << 20;

impl<'a> Stream<'a> {
    pub fn new(style: Style<'a>) -> Self {
        Stream { style, line: String::new() }
    }
}

fn line(out: &mut dyn Write, v: &impl serde::Serialize) -> io::Result<()> {
    write_line(out, serde_json::to_string(v).map_err(io::Error::other)?)
}

fn write_line(out: &mut dyn Write, text: String) -> io::Result<()> {
    out.write_all(crate::text::json_escape_hidden(text).as_bytes())?;
    out.write_all(b"\n")
}

impl Sink for Stream<'_> {
    fn bundle(&mut self, r: &BundleReport, out: &mut dyn Write) -> io::Result<()> {
        self.line.clear();
        bundle_compact_into(&mut self.line, r, self.style.record).map_err(io::Error::other)?;
        out.write_all(crate::text::json_escape_hidden_ref(&self.line).as_bytes())?;
        if self.line.capacity() > KEEP_LINE {
            self.line = String::new();
        }
        out.write_all(b"\n")
    }

    fn unreadable(&mut self, n: &Notice, out: &mut dyn Write) -> io::Result<()> {
        line(out, &json!({ "file": n.path, "unreadable": n.reason_as_data() }))
    }

    fn finish(&mut self, _all: &[BundleReport], tally: &Tally, style: &Style, out: &mut dyn Write) -> io::Result<()> {
        line(
            out,
            &json!({
                "report": "aeb-verify",
                "report_version": REPORT_VERSION,
                "tool_version": env!("CARGO_PKG_VERSION"),
                "now": self.style.now,
                "record": style.record,
                "summary": summary(tally),
                "skipped": skips(&tally.skipped),
                "verdict": tally.verdict(),
            }),
        )
    }
}
