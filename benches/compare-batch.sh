#!/usr/bin/env bash
# compare-batch.sh: a batch of seed-sized signed bundles against one gpgv run (issue 10,
# point 9). The target: 1,000 bundles, each with one Ed25519 OpenPGP signature, verified
# with --require-signature --cert in at most 12.5 times the wall time of one gpgv run
# verifying one such signature, i.e. at least 10,000 bundles per second on 2 cores.
#
#   aeb-verify: walks the directory, reads, canonicalizes, hashes, verifies each
#               signature against the certificate, audits, and writes the report
#               (-q: verdict lines; also timed with --format jsonl, every report whole)
#   gpgv:       verifies one detached signature over the canonical payload
#
# Needs: a release build (cargo build --release; CARGO_TARGET_DIR is honoured, or set
# AEB_VERIFY=/path/to/aeb-verify), gpg and gpgv, python3 with the rfc8785 package (pip),
# hyperfine (apt-get install hyperfine). Run from anywhere:
# [BATCH=copies] benches/compare-batch.sh [N] [RUNS]
# (defaults 1000 bundles, 20 runs). Prints the medians, bundles per second and the
# ratio aeb-verify / gpgv, taken per round of alternating runs (the machine is shared).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FX="$ROOT/fixtures/signatures"
N="${1:-1000}"
RUNS="${2:-20}"
BIN="${AEB_VERIFY:-${CARGO_TARGET_DIR:-$ROOT/target}/release/aeb-verify}"
[ -x "$BIN" ] || { echo "no release binary at $BIN: cargo build --release (or set AEB_VERIFY)" >&2; exit 2; }
command -v hyperfine > /dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 2; }

T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
export GNUPGHOME="$T/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --dearmor < "$FX/certs/ed25519.asc" > "$T/keyring.gpg"
python3 -c 'import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))["signatures"]["pgp"]["signature"])' \
    "$FX/bundles/pgp-ed25519.json" > "$T/sig.asc"

# N distinct signed seed-sized bundles (2.4 KB, one Ed25519 signature each): the signed
# fixture with its `notes` numbered, sealed by the independent rfc8785 package and signed
# by gpg with the fixture's own key at the fixtures' signing time. Distinct bundles, so
# no in-process cache (sequoia's signature cache) answers for a bundle already checked.
# BATCH=copies times N copies of the one fixture instead (the earlier figure).
mkdir "$T/batch"
if [ "${BATCH:-distinct}" = copies ]; then
    for ((i = 0; i < N; i++)); do cp "$FX/bundles/pgp-ed25519.json" "$(printf '%s/batch/%05d.json' "$T" "$i")"; done
else
    gpg --batch --quiet --import "$FX/certs/ed25519-secret-key.asc" 2> /dev/null
    python3 - "$FX/bundles/pgp-ed25519.json" "$T/batch" "$N" <<'PY'
import hashlib, json, subprocess, sys
import rfc8785
src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
text = open(src, encoding="utf-8").read()
sig = json.loads(text)["signatures"]
notes = '"notes": "Enterprise-scale synthetic data generation with proven efficiency and quality"'
assert text.count(notes) == 1 and text.count(sig["sha256"]) == 1
old_armor = json.dumps(sig["pgp"]["signature"])
assert text.count(old_armor) == 1
for i in range(n):
    t = text.replace(notes, notes[:-1] + f' (batch item {i})"')
    body = {k: v for k, v in json.loads(t).items() if k != "signatures"}
    payload = rfc8785.dumps(body)
    armor = subprocess.run(
        ["gpg", "--batch", "--no-tty", "--quiet", "--pinentry-mode", "loopback", "--passphrase", "",
         "--faked-system-time", "20250810T123000!", "--local-user", sig["pgp"]["key_id"],
         "--detach-sign", "--armor"], input=payload, capture_output=True, check=True).stdout.decode()
    t = t.replace(sig["sha256"], hashlib.sha256(payload).hexdigest()).replace(old_armor, json.dumps(armor))
    open(f"{out}/{i:05d}.json", "w", encoding="utf-8").write(t)
PY
fi

COMMON=(--now 2026-11-25T00:00:00Z --color never --require-signature --cert "$FX/certs/ed25519.asc")
AEB=("$BIN" "${COMMON[@]}" -q "$T/batch")
JSONL=("$BIN" "${COMMON[@]}" --format jsonl "$T/batch")
GPGV=(gpgv --keyring "$T/keyring.gpg" "$T/sig.asc" "$FX/payload.jcs")

# Every bundle must verify, or the timing means nothing.
unset RUST_BACKTRACE CI
"${AEB[@]}" | tail -1 | grep -q "$N files found, $N read, $N verified, 0 rejected, 0 unreadable" \
    || { echo "the batch does not verify" >&2; "${AEB[@]}" | tail -3 >&2; exit 1; }
"${GPGV[@]}" 2> /dev/null

q() { printf '%q ' "$@"; }
ROUNDS=5
for ((r = 0; r < ROUNDS; r++)); do
    hyperfine -N --warmup 2 --runs $(((RUNS + ROUNDS - 1) / ROUNDS)) --export-json "$T/h$r.json" \
        -n batch "$(q "${AEB[@]}")" -n jsonl "$(q "${JSONL[@]}")" -n gpgv "$(q "${GPGV[@]}")" > /dev/null 2>&1
done
python3 - "$T" "$ROUNDS" "$N" <<'PY'
import json, statistics, sys
t, rounds, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rs = [{x["command"]: x["median"] for x in json.load(open(f"{t}/h{r}.json"))["results"]} for r in range(rounds)]
def med(k): return statistics.median(x[k] for x in rs)
for k, what in (("batch", "-q"), ("jsonl", "--format jsonl")):
    ratios = sorted(x[k] / x["gpgv"] for x in rs)
    print(f"{n} bundles ({what}): median {med(k)*1e3:.1f} ms = {n/med(k):,.0f} bundles/s; "
          f"ratio to one gpgv run {statistics.median(ratios):.1f} (per-round {ratios[0]:.1f}-{ratios[-1]:.1f}; target <= 12.5)")
print(f"one gpgv run: median {med('gpgv')*1e3:.2f} ms")
PY
