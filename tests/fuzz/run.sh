#!/usr/bin/env bash
# libFuzzer harnesses (tests/fuzz/fuzz_*.c), built with clang, AddressSanitizer
# and UBSan into build/fuzz/.
#
#   bash tests/fuzz/run.sh               build, then fuzz every harness for
#                                        FUZZ_SECONDS, starting from a copy of
#                                        its seeds in build/fuzz/corpus-NAME
#   FUZZ_REPLAY=1 bash tests/fuzz/run.sh build, then run every harness once
#                                        over tests/fuzz/corpus/NAME and
#                                        tests/fuzz/regressions/NAME (quick;
#                                        for the test suite)
#
# Environment:
#   FUZZ_SECONDS   seconds per harness (default 60)
#   FUZZ_TARGETS   harnesses to run (default "size kver batch ndctl")
#   FUZZ_TIMEOUT   seconds one input may take before it counts as a hang
#                  (default 25)
#   FUZZ_ARGS      extra libFuzzer flags, e.g. "-only_ascii=1"
#   FUZZ_CC        the compiler (default clang; needs libFuzzer)
#   FUZZ_REQUIRE   1: a missing clang/libFuzzer fails the replay instead of
#                  skipping it (fuzzing always fails without them)
#   FUZZ_BATCH_UTF8=0  the batch harness skips its UTF-8 output check
#
# tests/fuzz/NAME.dict, when present, is passed to libFuzzer with -dict.
# Prints "fuzz NAME: N execs in S s, no findings" per harness (or what it
# found, with the crash file kept under build/fuzz/artifacts-NAME/), then
# "N passed, M failed"; exits non-zero on any finding or build failure.
# Debian 12 packages: clang (clang-14), libclang-rt-14-dev (libFuzzer and
# the sanitizer runtimes; only a Recommends of clang-14), libjson-c-dev,
# pkg-config.
set -u
cd "$(dirname "$0")/../.." || exit 1
export LC_ALL=C

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-size kver batch ndctl}
timeout=${FUZZ_TIMEOUT:-25}
cc=${FUZZ_CC:-clang}
replay=${FUZZ_REPLAY:-0}
out=build/fuzz
pass=0
fail=0

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

mkdir -p "$out"

# clang with the libFuzzer runtime?
probe() {
	printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
		'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
		>"$out/probe.c"
	"$cc" -fsanitize=fuzzer,address,undefined -o "$out/probe" "$out/probe.c" \
		>"$out/probe.log" 2>&1
}
if ! probe; then
	echo "fuzz: '$cc' cannot build a libFuzzer program:"
	sed 's/^/     /' "$out/probe.log" | head -5
	echo "     (Debian: apt-get install clang libclang-rt-14-dev)"
	if [ "$replay" = 1 ] && [ "${FUZZ_REQUIRE:-0}" != 1 ]; then
		echo "fuzz: replay skipped"
		exit 0
	fi
	exit 1
fi

if ! jsonc_cflags=$(pkg-config --cflags json-c) ||
   ! jsonc_libs=$(pkg-config --libs json-c); then
	echo "fuzz: pkg-config cannot find json-c (apt-get install libjson-c-dev pkg-config)"
	exit 1
fi

CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
	-fno-omit-frame-pointer -std=gnu11 -Wall -Wextra -Isrc/core -Itests/fuzz"
core=(src/core/*.c)
cli=()
for f in src/cli/*.c; do
	case $f in
	src/cli/main.c | src/cli/options.c) ;;
	*) cli+=("$f") ;;
	esac
done

# build NAME ARGS...: tests/fuzz/fuzz_NAME.c and ARGS -> build/fuzz/fuzz_NAME
build() {
	local name=$1
	shift
	# shellcheck disable=SC2086
	if ! "$cc" $CFLAGS -o "$out/fuzz_$name" "tests/fuzz/fuzz_$name.c" "$@" \
		>"$out/build-$name.log" 2>&1; then
		echo "FAIL fuzz $name: build failed ($out/build-$name.log):"
		sed 's/^/     /' "$out/build-$name.log" | head -30
		return 1
	fi
	if [ -s "$out/build-$name.log" ]; then
		echo "     fuzz $name: compiler warnings ($out/build-$name.log):"
		sed 's/^/     /' "$out/build-$name.log" | head -10
	fi
}

build_target() {
	case $1 in
	# Only what each needs, so that a half-edited model elsewhere in
	# src/core does not stop the parser harnesses.
	size) build size src/core/units.c ;;
	kver) build kver src/core/kernel.c ;;
	batch)
		# shellcheck disable=SC2086
		build batch -Isrc/cli -Itests/unit $jsonc_cflags "${core[@]}" \
			"${cli[@]}" -Wl,--wrap=vp_answer,--wrap=vp_plan $jsonc_libs
		;;
	ndctl)
		# shellcheck disable=SC2086
		build ndctl -Isrc/cli $jsonc_cflags "${core[@]}" "${cli[@]}" \
			$jsonc_libs -lm
		;;
	*)
		echo "FAIL fuzz $1: no such harness (tests/fuzz/fuzz_$1.c)"
		return 1
		;;
	esac
}

max_len() {
	case $1 in
	batch | ndctl) echo 65536 ;;
	*) echo 4096 ;;
	esac
}

# report NAME LOG: the lines that say what broke
report() {
	grep -a -E 'invariant broken|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY|Test unit written|ALARM|out-of-memory' \
		"$2" | head -12 | sed 's/^/     /'
}

replay_one() {
	local name=$1 files=() d log=$out/replay-$1.log
	shopt -s nullglob
	for d in "tests/fuzz/corpus/$name" "tests/fuzz/regressions/$name"; do
		[ -d "$d" ] && files+=("$d"/*)
	done
	shopt -u nullglob
	if [ ${#files[@]} -eq 0 ]; then
		echo "FAIL replay $name: no inputs in tests/fuzz/corpus/$name"
		return 1
	fi
	if "$out/fuzz_$name" -timeout="$timeout" -rss_limit_mb=2048 \
		"${files[@]}" >"$log" 2>&1; then
		echo "ok   replay $name: ${#files[@]} inputs, no findings"
		return 0
	fi
	echo "FAIL replay $name: an input fails ($log):"
	grep -E '^Running: ' "$log" | tail -n1 | sed 's/^/     /'
	report "$name" "$log"
	return 1
}

fuzz_one() {
	local name=$1
	local corpus=$out/corpus-$name art=$out/artifacts-$name
	local log=$out/fuzz-$name.log rc execs secs new f dict
	mkdir -p "$corpus" "$art"
	cp -p "tests/fuzz/corpus/$name"/* "$corpus"/
	touch "$out/.start-$name"
	dict=()
	[ -f "tests/fuzz/$name.dict" ] && dict=(-dict="tests/fuzz/$name.dict")
	# shellcheck disable=SC2086
	"$out/fuzz_$name" -max_total_time="$seconds" -max_len="$(max_len "$name")" \
		-timeout="$timeout" -rss_limit_mb=2048 -use_value_profile=1 \
		-print_final_stats=1 -artifact_prefix="$art/" "${dict[@]}" \
		${FUZZ_ARGS:-} "$corpus" \
		>"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n1)
	[ -n "$secs" ] || secs=$(( $(date +%s) - $(stat -c %Y "$out/.start-$name") ))
	new=$(find "$art" -type f -newer "$out/.start-$name" | sort)
	if [ $rc -eq 0 ] && [ -z "$new" ]; then
		echo "fuzz $name: ${execs:-?} execs in $secs s, no findings"
		return 0
	fi
	echo "FAIL fuzz $name: finding after ${execs:-?} execs in $secs s (libFuzzer exit $rc, $log)"
	report "$name" "$log"
	for f in $new; do
		echo "     kept: $f"
		echo "     reproduce: $out/fuzz_$name $f"
		echo "     minimise:  $out/fuzz_$name -minimize_crash=1 -runs=200000 -exact_artifact_path=$f.min $f"
	done
	return 1
}

for t in $targets; do
	if ! build_target "$t"; then
		fail=$((fail + 1))
		continue
	fi
	if [ "$replay" = 1 ]; then
		run=replay_one
	else
		run=fuzz_one
	fi
	if "$run" "$t"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
