#!/usr/bin/env bash
# Copy the woff2 subsets the site uses from node_modules/@fontsource into site/static/fonts/,
# with the fonts' licence (SIL Open Font License 1.1). Run after `npm ci` when the pinned
# @fontsource versions in package.json change; the copied files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=site/static/fonts
mkdir -p "$dest"
copy() { # package subset [weights]
  for weight in ${3:-400 700}; do
    cp "node_modules/@fontsource/$1/files/$1-$2-$weight-normal.woff2" "$dest/"
  done
}
for subset in latin latin-ext cyrillic; do copy noto-sans "$subset"; done
copy noto-sans-arabic arabic
# Ethiopic: regular only (75 KB a weight; the page budget is 200 KB), bold is synthesised.
copy noto-sans-ethiopic ethiopic 400
cp node_modules/@fontsource/noto-sans/LICENSE "$dest/OFL-noto-sans.txt"
cp node_modules/@fontsource/noto-sans-arabic/LICENSE "$dest/OFL-noto-sans-arabic.txt"
cp node_modules/@fontsource/noto-sans-ethiopic/LICENSE "$dest/OFL-noto-sans-ethiopic.txt"
ls -l "$dest"
