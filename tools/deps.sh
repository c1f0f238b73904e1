#!/bin/sh
# Installs the Debian packages vmemplan needs that are not there yet.
#   tools/deps.sh build   compiler, autotools, json-c, libnuma
#   tools/deps.sh test    the build set plus every tool the tests use
set -eu
build="gcc make autoconf automake pkg-config libjson-c-dev libnuma-dev"
test="$build git jq groff-base mandoc man-db bash-completion zsh fish valgrind
      clang libclang-rt-14-dev libxml2-utils w3c-sgml-lib librsvg2-bin
      qemu-system-x86 cpio"
case "${1:-build}" in
build) want=$build ;;
test) want=$test ;;
*) echo "usage: $0 build|test" >&2; exit 64 ;;
esac
missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing:$missing"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
