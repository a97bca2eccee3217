#!/usr/bin/env python3
"""Writes the benchmark bundle: the seed example plus an extension member holding
small records, pretty-printed, sealed with its correct hash.

usage: gen-bundle.py OUT.json [RECORDS]   (53000 records, the default, is about 10 MB)

The hash is computed by `aeb-verify digest` when AEB_VERIFY is set to the binary,
otherwise by the Python `rfc8785` package (pip install rfc8785). Deterministic: the
same arguments give the same bytes.
"""
import hashlib, json, os, random, subprocess, sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 53000
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "fixtures", "seed-example.json"), encoding="utf-8") as f:
    bundle = json.load(f)
rng = random.Random(8785)
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "München", "日本"]
bundle["sample_records"] = [
    {
        "id": i,
        "name": f"{rng.choice(words)}-{rng.choice(words)}-{i}",
        "score": round(rng.random() * 100, rng.randint(1, 4)),
        "tags": rng.sample(words, 2),
        "active": rng.random() < 0.5,
        "count": rng.randint(0, 1000),
    }
    for i in range(n)
]
# The seed's "..." placeholders fail the v1.0 schema; a benchmark bundle should verify.
bundle["schema_hash"] = hashlib.sha256(b"benchmark data schema").hexdigest()
bundle["recipe_hash"] = hashlib.sha256(b"benchmark recipe").hexdigest()
bundle["signatures"] = {"sha256": "", "pgp": None}
text = json.dumps(bundle, indent=2, ensure_ascii=False) + "\n"
with open(out, "w", encoding="utf-8") as f:
    f.write(text)
binary = os.environ.get("AEB_VERIFY")
if binary:
    digest = subprocess.run([binary, "digest", out], check=True, capture_output=True, text=True).stdout.strip()
else:
    import rfc8785
    payload = {k: v for k, v in bundle.items() if k != "signatures"}
    digest = hashlib.sha256(rfc8785.dumps(payload)).hexdigest()
bundle["signatures"]["sha256"] = digest
with open(out, "w", encoding="utf-8") as f:
    f.write(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n")
