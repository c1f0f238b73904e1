# Shared by x86.sh and ppc64.sh (sourced): the pass/fail/skip counters,
# check() that prints one compared number, and two small converters.
pass=0
fail=0
skip=0
check() { # CASE WHAT KERNEL VMEMPLAN
	if [ "$3" = "$4" ]; then
		pass=$((pass + 1))
		echo "ok   $1: $2 $3"
	else
		fail=$((fail + 1))
		echo "FAIL $1: $2 kernel=$3 vmemplan=$4"
	fi
}
bytes() { # 16G -> 17179869184
	local n=${1%[KMGT]}
	case $1 in
	*K) echo $((n << 10)) ;; *M) echo $((n << 20)) ;;
	*G) echo $((n << 30)) ;; *T) echo $((n << 40)) ;; *) echo "$1" ;;
	esac
}
errno_of() { # EINVAL -> 22
	case $1 in
	EINVAL) echo 22 ;; ENXIO) echo 6 ;; ENOSPC) echo 28 ;; ENOMEM) echo 12 ;;
	EOPNOTSUPP) echo 95 ;; EBUSY) echo 16 ;; *) echo "$1" ;;
	esac
}
