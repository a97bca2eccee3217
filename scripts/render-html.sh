#!/bin/sh
# Renders an aeb-verify HTML report to a PNG (first screen) and a PDF with headless
# Chromium, to look at what an auditor will print. Offline: the page loads nothing.
#
#   scripts/render-html.sh [BUNDLE] [OUTDIR]
#   (default: fixtures/seed-example-sealed.json, target/html-render)
#
# Needs `chromium` (Debian: apt-get install chromium). The report is judged at a fixed
# --now so the pictures are reproducible.
set -eu
bundle=${1:-fixtures/seed-example-sealed.json}
out=${2:-target/html-render}
mkdir -p "$out"
html="$out/report.html"
cargo run -q -- --format html --now 2026-11-25T00:00:00Z "$bundle" > "$html" || [ $? -eq 1 ]
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
# --no-sandbox: Chromium's sandbox needs user namespaces, often missing in containers.
flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --hide-scrollbars"
chromium $flags --window-size=1100,1400 --screenshot="$out/report.png" "$url" 2>/dev/null
chromium $flags --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "$url" 2>/dev/null
echo "$html"
echo "$out/report.png"
echo "$out/report.pdf"
