#!/usr/bin/env bash
# compare-gpgv.sh: whole-process wall time of aeb-verify against gpgv on the same
# Ed25519 OpenPGP signature (issue 3, "Speed").
#
#   aeb-verify: reads the seed-sized bundle, canonicalizes (RFC 8785), hashes, loads
#               the certificate, verifies the signature and writes its report
#   gpgv:       verifies the same detached signature over the already-canonical
#               payload bytes (fixtures/signatures/payload.jcs)
#
# Needs: a release build (cargo build --release; CARGO_TARGET_DIR is honoured, or set
# AEB_VERIFY=/path/to/aeb-verify), gpg and gpgv, python3; hyperfine if installed
# (apt-get install hyperfine), else a plain loop timed with date +%s%N.
# Run from anywhere: benches/compare-gpgv.sh [RUNS]   (default 300)
# Prints both medians and the ratio aeb-verify / gpgv (below 1: aeb-verify faster).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FX="$ROOT/fixtures/signatures"
RUNS="${1:-300}"
BIN="${AEB_VERIFY:-${CARGO_TARGET_DIR:-$ROOT/target}/release/aeb-verify}"
[ -x "$BIN" ] || { echo "no release binary at $BIN: cargo build --release (or set AEB_VERIFY)" >&2; exit 2; }

T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
export GNUPGHOME="$T/gnupg"
mkdir -m 700 "$GNUPGHOME"
gpg --dearmor < "$FX/certs/ed25519.asc" > "$T/keyring.gpg"
python3 -c 'import json,sys; sys.stdout.write(json.load(open(sys.argv[1]))["signatures"]["pgp"]["signature"])' \
    "$FX/bundles/pgp-ed25519.json" > "$T/sig.asc"

AEB=("$BIN" --now 2026-11-25T00:00:00Z --color never --cert "$FX/certs/ed25519.asc" "$FX/bundles/pgp-ed25519.json")
GPGV=(gpgv --keyring "$T/keyring.gpg" "$T/sig.asc" "$FX/payload.jcs")

# Both must succeed, or the timing means nothing.
unset RUST_BACKTRACE
"${AEB[@]}" > /dev/null
"${GPGV[@]}" 2> /dev/null

if command -v hyperfine > /dev/null; then
    q() { printf '%q ' "$@"; }
    hyperfine -N --warmup 30 --runs "$RUNS" --export-json "$T/h.json" \
        -n aeb-verify "$(q "${AEB[@]}")" -n gpgv "$(q "${GPGV[@]}")" >&2
    python3 - "$T/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, g = r["aeb-verify"]["median"], r["gpgv"]["median"]
print(f"median aeb-verify {a*1e3:.2f} ms, gpgv {g*1e3:.2f} ms, ratio {a/g:.2f}")
PY
else
    median() { # COMMAND...: median wall time in ns over $RUNS runs
        local i s e; local -a t=()
        for ((i = 0; i < RUNS; i++)); do
            s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); t+=($((e - s)))
        done
        printf '%s\n' "${t[@]}" | sort -n | sed -n "$((RUNS / 2 + 1))p"
    }
    a=$(median "${AEB[@]}"); g=$(median "${GPGV[@]}")
    python3 -c "a,g=$a,$g; print(f'median aeb-verify {a/1e6:.2f} ms, gpgv {g/1e6:.2f} ms, ratio {a/g:.2f}')"
fi
