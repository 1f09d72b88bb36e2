#!/usr/bin/env bash
# Benchmarks RoadmapGen against Hugo on deterministic synthetic content, then races link checkers
# (roadmapgen check, linkchecker, linkinator) on a copy of Hugo's output with injected broken links.
#
#   tests/bench/run.sh                                # sizes 1000,10000, 3 runs each (tens of minutes)
#   tests/bench/run.sh --sizes 200 --runs 1           # quick mode, for CI
#   tests/bench/run.sh --help                         # every option
#
# Works from any folder. Installs nothing: missing tools are skipped with a hint. Output, logs and
# report.txt go to tests/bench/out/ (git-ignored). Exit 1 when a build fails or roadmapgen check
# misses an injected problem or reports a false one.
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$bench_dir/../.." && pwd)"
out="$bench_dir/out"
mkdir -p "$out"

build_generator=1
for arg in "$@"; do
  case "$arg" in
    # --roadmapgen PATH: measure a binary published already (CI publishes it once).
    --no-roadmapgen | --help | -h | --roadmapgen) build_generator=0 ;;
  esac
done

command -v hugo >/dev/null 2>&1 ||
  echo "run.sh: hugo not found, the Hugo comparison will be skipped. Install it with: apt-get install hugo"
command -v linkchecker >/dev/null 2>&1 ||
  echo "run.sh: linkchecker not found, it will not race. Install it with: apt-get install linkchecker"
command -v linkinator >/dev/null 2>&1 || [ -x "$out/node_modules/.bin/linkinator" ] ||
  echo "run.sh: linkinator not found, it will not race. Install it with: npm install -g linkinator (or: npm install --prefix tests/bench/out linkinator)"
[ -x /usr/bin/time ] ||
  echo "run.sh: GNU time not found, peak memory will be polled from /proc instead. Install it with: apt-get install time"

# Builds a project in Release, showing the build's output only when it fails.
build() {
  local log="$out/build-$1.log"
  echo "run.sh: building $1 (Release)"
  if ! dotnet build "$2" -c Release -nologo >"$log" 2>&1; then
    grep -E "error|warning" "$log" | sort -u >&2 || cat "$log" >&2
    echo "run.sh: $1 does not build (full log: $log)" >&2
    return 1
  fi
}

# RoadmapGen is measured as it ships: the native (AOT) binary, which needs clang and zlib1g-dev.
publish_roadmapgen() {
  local log="$out/build-roadmapgen.log"
  echo "run.sh: publishing roadmapgen (Release, Native AOT; a few minutes)"
  if ! dotnet publish "$root/generator" -c Release -o "$out/roadmapgen" -nologo >"$log" 2>&1; then
    grep -E "error|warning" "$log" | sort -u >&2 || cat "$log" >&2
    echo "run.sh: roadmapgen does not build (full log: $log)" >&2
    return 1
  fi
}

if [ "$build_generator" = 1 ] && ! publish_roadmapgen; then
  echo "run.sh: fix it, or pass --no-roadmapgen to benchmark the rest." >&2
  exit 1
fi
build bench "$bench_dir/Bench"

exec dotnet "$bench_dir/Bench/bin/Release/net10.0/Bench.dll" --root "$root" --out "$out" "$@"
