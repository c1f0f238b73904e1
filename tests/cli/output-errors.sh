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
	[ $rc -eq 74 ] && [[ $err == *"write error on standard output: No space left on device"* ]]
	check "text to /dev/full exits 74 with a message" $? "exit $rc, stderr '$err'"
	err=$("$bin" --device 1T --json 2>&1 >/dev/full)
	rc=$?
	[ $rc -eq 74 ] && [[ $err == *"write error"* ]]
	check "JSON to /dev/full exits 74 with a message" $? "exit $rc, stderr '$err'"
fi

# -o FILE: written like stdout; a file that cannot be created, or a full
# disk behind it, is exit 74 naming the file.
tmpd=$(mktemp -d)
"$bin" --device 1T --json -o "$tmpd/plan.json" >"$tmpd/stdout" &&
	[ ! -s "$tmpd/stdout" ] && jq -e '.totals.usable_bytes == 1098435788800' "$tmpd/plan.json" >/dev/null
check "-o FILE gets the output, stdout nothing" $? "$(ls -l "$tmpd")"
err=$("$bin" --device 1T -o "$tmpd/no/such/dir/x" 2>&1)
rc=$?
[ $rc -eq 74 ] && [[ $err == *"cannot write '$tmpd/no/such/dir/x': No such file or directory"* ]]
check "-o into a missing directory exits 74 naming it" $? "exit $rc, stderr '$err'"
if [ -w /dev/full ]; then
	err=$("$bin" --sweep 1G..1T --format csv -o /dev/full 2>&1)
	rc=$?
	[ $rc -eq 74 ] && [[ $err == *"write error on /dev/full"* ]]
	check "a sweep to -o /dev/full exits 74" $? "exit $rc, stderr '$err'"
fi
echo keep >"$tmpd/keep"
"$bin" --plan /nonexistent -o "$tmpd/keep" 2>/dev/null
[ $? -eq 64 ] && [ "$(cat "$tmpd/keep")" = keep ]
check "a usage error leaves an existing -o file alone" $? "$(cat "$tmpd/keep")"
rm -rf "$tmpd"

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
