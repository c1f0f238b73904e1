#!/usr/bin/env bash
# "make install DESTDIR=..." puts every file where vmemplan(1) and the
# packaging conventions say, the installed page and completion work, and
# "make uninstall" takes them away again.
set -u
cd "$(dirname "$0")/../.."
status=0
check() { if [ "$2" -eq 0 ]; then echo "ok   $1"; else echo "FAIL $1"; status=1; fi; }
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

eval "$(make -s --no-print-directory show-dirs)"
make -s --no-print-directory install DESTDIR="$dest" >/dev/null 2>&1
check "make install DESTDIR" $?
for f in "$bindir/vmemplan" "$man1dir/vmemplan.1" "$bashcompdir/vmemplan" \
	 "$zshcompdir/_vmemplan" "$fishcompdir/vmemplan.fish"; do
	[ -f "$dest$f" ]
	check "installed $f" $?
done
[ -x "$dest$bindir/vmemplan" ] && [ ! -x "$dest$man1dir/vmemplan.1" ] &&
	[ ! -x "$dest$bashcompdir/vmemplan" ]
check "binary executable, data files not" $?
"$dest$bindir/vmemplan" --device 1T >/dev/null
check "installed binary runs" $?
mandir=${man1dir%/man1}
MANPATH="$dest$mandir" MANPAGER=cat MANWIDTH=80 man vmemplan 2>/dev/null |
	grep -q "vmemplan - "
check "MANPATH=$dest$mandir man vmemplan shows the page" $?
reply=$(bash --norc --noprofile -c '
	source "$1"
	COMP_WORDS=(vmemplan --mmu "") COMP_CWORD=2 COMP_LINE="vmemplan --mmu " COMP_POINT=15
	fn=$(complete -p vmemplan | sed -n "s/.*-F \([^ ]*\).*/\1/p")
	"$fn" vmemplan "" --mmu
	printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$dest$bashcompdir/vmemplan")
[ "$reply" = "hash radix " ]
check "installed bash completion: vmemplan --mmu <Tab> -> hash radix (got '$reply')" $?
make -s --no-print-directory uninstall DESTDIR="$dest" >/dev/null 2>&1
left=$(find "$dest" -type f | wc -l)
[ "$left" -eq 0 ]
check "make uninstall removes every file ($left left)" $?
exit $status
