#!/usr/bin/env bash
# Output that cannot be written is an error, never a silent exit 0; a reader
# that goes away ends the program quietly, as it ends other filters.
set -u
cd "$(dirname "$0")/../.."
bin=${VMEMPLAN:-src/vmemplan}
status=0
check() { # NAME CONDITION-STATUS DETAIL
	if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1: $3"; status=1; fi
}

if [ -w /dev/full ]; then
	err=$("$bin" --device 1T 2>&1 >/dev/full)
	rc=$?
	[ $rc -eq 74 ] && [[ $err == *"write error: No space left on device"* ]]
	check "text to /dev/full exits 74 with a message" $? "exit $rc, stderr '$err'"
	err=$("$bin" --device 1T --json 2>&1 >/dev/full)
	rc=$?
	[ $rc -eq 74 ] && [[ $err == *"write error"* ]]
	check "JSON to /dev/full exits 74 with a message" $? "exit $rc, stderr '$err'"
fi

err=$("$bin" --device 1T 2>&1 >&-)
rc=$?
[ $rc -eq 74 ] && [[ $err == *"write error"* ]]
check "closed stdout exits 74 with a message" $? "exit $rc, stderr '$err'"

# The reader is gone before vmemplan writes: SIGPIPE, and nothing on stderr.
errfile=$(mktemp)
{ sleep 0.3; "$bin" --device 1T 2>"$errfile"; echo $? >"$errfile.rc"; } | true
rc=$(cat "$errfile.rc")
[ "$rc" -eq 141 ] && [ ! -s "$errfile" ]
check "closed pipe ends quietly (SIGPIPE)" $? "exit $rc, stderr '$(cat "$errfile")'"
rm -f "$errfile" "$errfile.rc"

# --help and --version go to stdout and exit 0.
out=$("$bin" --version 2>/dev/null) && [[ $out == "vmemplan "* ]]
check "--version on stdout, exit 0" $? "'$out'"
out=$("$bin" --help 2>/dev/null) && [[ $out == *"--device"* ]]
check "--help on stdout, exit 0" $? ""
[ "$("$bin" -h 2>/dev/null)" = "$out" ]
check "-h is --help" $? ""
exit $status
