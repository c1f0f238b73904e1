#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The shell completions load and complete: bash (without bash-completion,
# and with it when it is installed), zsh (syntax) and fish (syntax, and
# "vmemplan --mmu " completes to hash and radix).
#
# usage: tests/docs/check-completions.sh [repo-root]
# Prints "ok ..." or "FAIL ..." per check and "N passed, M failed"; exits 1
# on any failure.  A missing zsh or fish is a failure.
set -u

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
bash_comp=$root/completions/vmemplan.bash
zsh_comp=$root/completions/_vmemplan
fish_comp=$root/completions/vmemplan.fish

passed=0
failed=0
ok() { printf 'ok %s\n' "$*"; passed=$((passed + 1)); }
fail() { printf 'FAIL %s\n' "$*"; failed=$((failed + 1)); }
finish() {
	printf '%d passed, %d failed\n' "$passed" "$failed"
	((failed == 0))
	exit
}
show() { [[ -n $1 ]] && printf '%s\n' "$1" | sed 's/^/    /'; }

# Runs the function "complete -p vmemplan" names for the words given (the
# last is the one being completed) and prints COMPREPLY sorted, on one line.
# $1 is a file to source first ("" for none), $2 the completion file.
# shellcheck disable=SC2016 # expanded by the inner bash
bash_complete='
	[[ -n $1 ]] && source "$1"
	source "$2" || exit 2
	shift 2
	spec=$(complete -p vmemplan 2>/dev/null) || { echo "no complete spec for vmemplan"; exit 3; }
	fn=$(printf "%s\n" "$spec" | sed -n -E "s/.*-F ([^ ]+).*/\1/p")
	[[ -n $fn ]] || { echo "no -F function in: $spec"; exit 3; }
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMP_TYPE=9
	COMPREPLY=()
	"$fn" vmemplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd " " -
'

# check_bash LABEL PRELOAD EXPECTED WORD...
check_bash() {
	local label=$1 pre=$2 want=$3 got rc
	shift 3
	got=$(env -u BASH_ENV bash --norc --noprofile -c "$bash_complete" \
		vmemplan-test "$pre" "$bash_comp" "$@" 2>&1)
	rc=$?
	if ((rc == 0)) && [[ $got == "$want" ]]; then
		ok "bash ($label): '$*' completes to '$want'"
	else
		fail "bash ($label): '$*' completes to '$got', expected '$want' (exit $rc)"
	fi
}

# (a) bash, plain: no bash-completion, so the compgen fallback.
if [[ ! -r $bash_comp ]]; then
	fail "$bash_comp is missing"
else
	check_bash "--norc" "" "hash radix" vmemplan --mmu ""
	check_bash "--norc" "" "fsdax" vmemplan --device 1T --mode f
	check_bash "--norc" "" "--page-size" vmemplan --pa
	if [[ -x $bash_comp ]]; then
		fail "completions/vmemplan.bash is executable (it is sourced: mode 644)"
	else
		ok "completions/vmemplan.bash is not executable"
	fi
	# The same with bash-completion loaded (_init_completion), if installed.
	bc=
	for f in "$(pkg-config --variable=datadir bash-completion 2>/dev/null)/bash-completion/bash_completion" \
		/usr/share/bash-completion/bash_completion \
		/usr/local/share/bash-completion/bash_completion; do
		if [[ -r $f ]]; then
			bc=$f
			break
		fi
	done
	if [[ -n $bc ]]; then
		check_bash "bash-completion" "$bc" "hash radix" vmemplan --mmu ""
	fi
fi

# (b) zsh: the file parses.
if ! command -v zsh >/dev/null 2>&1; then
	fail "zsh -n completions/_vmemplan: zsh is not installed"
elif [[ ! -r $zsh_comp ]]; then
	fail "$zsh_comp is missing"
else
	out=$(zsh -n "$zsh_comp" 2>&1)
	rc=$?
	if ((rc == 0)) && [[ -z $out ]]; then
		ok "zsh -n completions/_vmemplan"
	else
		fail "zsh -n completions/_vmemplan (exit $rc)"
		show "$out"
	fi
	if [[ $(head -n 1 "$zsh_comp") == '#compdef vmemplan'* ]]; then
		ok "completions/_vmemplan starts with #compdef vmemplan"
	else
		fail "completions/_vmemplan does not start with #compdef vmemplan"
	fi
fi

# (c) fish: the file parses, and completes --mmu.
if ! command -v fish >/dev/null 2>&1; then
	fail "fish -n completions/vmemplan.fish: fish is not installed"
elif [[ ! -r $fish_comp ]]; then
	fail "$fish_comp is missing"
else
	out=$(fish -n "$fish_comp" 2>&1)
	rc=$?
	if ((rc == 0)) && [[ -z $out ]]; then
		ok "fish -n completions/vmemplan.fish"
	else
		fail "fish -n completions/vmemplan.fish (exit $rc)"
		show "$out"
	fi
	# --no-config keeps the user's own completions out (fish >= 3.4).
	fishopt=(--no-config)
	fish --no-config -c true >/dev/null 2>&1 || fishopt=()
	# shellcheck disable=SC2016 # $argv is fish's
	out=$(fish "${fishopt[@]}" -c 'source $argv[1]; complete -C "vmemplan --mmu "' \
		"$fish_comp" 2>&1)
	got=$(printf '%s\n' "$out" | cut -f1 | LC_ALL=C sort | paste -sd ' ' -)
	if printf '%s\n' "$got" | grep -qw hash &&
		printf '%s\n' "$got" | grep -qw radix; then
		ok "fish: 'vmemplan --mmu ' completes to '$got'"
	else
		fail "fish: 'vmemplan --mmu ' completes to '$got', expected hash and radix"
		show "$out"
	fi
fi

finish
