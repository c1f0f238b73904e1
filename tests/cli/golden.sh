#!/usr/bin/env bash
# Golden transcripts: tests/cli/golden/NAME.args holds the arguments (one
# shell-quoted line); NAME.out, NAME.err and NAME.status the expected
# stdout, stderr and exit status.  The numbers in them are the ones the
# unit tests derive by hand (tests/unit/test_plan.c names the example).
# VP_REGEN=1 rewrites the expected files from the current binary; review
# the diff before committing it.
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
wrap=${VMEMPLAN_WRAP:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for a in tests/cli/golden/*.args; do
	n=${a%.args}
	eval "set -- $(cat "$a")"
	$wrap "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "${VP_REGEN:-}" = 1 ]; then
		cp "$tmp/out" "$n.out"
		cp "$tmp/err" "$n.err"
		echo "$rc" >"$n.status"
	fi
	# JSON is compared as data (jq -S), since json-c versions print
	# empty arrays differently; the text output is compared byte for byte.
	same_out=1
	case " $* " in
	*" --json "*)
		jq -S . "$tmp/out" >"$tmp/a" 2>&1 && jq -S . "$n.out" >"$tmp/b" 2>&1 &&
			cmp -s "$tmp/a" "$tmp/b" || same_out=0 ;;
	*)	cmp -s "$tmp/out" "$n.out" || same_out=0 ;;
	esac
	if [ $same_out = 1 ] && cmp -s "$tmp/err" "$n.err" &&
	   [ "$rc" = "$(cat "$n.status")" ]; then
		echo "ok   golden $(basename "$n"): vmemplan $(cat "$a")"
	else
		echo "FAIL golden $(basename "$n"): vmemplan $(cat "$a") (exit $rc, expected $(cat "$n.status"))"
		diff -u "$n.out" "$tmp/out" | head -20
		diff -u "$n.err" "$tmp/err" | head -10
		status=1
	fi
done
exit $status
