#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# man/vmemplan.1 must lint clean, and every EXAMPLE must do what the page
# says: each line of the EXAMPLES section that begins with "$ vmemplan" is
# run, with the binary under test in place of "vmemplan", and must exit 0;
# an example whose shown output says the kernel "would refuse" the layout
# must exit 1.
#
# usage: tests/docs/check-man.sh [path/to/vmemplan]
# Prints "ok ..." or "FAIL ..." per check ("skip ..." for a check that cannot
# run here) and "N passed, M failed"; exits 1 on any failure.
set -u

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${1:-${VMEMPLAN:-$root/src/vmemplan}}
man=$root/man/vmemplan.1

passed=0
failed=0
ok() { printf 'ok %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL %s\n' "$*"; failed=$((failed + 1)); }
skip() { printf 'skip %s\n' "$*"; }
finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	((failed == 0))
	exit
}
# Indents captured output under a FAIL line.
show() { [[ -n $1 ]] && printf '%s\n' "$1" | sed 's/^/    /'; }

if [[ ! -r $man ]]; then
	fail "$man is missing"
	finish
fi

# 1. Lint.  Both linters must be silent, style messages included.
if command -v groff >/dev/null 2>&1; then
	out=$(LC_ALL=C groff -man -ww -z "$man" 2>&1)
	rc=$?
	if ((rc == 0)) && [[ -z $out ]]; then
		ok "groff -man -ww -z man/vmemplan.1"
	else
		fail "groff -man -ww -z man/vmemplan.1 (exit $rc)"
		show "$out"
	fi
else
	fail "groff -man -ww -z: groff is not installed"
fi
if command -v mandoc >/dev/null 2>&1; then
	out=$(LC_ALL=C mandoc -Tlint "$man" 2>&1)
	rc=$?
	if ((rc == 0)) && [[ -z $out ]]; then
		ok "mandoc -Tlint man/vmemplan.1"
	else
		fail "mandoc -Tlint man/vmemplan.1 (exit $rc)"
		show "$out"
	fi
else
	skip "mandoc -Tlint: mandoc is not installed"
fi

# 2. The examples.
if [[ ! -x $bin ]]; then
	fail "$bin is not an executable vmemplan binary"
	finish
fi
case $bin in
/*) abs=$bin ;;
*) abs=$PWD/$bin ;;
esac

# The EXAMPLES section as text: troff escapes replaced by what they print
# (\e last, so that "\e-" stays a backslash and a hyphen).
examples=$(awk '/^\.SH/ { on = ($2 == "EXAMPLES") } on' "$man" |
	sed -e 's/\\e/\x01/g' \
	    -e 's/\\f\[[^]]*\]//g' -e 's/\\f([A-Za-z][A-Za-z]//g' \
	    -e 's/\\f[A-Za-z1-9]//g' \
	    -e 's/\\-/-/g' -e 's/\\[&%]//g' -e 's/\\[~ ]/ /g' \
	    -e "s/\\\\(aq/'/g" -e 's/\\(dq/"/g' -e 's/\\(ti/~/g' \
	    -e 's/\\(ha/^/g' -e 's/\\(rs/\x01/g' -e 's/\x01/\\/g')
if [[ -z $examples ]]; then
	fail "no EXAMPLES section in man/vmemplan.1"
	finish
fi

# Each "$ vmemplan" line, with the exit status the page implies: 1 when
# the lines shown after it (up to the next "$ " line or the end of the
# example block) say the kernel would refuse the layout, else 0.
cmds=()
want=()
current=-1
while IFS= read -r line; do
	if [[ $line == '$ vmemplan' || $line == '$ vmemplan '* ]]; then
		cmds+=("${line#\$ }")
		want+=(0)
		current=$((${#cmds[@]} - 1))
	elif [[ $line == '$ '* || $line == .EE* || $line == .SH* ]]; then
		current=-1
	elif ((current >= 0)) && [[ $line == *'would refuse'* ]]; then
		want[current]=1
	fi
done <<<"$examples"

if ((${#cmds[@]} == 0)); then
	fail "no '\$ vmemplan' lines in the EXAMPLES section"
	finish
fi
refusals=0
for w in "${want[@]}"; do ((w == 1)) && refusals=$((refusals + 1)); done
if ((refusals > 0)); then
	ok "EXAMPLES: ${#cmds[@]} commands, $refusals shown as refused"
else
	fail "EXAMPLES: no example shows a refused layout"
fi

# The binary, quoted for bash -c, with an optional wrapper (valgrind).
qbin=$(printf '%q' "$abs")
[[ -n ${VMEMPLAN_WRAP:-} ]] && qbin="$VMEMPLAN_WRAP $qbin"

# Examples that write files (-o) write them in a scratch directory.
exdir=$(mktemp -d)
trap 'rm -rf "$exdir"' EXIT
qdir=$(printf '%q' "$exdir")

for i in "${!cmds[@]}"; do
	cmd=${cmds[i]}
	run="${qbin}${cmd#vmemplan}"
	for tool in $(printf '%s\n' "$cmd" | grep -oE '\|[[:space:]]*[A-Za-z0-9_.-]+' |
		sed -E 's/^\|[[:space:]]*//'); do
		if ! command -v "$tool" >/dev/null 2>&1; then
			skip "example: $cmd ($tool is not installed)"
			continue 2
		fi
	done
	# Any further "vmemplan" in the line (after a pipe, say) is the binary
	# under test too.
	prelude="cd $qdir || exit 99; vmemplan() { $qbin \"\$@\"; }"
	if ((want[i] == 1)); then
		err=$(LC_ALL=C bash -c "$prelude; $run" 2>&1 >/dev/null)
		rc=$?
		if ((rc == 1)) && [[ $err == *'would refuse'* ]]; then
			ok "example (refused, exit 1): $cmd"
		else
			fail "example (refused, exit 1): $cmd exits $rc"
			show "$err"
		fi
	else
		err=$(LC_ALL=C bash -c "set -o pipefail; $prelude; $run" 2>&1 >/dev/null)
		rc=$?
		if ((rc == 0)); then
			ok "example: $cmd"
		else
			fail "example: $cmd exits $rc, not 0"
			show "$err"
		fi
	fi
done

finish
