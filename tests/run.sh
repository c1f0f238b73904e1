#!/usr/bin/env bash
# Runs every test: the unit tables, the CLI golden transcripts and error
# table, the JSON contract, and the documentation checks.  Ends with the
# line "N passed, M failed" and exits non-zero on any failure.
#   VMEMPLAN       the binary under test (default src/vmemplan)
#   UNIT_BINS      unit test binaries (the Makefile passes them)
#   VMEMPLAN_WRAP  a command to run every binary under (valgrind, ...)
set -u
cd "$(dirname "$0")/.."
export LC_ALL=C
unset ARGP_HELP_FMT
VMEMPLAN=${VMEMPLAN:-src/vmemplan}
export VMEMPLAN VMEMPLAN_WRAP=${VMEMPLAN_WRAP:-}
pass=0
fail=0

note() { # NAME STATUS [OUTPUT-FILE]
	if [ "$2" -eq 0 ]; then
		pass=$((pass + 1))
		echo "ok   $1"
	else
		fail=$((fail + 1))
		echo "FAIL $1"
		[ -n "${3:-}" ] && sed 's/^/     /' "$3" | head -40
	fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for t in ${UNIT_BINS:-}; do
	$VMEMPLAN_WRAP "$t" >"$tmp/out" 2>&1
	rc=$?
	note "$(basename "$t"): $(tail -n1 "$tmp/out")" $rc "$tmp/out"
done

for script in tests/cli/golden.sh tests/cli/errors.sh tests/cli/json-contract.sh tests/cli/install.sh \
	      tests/cli/output-errors.sh tests/cli/batch.sh tests/cli/numa.sh tests/cli/host.sh \
	      tests/cli/svg.sh; do
	bash "$script" >"$tmp/out" 2>&1
	rc=$?
	p=$(grep -c '^ok' "$tmp/out")
	f=$(grep -c '^FAIL' "$tmp/out")
	grep '^FAIL' -A12 "$tmp/out" | head -60
	pass=$((pass + p))
	fail=$((fail + f))
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
		note "$script exited $rc" 1 "$tmp/out"
	fi
	echo "     $script: $p passed, $f failed"
done

for script in tests/docs/check-options.sh tests/docs/check-man.sh; do
	[ -f "$script" ] || continue
	bash "$script" "$VMEMPLAN" >"$tmp/out" 2>&1
	note "$script" $? "$tmp/out"
done
if [ -f tests/docs/check-completions.sh ]; then
	bash tests/docs/check-completions.sh "$PWD" >"$tmp/out" 2>&1
	note tests/docs/check-completions.sh $? "$tmp/out"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
