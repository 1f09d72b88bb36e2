#!/bin/sh
# Writes the search library (MiniSearch) and the stemmer into templates/assets from the versions
# pinned in package.json, minified, each under its licence. To update: change the versions in
# package.json, run `sh vendor.sh` here, then `node compare.mjs ../../_site` on a fresh build and
# the browser tests (SearchRelevanceTests).
set -eu
cd "$(dirname "$0")"
npm install --no-audit --no-fund >/dev/null
assets=../../templates/assets

vendor() { # package, file inside it, licence file, output name
  version=$(node -p "require('./node_modules/$1/package.json').version")
  {
    printf '/*! %s %s (npm), minified by tests/search-libraries/vendor.sh.\n' "$1" "$version"
    sed 's/^/ * /; s/ *$//' "node_modules/$1/$3"
    printf ' */\n'
    npx terser "node_modules/$1/$2" --module --compress --mangle --comments false
  } > "$assets/$4"
  echo "$assets/$4: $1 $version, $(wc -c < "$assets/$4") bytes"
}

vendor minisearch dist/es/index.js LICENSE.txt minisearch.js
vendor stemmer index.js license stemmer.js
