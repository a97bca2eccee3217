#!/usr/bin/env python3
"""Seed fuzz corpora from fixtures/ (run from fuzz/: python3 seed-corpora.py [DIR]).

Writes DIR/reader, DIR/pgp_signature, DIR/kms_signature, DIR/key_files, DIR/verify,
DIR/diff, DIR/delta_table and DIR/cert_files (DIR defaults to corpus/; files already there are kept). verify's corpus is the
bundles themselves (../fixtures/**/*.json), each behind a byte picking the policy; diff's is pairs of them, OLD NUL NEW: each
bundle beside itself and beside the next bundle of its directory. Each input is shaped as its target reads it: pgp_signature
takes the armored text or the raw packet bytes, kms_signature one byte picking the
algorithm name and then the signature (raw or as text), key_files any key file.
"""
import base64
import glob
import hashlib
import json
import os
import re
import sys

# The order of ALGORITHMS in fuzz_targets/kms_signature.rs.
ALGS = ["ECDSA_SHA_256", "ECDSA_SHA_384", "ES256", "RSASSA_PSS_SHA_256", "RSASSA_PKCS1_V1_5_SHA_512",
        "RSA_SIGN_PKCS1_2048_SHA256", "RSA_SIGN_PSS_3072_SHA256", "PS384", "EdDSA", "ED25519_SHA_512",
        "EC_SIGN_ED25519", "ECDSA_SHA_512"]
out = sys.argv[1] if len(sys.argv) > 1 else "corpus"


def put(target, data):
    os.makedirs(os.path.join(out, target), exist_ok=True)
    with open(os.path.join(out, target, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def entries(x):
    return x if isinstance(x, list) else [x] if isinstance(x, dict) else []


for f in glob.glob("../fixtures/jcs/input/*.json") + glob.glob("../fixtures/read/*.json"):
    put("reader", open(f, "rb").read())
for f in glob.glob("../fixtures/signatures/certs/*.asc") + glob.glob("../fixtures/signatures/certs/*.gpg") + glob.glob(
        "../fixtures/signatures/kms/*"):
    put("key_files", open(f, "rb").read())
for f in glob.glob("../fixtures/signatures/bundles/*.json"):
    try:
        sigs = json.load(open(f)).get("signatures") or {}
    except ValueError:
        continue
    for e in entries(sigs.get("pgp")):
        sig = e.get("signature")
        if isinstance(sig, str):
            put("pgp_signature", sig.encode())
            body = re.search(r"\n\n(.*?)\n=", sig, re.S)
            if body:
                put("pgp_signature", base64.b64decode(body.group(1)))
    for e in entries(sigs.get("kms")):
        sig, alg = e.get("signature"), e.get("algorithm")
        if isinstance(sig, str):
            pick = bytes([ALGS.index(alg) if alg in ALGS else 0])
            try:
                put("kms_signature", pick + base64.b64decode(sig))
            except ValueError:
                pass
            put("kms_signature", pick + sig.encode())

bundles = sorted(f for f in glob.glob("../fixtures/**/*.json", recursive=True) if "_delta_log" not in f)
# verify's first byte picks the policy (byte % 6: strict off/on x profile
# none/public/marketplace); each bundle goes in under two of the six, in turn.
for i, f in enumerate(bundles):
    d = open(f, "rb").read()
    put("verify", bytes([(2 * i) % 6]) + d)
    put("verify", bytes([(2 * i + 1) % 6]) + d)
by_dir = {}
for f in bundles:
    by_dir.setdefault(os.path.dirname(f), []).append(open(f, "rb").read())
for docs in by_dir.values():
    docs = [d for d in docs if len(d) < 65536]
    for i, d in enumerate(docs[:60]):
        put("diff", d + b"\0" + d)
        put("diff", d + b"\0" + docs[(i + 1) % len(docs)])

# delta_table's first byte picks what the rest is (byte % 2): 0, the checkpoint a table's
# `_last_checkpoint` points at; 1, a table's first commit. Every checkpoint and commit of
# the table fixtures, the hostile ones included.
for f in sorted(glob.glob("../fixtures/tables/**/_delta_log/*.checkpoint.parquet", recursive=True)):
    put("delta_table", b"\0" + open(f, "rb").read())
for f in sorted(glob.glob("../fixtures/tables/**/_delta_log/*.json", recursive=True)):
    put("delta_table", b"\1" + open(f, "rb").read())

# cert_files' first byte picks the files (byte % 3): the rest as one --cert file, split in
# two, or beside the designated-revoker fixture's revoker and signer. Every certificate,
# keyring and revocation of the signature fixtures, under each.
keys = sorted(f for pat in ("*.asc", "*.gpg", "*.rev")
              for f in glob.glob("../fixtures/signatures/**/" + pat, recursive=True))
for i, f in enumerate(keys):
    put("cert_files", bytes([i % 3]) + open(f, "rb").read())
