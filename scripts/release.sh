#!/usr/bin/env bash
# Tags a release of memgate: vX.Y.Z on HEAD, and moves the major tag (v0, v1...) to it, which is what
# users pin (`uses: memgate/memgate@v0`). Nothing is pushed unless --push is given.
#
#   scripts/release.sh X.Y.Z [--push] [--remote NAME]
#
# Before: package.json's version is X.Y.Z, CHANGELOG.md has a `## [X.Y.Z] - YYYY-MM-DD` section
# (moved out of [Unreleased]), both committed; the tree is clean and dist/ matches the sources.
# After a push, .github/workflows/release.yml publishes the GitHub release from that section.
set -euo pipefail

usage() { echo "usage: $0 X.Y.Z [--push] [--remote NAME]" >&2; exit 2; }
fail() { echo "release: $*" >&2; exit 1; }

version="" push=0 remote=origin
while [ $# -gt 0 ]; do
  case "$1" in
    --push) push=1 ;;
    --remote) [ $# -ge 2 ] || usage; remote="$2"; shift ;;
    -h|--help) usage ;;
    -*) echo "release: unknown option $1" >&2; usage ;;
    *) [ -z "$version" ] || usage; version="$1" ;;
  esac
  shift
done
[ -n "$version" ] || usage
[[ "$version" =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] ||
  fail "\"$version\" is not a version X.Y.Z (no leading v, no pre-release suffix)"
major="v${BASH_REMATCH[1]}"
tag="v$version"

cd "$(git rev-parse --show-toplevel)"
[ -z "$(git status --porcelain)" ] || fail "the working tree has uncommitted changes: commit or remove them first"
if git rev-parse -q --verify "refs/tags/$tag" >/dev/null; then fail "$tag exists already: pick the next version"; fi
pkg_version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
[ "$pkg_version" = "$version" ] || fail "package.json says version \"$pkg_version\": set it to $version and commit"
grep -qE "^## \[$(sed 's/\./\\./g' <<<"$version")\] - [0-9]{4}-[0-9]{2}-[0-9]{2}\$" CHANGELOG.md ||
  fail "CHANGELOG.md has no \"## [$version] - YYYY-MM-DD\" section: move the [Unreleased] entries under one and commit"
# dist/ is what `uses:` runs: it must be the build of these sources (the same check as npm test's).
npm run --silent build -- --check || fail "dist/ does not match the sources: npm run build, commit dist/"

git tag -a "$tag" -m "memgate $version"
# The major tag moves to every release of its major version; -f replaces the one there.
git tag -f -a "$major" -m "memgate $major (latest: $version)" "$tag^{commit}" >/dev/null
echo "release: tagged $tag and moved $major to $(git rev-parse --short "$tag^{commit}")"

if [ "$push" = 1 ]; then
  git push "$remote" "refs/tags/$tag"
  git push --force "$remote" "refs/tags/$major"
else
  echo "release: not pushed; to publish:"
  echo "  git push $remote refs/tags/$tag && git push --force $remote refs/tags/$major"
fi
