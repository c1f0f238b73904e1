#!/bin/sh
# Every test, on a fresh Debian machine: installs the tools the tests use,
# builds, runs the suite, builds and tests the release tarball, replays the
# fuzz seeds and regressions, and runs the suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer.  CI (.ci/run) runs
# exactly this.
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh test
[ -x configure ] || ./autogen.sh >/dev/null 2>&1
[ -f config.mk ] || ./configure -q
make -s
make -s check
make -s distcheck
FUZZ_REQUIRE=1 make -s fuzz-replay
# Last, so that its "N passed, M failed" line closes the output.
make -s check-sanitize
