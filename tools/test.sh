#!/bin/sh
# Every test, on a fresh Debian machine: installs the tools the tests use,
# builds, runs the suite, then runs it again under AddressSanitizer and
# UndefinedBehaviorSanitizer.  CI (.ci/run) runs exactly this.
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh test
[ -x configure ] || ./autogen.sh >/dev/null 2>&1
[ -f config.mk ] || ./configure -q
make -s
make -s check
make -s check-sanitize
make -s distcheck
