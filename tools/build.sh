#!/bin/sh
# Fresh Debian machine to a built vmemplan: installs what is missing,
# generates ./configure, configures and builds.  Then run, for example,
#   src/vmemplan --device 1T --page-size 64K
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh build
[ -x configure ] || ./autogen.sh >/dev/null 2>&1
[ -f config.mk ] || ./configure -q
make -s
