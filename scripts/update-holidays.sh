#!/usr/bin/env bash
# Regenerates src/main/resources/holidays/jp.csv (Japanese public holidays, date,name_ja,name_en) and its
# PROVENANCE note from the npm package @holiday-jp/holiday_jp (MIT). The daily-check rotation skips these days.
#
# Why shipped data rather than a library: jollyday's Japan calendar lacks the equinoxes and still has the old
# Emperor's Birthday, so the bot would prompt people on public holidays.
#
# When to run: once a year, after the Cabinet Office announces the next year's holidays (the equinox days are
# fixed by an official gazette notice each February for the following year), or whenever the law changes
# (e.g. the 2020/2021 Olympic moves). The bot logs a warning when asked about a year beyond the data.
#
# How (needs node and npm; the npm registry is reachable from CI machines):
#   scripts/update-holidays.sh                    # latest published version
#   scripts/update-holidays.sh 2.5.1              # a given version
#   scripts/update-holidays.sh --package-dir DIR  # an already unpacked package (DIR/lib/holidays.js)
# then cross-check against the official list and review the diff before committing:
#   curl -sSLo /tmp/syukujitsu.csv https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv
#   scripts/update-holidays.sh --check /tmp/syukujitsu.csv
#   git diff src/main/resources/holidays/
#   mvn -B -o test -Dtest='JapaneseHolidays*'
# The Cabinet Office's syukujitsu.csv (Shift_JIS, "1955/1/1,元日") is the official source; it covers 1955 to next
# year only, so dates after that in jp.csv are holiday_jp's projections by the current law.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT_DIR="$ROOT/src/main/resources/holidays"
FIRST_YEAR=2000

package_dir=""
version="latest"
check_file=""
while [ $# -gt 0 ]; do
  case "$1" in
    --package-dir) package_dir="$2"; shift 2 ;;
    --check) check_file="$2"; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) version="$1"; shift ;;
  esac
done

if [ -n "$check_file" ]; then
  # Every official holiday from FIRST_YEAR on must be in jp.csv, and jp.csv must have nothing extra in the
  # years the official list covers.
  node - "$check_file" "$OUT_DIR/jp.csv" "$FIRST_YEAR" <<'EOF'
const fs = require('fs');
const [officialFile, csvFile, firstYear] = process.argv.slice(2);
const text = new TextDecoder('shift_jis').decode(fs.readFileSync(officialFile));
const official = new Map();
for (const line of text.split(/\r?\n/).slice(1)) {
  const m = line.match(/^(\d{4})\/(\d{1,2})\/(\d{1,2}),(.*)$/);
  if (!m || Number(m[1]) < Number(firstYear)) continue;
  official.set(`${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`, m[4].trim());
}
if (official.size === 0) { console.error(`${officialFile}: no holidays found; is it the Cabinet Office CSV?`); process.exit(2); }
const lastOfficialYear = Math.max(...[...official.keys()].map(d => Number(d.slice(0, 4))));
const ours = new Map(fs.readFileSync(csvFile, 'utf8').split('\n').slice(1).filter(Boolean)
  .map(l => l.split(',')).filter(f => Number(f[0].slice(0, 4)) <= lastOfficialYear).map(f => [f[0], f[1]]));
let problems = 0;
for (const [d, n] of official) if (!ours.has(d)) { console.log(`missing in jp.csv: ${d} ${n}`); problems++; }
for (const [d, n] of ours) if (!official.has(d)) { console.log(`not official:      ${d} ${n}`); problems++; }
console.log(`${official.size} official holidays ${firstYear}-${lastOfficialYear} compared, ${problems} differences`);
process.exit(problems === 0 ? 0 : 1);
EOF
  exit $?
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$package_dir" ]; then
  (cd "$work" && npm pack "@holiday-jp/holiday_jp@$version" --silent >/dev/null && tar xzf ./*.tgz)
  package_dir="$work/package"
fi
[ -f "$package_dir/lib/holidays.js" ] || { echo "no lib/holidays.js under $package_dir" >&2; exit 2; }

mkdir -p "$OUT_DIR"
node - "$package_dir" "$FIRST_YEAR" "$OUT_DIR" <<'EOF'
const fs = require('fs');
const path = require('path');
const [dir, firstYear, outDir] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const holidays = require(path.resolve(dir, 'lib/holidays.js'));
const rows = Object.keys(holidays).sort().filter(d => Number(d.slice(0, 4)) >= Number(firstYear)).map(d => {
  const h = holidays[d];
  for (const v of [h.date, h.name, h.name_en]) {
    // The Java reader splits on commas without quoting; fail loudly rather than ship a broken file.
    if (/[,"\n\r]/.test(v)) throw new Error(`${d}: unexpected comma, quote or newline in '${v}'`);
  }
  if (h.date !== d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`${d}: bad date '${h.date}'`);
  return `${d},${h.name},${h.name_en}`;
});
if (rows.length < 100) throw new Error(`only ${rows.length} holidays; refusing to write`);
fs.writeFileSync(path.join(outDir, 'jp.csv'), 'date,name_ja,name_en\n' + rows.join('\n') + '\n');
const license = fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8').trim();
const last = rows[rows.length - 1].slice(0, 10);
fs.writeFileSync(path.join(outDir, 'PROVENANCE'), `jp.csv: Japanese public holidays (国民の祝日・休日), ${firstYear} to ${last}
Generated by scripts/update-holidays.sh from lib/holidays.js of the npm package
${pkg.name} ${pkg.version} (${pkg.homepage}), licence ${pkg.license}.
Includes substitute holidays (振替休日), citizens' holidays (国民の休日) and one-off holidays.
Official cross-check: https://www8.cao.go.jp/chosei/shukujitsu/syukujitsu.csv (Cabinet Office), which covers
up to the next year; later dates are projections by the current law (equinoxes are announced each February).

Licence of the source data:

${license}
`);
console.log(`wrote ${rows.length} holidays (${firstYear} to ${last}) from ${pkg.name} ${pkg.version}`);
EOF
