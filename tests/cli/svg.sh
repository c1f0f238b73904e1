#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# --format svg: every picture is valid SVG 1.1 (xmllint against the W3C
# DTD from Debian's w3c-sgml-lib, offline), renders with rsvg-convert, and
# the README's pictures (docs/img) are what the binary draws today.
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
wrap=${VMEMPLAN_WRAP:-}
dtd=/usr/share/xml/w3c-sgml-lib/schema/dtd/REC-SVG11-20110816/svg11.dtd
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() { if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; status=1; fi; }

for tool in xmllint rsvg-convert; do
	command -v $tool >/dev/null || { echo "FAIL $tool is not installed (tools/deps.sh test)"; exit 1; }
done
[ -r "$dtd" ] || { echo "FAIL $dtd is missing (w3c-sgml-lib)"; exit 1; }

# name|arguments: the README's pictures first (docs/img/NAME.svg).
cases=(
	"layout|--device 1T --page-size 64K"
	"compare|--arch x86_64 --device 36G@0x3162000000 --compare map=dev,mem"
	"sweep|--sweep 1G..64T:x2 --mmu hash --compare page-size=4K,64K"
	"x86-partial|--arch x86_64 --device 64M@0x400200000"
	"sweep-linear-refused|--sweep 8M..64M:8M --mmu hash"
	"compare-refused|--device 64G@0x100200000 --compare mmu=radix,hash"
	"sweep-one-size|--sweep 16P..16P:1G"
	"plan-two-devices|--device 16G --device 64G --arch x86_64"
)
for c in "${cases[@]}"; do
	name=${c%%|*}
	args=${c#*|}
	# shellcheck disable=SC2086
	$wrap "$bin" $args --format svg -o "$tmp/$name.svg"
	rc=$?
	check "$name: exit $rc" $([ $rc -le 1 ]; echo $?)
	xmllint --noout --nonet --dtdvalid "$dtd" "$tmp/$name.svg" 2>"$tmp/err"
	check "$name: valid SVG 1.1" $?
	[ -s "$tmp/err" ] && sed 's/^/     /' "$tmp/err" | head -5
	rsvg-convert -o "$tmp/$name.png" "$tmp/$name.svg" 2>"$tmp/err" &&
		[ -s "$tmp/$name.png" ]
	check "$name: renders to PNG" $?
	if [ -e "docs/img/$name.svg" ]; then
		cmp -s "docs/img/$name.svg" "$tmp/$name.svg"
		check "$name: docs/img/$name.svg is current (VP_REGEN=1 rewrites it)" $?
		[ -n "${VP_REGEN:-}" ] && cp "$tmp/$name.svg" "docs/img/$name.svg"
	fi
done
# A plan picture names its numbers: the 1 TiB radix example's usable size.
grep -q "data 1022.99 GiB" "$tmp/layout.svg"
check "layout: the legend gives the data size" $?
# Refused combinations are listed, not drawn.
grep -q "refused\|misaligned" "$tmp/compare-refused.svg"
check "compare-refused: the refusal is written in the picture" $?
exit $status
