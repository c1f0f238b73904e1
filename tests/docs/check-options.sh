#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The argp option table is the one source of truth: every long option that
# "vmemplan --help" lists must appear in the man page's OPTIONS section and
# in the bash, zsh and fish completions and in the README's option table;
# every short option in the man page and the bash completion.
#
# usage: tests/docs/check-options.sh [path/to/vmemplan]
# Prints "ok ..." or "FAIL ..." per check and "N passed, M failed"; exits 1
# on any failure.
set -u

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${1:-${VMEMPLAN:-$root/src/vmemplan}}
man=$root/man/vmemplan.1
bash_comp=$root/completions/vmemplan.bash
zsh_comp=$root/completions/_vmemplan
fish_comp=$root/completions/vmemplan.fish
readme=$root/README.md

# The short options that must exist whatever --help says.
required_short=(-d -a -p -m -k -j -b -V)

passed=0
failed=0
ok() { printf 'ok %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL %s\n' "$*"; failed=$((failed + 1)); }
finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	((failed == 0))
	exit
}

# An extended regular expression matching the string s literally.
ere_quote() { printf '%s' "$1" | sed 's/[][\.*^$?+(){}|/]/\\&/g'; }

# Text with the troff escapes that can appear inside option names removed:
# \- \& \% \fB \fI \fR \fP \f(XX \f[...] and \(aq.
detroff() {
	sed -e 's/\\f\[[^]]*\]//g' -e 's/\\f([A-Za-z][A-Za-z]//g' \
	    -e 's/\\f[A-Za-z1-9]//g' -e 's/\\-/-/g' -e 's/\\[&%]//g' \
	    -e "s/\\\\(aq/'/g"
}

if [[ ! -x $bin ]]; then
	fail "$bin is not an executable vmemplan binary"
	finish
fi
if ! help=$(ARGP_HELP_FMT='' LC_ALL=C "$bin" --help); then
	fail "'$bin --help' exits non-zero"
	finish
fi

# argp puts "  -x, --long" or "      --long" at the start of an option line;
# continuation lines of the descriptions are indented further.
mapfile -t longs < <(printf '%s\n' "$help" |
	sed -n -E 's/^( {2}-[^ ], | {6})--([A-Za-z0-9][A-Za-z0-9-]*).*/--\2/p' |
	sort -u)
mapfile -t shorts < <(printf '%s\n' "$help" |
	sed -n -E 's/^ {2}(-[^ ]), --.*/\1/p' | sort -u)

if ((${#longs[@]} == 0)); then
	fail "no long options found in '$bin --help'"
	finish
fi
ok "--help lists ${#longs[@]} long options: ${longs[*]}"

for s in "${required_short[@]}"; do
	found=0
	for h in "${shorts[@]}"; do
		[[ $h == "$s" ]] && found=1
	done
	if ((found)); then
		ok "--help lists $s"
	else
		fail "--help does not list the short option $s"
		shorts+=("$s")
	fi
done

# The man page's OPTIONS section, from ".SH OPTIONS" to the next ".SH".
if [[ ! -r $man ]]; then
	fail "$man is missing"
	man_opts=
else
	man_opts=$(awk '/^\.SH/ { on = ($2 == "OPTIONS") } on' "$man" | detroff)
	[[ -n $man_opts ]] || fail "no OPTIONS section in $man"
fi
bash_text=$(cat "$bash_comp" 2>/dev/null) || fail "$bash_comp is missing"
zsh_text=$(cat "$zsh_comp" 2>/dev/null) || fail "$zsh_comp is missing"
fish_text=$(cat "$fish_comp" 2>/dev/null) || fail "$fish_comp is missing"
# The README's option table: its rows start with "| `".
readme_opts=$(grep '^| `' "$readme" 2>/dev/null) || fail "no option table in README.md"

# has TEXT ERE: whether TEXT has a line matching ERE.
has() { printf '%s\n' "$1" | grep -Eq -- "$2"; }

# An option as a word of its own: not followed by more name characters, so
# that --map does not match --mapping.
B='(^|[^A-Za-z0-9_-])'
E='([^A-Za-z0-9_-]|$)'

for o in "${longs[@]}"; do
	name=${o#--}
	q=$(ere_quote "$o")
	qn=$(ere_quote "$name")
	if has "$man_opts" "$B$q$E"; then
		ok "man OPTIONS: $o"
	else
		fail "man OPTIONS: $o is missing from the OPTIONS section of man/vmemplan.1"
	fi
	if has "$bash_text" "$B$q$E"; then
		ok "bash completion: $o"
	else
		fail "bash completion: $o is missing from completions/vmemplan.bash"
	fi
	if has "$zsh_text" "$B$q$E"; then
		ok "zsh completion: $o"
	else
		fail "zsh completion: $o is missing from completions/_vmemplan"
	fi
	if has "$readme_opts" "$B$q$E"; then
		ok "README option table: $o"
	else
		fail "README option table: $o is missing from README.md's Options table"
	fi
	# fish spells long options "-l name" or "--long-option name".
	if has "$fish_text" "(^|[[:space:]])(-l|--long-option|--long)[[:space:]=]+['\"]?${qn}['\"]?$E"; then
		ok "fish completion: $o"
	else
		fail "fish completion: $o is missing from completions/vmemplan.fish (no '-l $name')"
	fi
done

# The man page's comment list of long options (for grep) equals --help's.
listed=$(sed -n 's/^\.\\" options: //p' "$man" 2>/dev/null | tr ' ' '\n' |
	grep . | sort -u | tr '\n' ' ')
want=$(printf '%s\n' "${longs[@]}" | sort -u | tr '\n' ' ')
if [[ $listed == "$want" ]]; then
	ok "man page option comment list matches --help"
else
	fail "man page '.\\\" options:' comment lists '$listed', --help has '$want'"
fi

for s in "${shorts[@]}"; do
	q=$(ere_quote "$s")
	if has "$man_opts" "$B$q$E"; then
		ok "man OPTIONS: $s"
	else
		fail "man OPTIONS: $s is missing from the OPTIONS section of man/vmemplan.1"
	fi
	if has "$bash_text" "$B$q$E"; then
		ok "bash completion: $s"
	else
		fail "bash completion: $s is missing from completions/vmemplan.bash"
	fi
done

finish
