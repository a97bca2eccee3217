#!/usr/bin/env python3
"""How the audit's equations treat the doubles' rounding, held to an exact reading.

Usage:  python3 scripts/audit-rounding-check.py [SEED] [BUNDLES]   (from the repository root,
        after `cargo build`; needs `pip install rfc8785`)

1. Honest figures (no binary needed): random costs with cents, speed-ups and record counts;
   a publisher computes the ROI, the savings percentage, the time saving and the cost per
   record in doubles, in several orders ((t/p - 1) * 100, 100 * (t - p) / p, ...), and writes
   each at full precision and rounded. Each is compared with the value the audit computes,
   as src/audit/mod.rs does: within half a unit of the figure's last signed decimal plus
   the slack, 64 ulps of the figure (the old rule) or four times the formula's rounding
   bound (src/audit/exact.rs, Formula::noise). Prints the honest figures each rejects.
2. Dishonest and honest bundles (the binary): random consistent costs with figures
   nudged by a unit of their last decimal, verified in one batch; each equation's verdict
   is compared with Python's decimal module on the RFC 8785 decimals (the contract: the
   computed value, rounded to the decimals shown, equals the figure). Prints where they
   disagree: a figure whose last decimal is within the allowance for the doubles' rounding
   (four times the formula's bound: about 14 units in the last place for a cost per record,
   so one unit of a 10th decimal at 42,075 still passes). Cents above 2^44 no longer
   disagree: a difference is decided on the exact decimals or the publisher's double
   (spec 5.1); seed 7, 400 bundles: 27 disagreements, each a cost per record at 15 or more
   significant digits.
"""
import copy, hashlib, json, os, random, subprocess, sys, tempfile
from decimal import Decimal as D, getcontext

import rfc8785

getcontext().prec = 200
EPS = 2.0 ** -52
U = EPS / 2
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "debug", "aeb-verify")


def signed_decimals(v):
    d = D(rfc8785.dumps(float(v)).decode())
    return max(0, -d.as_tuple().exponent) if d != d.to_integral_value() else 0


# (value, bound) through the formula, as Formula::noise
def inp(x): return (x, U * abs(x))
def sub(a, b): r = a[0] - b[0]; return (r, a[1] + b[1] + U * abs(r))
def div(a, b): r = a[0] / b[0]; return (r, a[1] / abs(b[0]) + abs(a[0]) * b[1] / b[0] ** 2 + U * abs(r))
def mul(a, k): r = a[0] * k; return (r, a[1] * k + U * abs(r))


def accepts(found, computed, rule):
    expected, noise = computed
    allowed = 0.5 * 10.0 ** -min(signed_decimals(found), 300)
    slack = 64 * EPS * max(abs(found), abs(expected)) if rule == "64 ulps" else 4 * (noise + U * abs(found))
    return abs(found - expected) <= allowed + slack


def honest(n):
    rejected = {"64 ulps": 0, "formula bound": 0}
    for _ in range(n):
        p = round(random.uniform(0.01, 10 ** random.randint(0, 12)), 2)
        t = round(p * random.uniform(1.0001, 20), 2)
        s = random.uniform(1.0001, 50)
        recs = random.choice([1, 7, 1000, 12000000, 3 * 10 ** random.randint(0, 12)])
        T, P = inp(t), inp(p)
        roi, pct = mul(div(sub(T, P), P), 100), mul(div(sub(T, P), T), 100)
        ts = mul(sub((1.0, 0.0), div((1.0, 0.0), inp(s))), 100)
        cpr = div(P, inp(float(recs)))
        written = [((t / p - 1) * 100, roi), (100 * (t - p) / p, roi), ((t - p) * 100 / p, roi),
                   ((1 - p / t) * 100, pct), ((t - p) * 100 / t, pct), ((s - 1) / s * 100, ts),
                   (100 - 100 / s, ts), (p / recs, cpr), (p * (1 / recs), cpr)]
        for figure, computed in written:
            for f in (figure, round(figure, random.randint(0, 12))):
                for rule in rejected:
                    rejected[rule] += not accepts(f, computed, rule)
    print(f"honest figures: {n * 18}; rejected: {rejected}")


def seal(b):
    b = copy.deepcopy(b)
    b.pop("signatures", None)
    b["signatures"] = {"sha256": hashlib.sha256(rfc8785.dumps(b)).hexdigest()}
    return b


def exact_holds(found, expected, at_least=0):
    half = D(1) / (2 * D(10) ** max(signed_decimals(found), at_least))
    return abs(D(rfc8785.dumps(float(found)).decode()) - expected) <= half


def bundles(n):
    base = json.load(open(os.path.join(ROOT, "fixtures", "audit", "pass-base.json")))
    sd = lambda v: D(rfc8785.dumps(float(v)).decode())
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n):
            p = round(random.uniform(0.01, 10 ** random.randint(0, 13)), random.choice([0, 1, 2]))
            t = round(p * random.uniform(1.01, 30), random.choice([0, 1, 2]))
            if t <= p:
                continue
            P, T = sd(p), sd(t)
            sp = round(random.uniform(1.1, 20), random.choice([1, 2, 3]))
            recs = random.choice([1, 7, 1000, 1200000, 3 * 10 ** random.randint(0, 12)])
            exact = {"cost_savings_usd": T - P, "roi_percentage": (T - P) / P * 100,
                     "cost_savings_percentage": (T - P) / T * 100,
                     "time_savings_percentage": (1 - 1 / sd(sp)) * 100, "cost_per_record": P / recs}
            figures = {}
            for name, e in exact.items():
                d = random.randint(0, 12 if name == "cost_per_record" else 2)
                v = float(round(e, d) + random.choice([0, 0, 1, -1]) * D(10) ** -d)
                figures[name] = v if v > 0 else float(round(e, d))
            if figures["cost_savings_percentage"] > 100 or figures["time_savings_percentage"] > 100:
                continue
            b = copy.deepcopy(base)
            ca = b["cost_analysis"]
            ca["roi_analysis"].update(traditional_training_cost=t, platform_training_cost=p,
                                      cost_savings_usd=figures["cost_savings_usd"],
                                      roi_percentage=figures["roi_percentage"])
            ca["efficiency_gains"].update(cost_savings_percentage=figures["cost_savings_percentage"],
                                          vs_traditional_training=figures["cost_savings_percentage"] / 100,
                                          convergence_speedup=sp,
                                          time_savings_percentage=figures["time_savings_percentage"])
            ca["platform_costs"].update(total_cost_usd=p, records_processed=recs,
                                        cost_per_record=figures["cost_per_record"])
            b["enterprise_validation"] = {}
            name = f"c{i:05d}.json"
            with open(os.path.join(tmp, name), "w") as f:
                json.dump(seal(b), f)
            rules = {"audit." + k.replace("_", "-"): exact_holds(figures[k], e) for k, e in exact.items()}
            rules = {("audit.time-savings" if k == "audit.time-savings-percentage" else k): v
                     for k, v in rules.items()}
            cases.append((name, rules, figures, t, p, sp, recs))
        out = subprocess.run([BIN, "--format", "json", "--now", "2026-11-25T12:00:00Z", tmp],
                             capture_output=True, text=True).stdout
    report = {os.path.basename(b["file"]): b for b in json.loads(out)["bundles"]}
    disagree = 0
    for name, rules, figures, t, p, sp, recs in cases:
        errors = {f["rule"] for f in report[name]["findings"] if f["severity"] == "error"}
        for rule, holds in rules.items():
            if (rule in errors) == holds:
                disagree += 1
                print(f"  {rule}: exact says {'holds' if holds else 'FAILS'}; t={t} p={p} speed-up={sp} "
                      f"records={recs} {figures}")
    print(f"bundles: {len(cases)}; disagreements with the exact reading: {disagree}")


if __name__ == "__main__":
    random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    honest(n * 100)
    bundles(n)
