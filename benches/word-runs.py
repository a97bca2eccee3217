#!/usr/bin/env python3
"""word-runs.py: look for a reader whose time grows faster than its input.

The prose readers (claims, marketplace statements, redaction) look ahead and behind
from words they know; a look-ahead made again from every word of a long run is
quadratic ("Enterprise ready 1 1 1 ...": 80,000 numbers took 5.6 s before d39ef7a).
This script takes every string literal of the readers' source (the words they know),
repeats each, alone and joined by a few separators, into one string of about KB
kilobytes at a JSON path of the seed bundle, and times a release build on it; a run
over 0.12 s is timed again at twice the size, and a ratio over 2.6 is reported (a
linear cost gives about 2, a quadratic one 4). --pairs repeats pairs of the words given.

usage: benches/word-runs.py [--at enterprise_validation/enterprise_ready]
           [--args '-q --profile marketplace'] [--src 'src/marketplace/*.rs src/claims/**/*.rs']
           [--joins ' |, | 1 '] [--kb 80] [--pairs 'not the in 1 ...']
Options that start with a dash are given with `=` when alone (`--args=-q`).
Needs a release build (cargo build --release; AEB_VERIFY=/path overrides). Exit 1 when
a run is reported.
"""
import argparse, glob, itertools, json, os, re, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
p = argparse.ArgumentParser()
p.add_argument("--at", default="enterprise_validation/enterprise_ready")
p.add_argument("--args", default="-q --profile marketplace")
p.add_argument("--src", default="src/marketplace/*.rs src/claims/**/*.rs src/text.rs")
p.add_argument("--joins", default=" |, |-| 1 | 2024 |. ")
# 80: both sizes above the 64 KiB from which a statement is read on a second thread
# (verify.rs), so that the two are read alike
p.add_argument("--kb", type=int, default=80)
p.add_argument("--pairs", default="")
p.add_argument("--prefix", default="Enterprise ready ")
a = p.parse_args()
target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
binary = os.environ.get("AEB_VERIFY", os.path.join(target, "release", "aeb-verify"))
if not os.access(binary, os.X_OK):
    sys.exit(f"no release binary at {binary}: cargo build --release (or set AEB_VERIFY)")

if a.pairs:
    ws = a.pairs.split()
    units = [f"{x} {y} " for x, y in itertools.product(ws, ws)]
else:
    words = set()
    for pattern in a.src.split():
        for f in glob.glob(os.path.join(ROOT, pattern), recursive=True):
            # the code before its tests: the words the reader knows
            text = open(f, encoding="utf-8").read().split("#[cfg(test)]")[0]
            words.update(m.group(1) for m in re.finditer(r'"([^"\\]{1,24})"', text))
    units = [w + j for w in sorted(x for x in words if x.strip()) for j in a.joins.split("|")]

seed = json.load(open(os.path.join(ROOT, "fixtures", "seed-example-sealed.json"), encoding="utf-8"))
path = a.at.split("/")
tmp = tempfile.mkdtemp()


def cost(text):
    node = seed
    for k in path[:-1]:
        node = node[k]
    node[path[-1]] = text
    f = os.path.join(tmp, "run.json")
    json.dump(seed, open(f, "w", encoding="utf-8"))
    t = time.time()
    subprocess.run([binary, "--now", "2026-11-25T00:00:00Z", *a.args.split(), f],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    return time.time() - t


slow = []
for unit in units:
    n = max(1, a.kb * 1000 // len(unit))
    one = cost(a.prefix + unit * n)
    if one > 0.12:
        two = cost(a.prefix + unit * 2 * n)
        print(f"{one:6.2f} s, twice: {two:6.2f} s, ratio {two / one:4.1f}  {unit!r}", flush=True)
        if two / one > 2.6:
            slow.append((round(two / one, 1), unit))
print(f"{len(units)} runs of about {a.kb} KB at /{a.at} ({a.args}); over a ratio of 2.6: {slow or 'none'}")
sys.exit(1 if slow else 0)
