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
# Prints the medians and the ratio aeb-verify / gpgv (below 1: aeb-verify faster),
# measured in alternating rounds so that load drift on a shared machine hits both; with
# sqv installed (apt-get install sqv: Sequoia's minimal verifier, the fastest OpenPGP
# verifier, the next bar), also its median and the ratio aeb-verify / sqv.
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
SQV=(sqv --keyring "$FX/certs/ed25519.asc" "$T/sig.asc" "$FX/payload.jcs")
HAVE_SQV=0
if command -v sqv > /dev/null && "${SQV[@]}" > /dev/null 2>&1; then HAVE_SQV=1; fi

# Both must succeed, or the timing means nothing.
unset RUST_BACKTRACE
"${AEB[@]}" > /dev/null
"${GPGV[@]}" 2> /dev/null

if command -v hyperfine > /dev/null; then
    # The build machines are shared: load drifts within seconds. So the two commands
    # are timed in alternating short rounds, and the ratio is taken per round.
    q() { printf '%q ' "$@"; }
    ROUNDS=10
    for ((r = 0; r < ROUNDS; r++)); do
        extra=()
        [ "$HAVE_SQV" = 1 ] && extra=(-n sqv "$(q "${SQV[@]}")")
        hyperfine -N --warmup 10 --runs $((RUNS / ROUNDS)) --export-json "$T/h$r.json" \
            -n aeb-verify "$(q "${AEB[@]}")" -n gpgv "$(q "${GPGV[@]}")" "${extra[@]}" > /dev/null 2>&1
    done
    python3 - "$T" "$ROUNDS" <<'PY'
import json, statistics, sys
rounds = []
for r in range(int(sys.argv[2])):
    rounds.append({x["command"]: x["median"] for x in json.load(open(f"{sys.argv[1]}/h{r}.json"))["results"]})
def med(name): return statistics.median(x[name] for x in rounds)
def ratio(name):
    rs = sorted(x["aeb-verify"] / x[name] for x in rounds)
    return f"{statistics.median(rs):.2f} (per-round {rs[0]:.2f}-{rs[-1]:.2f})"
print(f"median aeb-verify {med('aeb-verify')*1e3:.2f} ms, gpgv {med('gpgv')*1e3:.2f} ms, "
      f"ratio {ratio('gpgv')} over {len(rounds)} rounds")
if "sqv" in rounds[0]:
    print(f"median sqv {med('sqv')*1e3:.2f} ms, ratio aeb-verify / sqv {ratio('sqv')}")
else:
    print("sqv not installed (apt-get install sqv): no ratio against it")
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
    if [ "$HAVE_SQV" = 1 ]; then
        s=$(median "${SQV[@]}")
        python3 -c "a,s=$a,$s; print(f'median sqv {s/1e6:.2f} ms, ratio aeb-verify / sqv {a/s:.2f}')"
    fi
fi
