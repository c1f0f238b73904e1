#!/bin/sh
# Generates ./configure from configure.ac (needs autoconf and pkg-config).
set -e
cd "$(dirname "$0")"
autoreconf --install --force
