#!/usr/bin/env bash
# Whole-process comparison for the integrity target of issue 2: aeb-verify checking a
# ~10 MB pretty-printed bundle against coreutils sha256sum merely hashing the same file,
# plus peak memory. Needs: python3 (generator; uses target/release/aeb-verify digest to
# seal), hyperfine (apt-get install hyperfine), GNU time (/usr/bin/time), openssl.
#
# usage: benches/compare.sh [RECORDS]     (default 53000 records, about 10 MB)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/aeb-verify
mkdir -p bench-data
bundle=bench-data/bundle-10mb.json
AEB_VERIFY=$bin python3 benches/gen-bundle.py "$bundle" "${1:-53000}"
bytes=$(stat -c %s "$bundle")
echo "bundle: $bundle, $bytes bytes"
"$bin" -q "$bundle"

hyperfine -N --warmup 5 --runs 60 --export-json bench-data/integrity.json \
  "sha256sum $bundle" \
  "openssl dgst -sha256 $bundle" \
  "$bin -q $bundle" >/dev/null

python3 - "$bytes" <<'PY'
import json, sys
r = {x["command"].split()[0].split("/")[-1]: x for x in json.load(open("bench-data/integrity.json"))["results"]}
ours, sha = r["aeb-verify"], r["sha256sum"]
for name, x in r.items():
    print(f"{name:<12} median {x['median']*1e3:7.2f} ms  mean {x['mean']*1e3:7.2f} ms ± {x['stddev']*1e3:5.2f}")
print(f"ratio aeb-verify / sha256sum (median): {ours['median']/sha['median']:.2f}  (target: <= 1.00)")
PY
rss=$( { /usr/bin/time -f %M "$bin" -q "$bundle" >/dev/null; } 2>&1 | tail -1)
echo "peak RSS: ${rss} KiB = $(python3 -c "print(f'{$rss*1024/$bytes:.2f}')")x the file size (target: < 4x)"
