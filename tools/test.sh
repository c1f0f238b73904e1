#!/bin/sh
# Every test, on a fresh Debian machine: installs the tools the tests use,
# builds, runs the suite, runs it again under AddressSanitizer and
# UndefinedBehaviorSanitizer, replays the fuzz seeds and regressions, and
# builds and tests the release tarball.  CI (.ci/run) runs exactly this.
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh test
[ -x configure ] || ./autogen.sh >/dev/null 2>&1
[ -f config.mk ] || ./configure -q
make -s
make -s check
make -s check-sanitize
FUZZ_REQUIRE=1 make -s fuzz-replay
make -s distcheck
