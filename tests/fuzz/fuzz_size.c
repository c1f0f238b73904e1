// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness for the size and address grammar (src/core/units.c):
 * vp_parse_size, vp_parse_addr, vp_format_iec and vp_format_ndctl.
 *
 * The input, up to its first NUL byte, is parsed as a SIZE and as an ADDR.
 * Invariants:
 *  - both parsers agree with an independent reading of the grammar in
 *    units.h: what they accept is exactly DIGITS [K|M|G|T|P|E[iB]] (letter in
 *    either case, no leading zero) or, for ADDR, 0x HEXDIGITS, with the
 *    right value; what matches the grammar but does not fit in 64 bits is
 *    VP_PARSE_OVERFLOW; an ADDR without 0x parses exactly as a SIZE;
 *  - every status has a message (vp_parse_strerror is never "invalid");
 *  - every accepted value, and the first 8 input bytes read as a uint64_t,
 *    formats with vp_format_iec without overflowing the buffer; an exact
 *    output "N UNIT" re-parses ("N" + letter and "N" + "UiB") to the same
 *    value, and uses the largest unit it can; a decimal output "W.HH UNIT"
 *    is truncated, never rounded up, and appears only when no exact form
 *    exists;
 *  - a short buffer (len 1..VP_IEC_BUFSZ) is NUL-terminated and never
 *    written past;
 *  - vp_format_ndctl (the --size form for ndctl) re-parses to the value,
 *    with the largest of T, G, M, K that divides it, else plain bytes.
 */
#include <stdbool.h>

#include "fuzz.h"
#include "units.h"

static const char letters[] = "KMGTPE";
static const char *const names[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB",
				     "EiB" };

enum ref { REF_OK, REF_OVERFLOW, REF_BAD };

/* The grammar of units.h, read independently: DIGITS [SUFFIX]. */
static enum ref ref_size(const char *s, uint64_t *out)
{
	unsigned __int128 v = 0;
	bool big = false;
	const char *p = s;
	int shift = 0;

	if (*p < '0' || *p > '9')
		return REF_BAD;
	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return REF_BAD;
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (unsigned)(*p - '0');
		if (v > UINT64_MAX) {
			big = true;
			v = (unsigned __int128)UINT64_MAX + 1;	/* stays big */
		}
	}
	if (*p) {
		const char *l;
		char c = *p;

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		l = strchr(letters, c);
		if (!l)
			return big ? REF_OVERFLOW : REF_BAD;
		if (p[1] != '\0' && strcmp(p + 1, "iB") != 0)
			return big ? REF_OVERFLOW : REF_BAD;
		shift = 10 * (int)(l - letters + 1);
	}
	if (big || (v << shift) > UINT64_MAX)
		return REF_OVERFLOW;
	*out = (uint64_t)(v << shift);
	return REF_OK;
}

/* 0x HEXDIGITS; any other ADDR is a SIZE. */
static enum ref ref_addr(const char *s, uint64_t *out)
{
	unsigned __int128 v = 0;
	const char *p;

	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return ref_size(s, out);
	if (!s[2])
		return REF_BAD;
	/* The first problem met from the left decides: a 17th character
	 * (OVERFLOW: units.h allows 1 to 16 hex digits, leading zeros
	 * included) or a non-hex character (BAD). */
	for (p = s + 2; *p; p++) {
		unsigned d;

		if (p - (s + 2) == 16)
			return REF_OVERFLOW;
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return REF_BAD;
		v = v * 16 + d;
		if (v > UINT64_MAX)
			return REF_OVERFLOW;
	}
	*out = (uint64_t)v;
	return REF_OK;
}

static void check_status(const char *what, const char *s,
			 enum vp_parse_status st, uint64_t got, enum ref want,
			 uint64_t wantv)
{
	FUZZ_CHECK(st >= VP_PARSE_OK && st <= VP_PARSE_OVERFLOW,
		   "%s('%s') returned %d", what, s, (int)st);
	FUZZ_CHECK(strcmp(vp_parse_strerror(st), "invalid") != 0,
		   "%s('%s'): status %d has no message", what, s, (int)st);
	if (want == REF_OK) {
		FUZZ_CHECK(st == VP_PARSE_OK, "%s('%s') refused (%s), grammar accepts %llu",
			   what, s, vp_parse_strerror(st),
			   (unsigned long long)wantv);
		FUZZ_CHECK(got == wantv, "%s('%s') = %llu, expected %llu", what,
			   s, (unsigned long long)got,
			   (unsigned long long)wantv);
	} else if (want == REF_OVERFLOW) {
		FUZZ_CHECK(st == VP_PARSE_OVERFLOW,
			   "%s('%s') = %s, expected overflow", what, s,
			   vp_parse_strerror(st));
	} else {
		FUZZ_CHECK(st != VP_PARSE_OK && st != VP_PARSE_OVERFLOW,
			   "%s('%s') = %s (%llu), the grammar refuses it", what,
			   s, vp_parse_strerror(st), (unsigned long long)got);
	}
}

/* Parses "N UNIT" / "W.HH UNIT" as vp_format_iec writes it. */
static bool read_iec(const char *buf, uint64_t *n, int *frac, int *unit)
{
	const char *p = buf;
	int u;

	*n = 0;
	*frac = -1;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (*n > UINT64_MAX / 10)
			return false;
		*n = *n * 10 + (uint64_t)(*p - '0');
	}
	if (*p == '.') {
		if (p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9')
			return false;
		*frac = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
	}
	if (*p++ != ' ')
		return false;
	for (u = 0; u < 7; u++)
		if (strcmp(p, names[u]) == 0) {
			*unit = u;
			return true;
		}
	return false;
}

static uint64_t reparse(uint64_t n, int unit, bool iec_suffix)
{
	char s[48];
	uint64_t v = 0;
	enum vp_parse_status st;

	snprintf(s, sizeof(s), "%llu%s%s", (unsigned long long)n,
		 unit ? (const char[]){ letters[unit - 1], '\0' } : "",
		 unit && iec_suffix ? "iB" : "");
	st = vp_parse_size(s, &v);
	FUZZ_CHECK(st == VP_PARSE_OK, "'%s' (from vp_format_iec) does not re-parse: %s",
		   s, vp_parse_strerror(st));
	return v;
}

/* vp_format_ndctl: "N" + the largest of T G M K dividing v, else bytes;
 * it re-parses to v. */
static void check_ndctl(uint64_t v)
{
	char buf[48];
	uint64_t back = 0, n = 0;
	size_t len, i;
	int shift = 0;
	const char *l;

	memset(buf, 0x5a, sizeof(buf));
	vp_format_ndctl(v, buf, 32);
	for (i = 32; i < sizeof(buf); i++)
		FUZZ_CHECK(buf[i] == 0x5a, "vp_format_ndctl(%llu) wrote past len",
			   (unsigned long long)v);
	FUZZ_CHECK(memchr(buf, '\0', 32) != NULL,
		   "vp_format_ndctl(%llu): not NUL-terminated",
		   (unsigned long long)v);
	FUZZ_CHECK(vp_parse_size(buf, &back) == VP_PARSE_OK && back == v,
		   "vp_format_ndctl(%llu) = '%s' re-parses to %llu",
		   (unsigned long long)v, buf, (unsigned long long)back);
	len = strlen(buf);
	FUZZ_CHECK(len > 0, "vp_format_ndctl(%llu) is empty",
		   (unsigned long long)v);
	l = strchr(letters, buf[len - 1]);
	if (l && buf[len - 1]) {
		shift = 10 * (int)(l - letters + 1);
		FUZZ_CHECK(shift <= 40, "vp_format_ndctl(%llu) = '%s': not T G M K",
			   (unsigned long long)v, buf);
	}
	n = v >> shift;
	/* The largest suffix: a larger one would not divide, or there is none. */
	FUZZ_CHECK(v == 0 || shift == 40 || n % 1024 != 0,
		   "vp_format_ndctl(%llu) = '%s': a larger suffix divides",
		   (unsigned long long)v, buf);
}

static void check_format(uint64_t v, unsigned short_len)
{
	char buf[VP_IEC_BUFSZ + 8], small[VP_IEC_BUFSZ + 8];
	uint64_t n;
	int frac, unit, u;
	size_t i;

	memset(buf, 0x5a, sizeof(buf));
	FUZZ_CHECK(vp_format_iec(v, buf, VP_IEC_BUFSZ) == buf, "bad return");
	for (i = VP_IEC_BUFSZ; i < sizeof(buf); i++)
		FUZZ_CHECK(buf[i] == 0x5a, "vp_format_iec(%llu) wrote past len",
			   (unsigned long long)v);
	FUZZ_CHECK(memchr(buf, '\0', VP_IEC_BUFSZ) != NULL,
		   "vp_format_iec(%llu): not NUL-terminated",
		   (unsigned long long)v);
	FUZZ_CHECK(strlen(buf) < VP_IEC_BUFSZ - 1,
		   "vp_format_iec(%llu) = '%s' fills VP_IEC_BUFSZ (truncated?)",
		   (unsigned long long)v, buf);
	FUZZ_CHECK(read_iec(buf, &n, &frac, &unit),
		   "vp_format_iec(%llu) = '%s': not 'N UNIT' or 'W.HH UNIT'",
		   (unsigned long long)v, buf);

	if (v == 0) {
		FUZZ_CHECK(strcmp(buf, "0 B") == 0, "0 -> '%s'", buf);
	} else if (frac < 0) {
		/* Exact: N x 2^(10 unit) == v, and re-parses. */
		FUZZ_CHECK(n > 0 && n < 100000, "'%s' for %llu", buf,
			   (unsigned long long)v);
		FUZZ_CHECK(reparse(n, unit, false) == v,
			   "'%s' re-parses to %llu, not %llu", buf,
			   (unsigned long long)reparse(n, unit, false),
			   (unsigned long long)v);
		if (unit)
			FUZZ_CHECK(reparse(n, unit, true) == v,
				   "'%s' (iB form) re-parses differently", buf);
		/* The largest unit: a multiple of 1024 would have gone up. */
		FUZZ_CHECK(unit == 6 || n % 1024 != 0,
			   "'%s' for %llu: a larger unit is exact", buf,
			   (unsigned long long)v);
	} else {
		unsigned __int128 shown, scale;

		/* Decimal only when no exact form exists. */
		for (u = 0; u <= 6; u++) {
			uint64_t unitb = 1ULL << (10 * u);

			FUZZ_CHECK(v % unitb != 0 || v / unitb >= 100000,
				   "'%s' for %llu, but %llu %s is exact", buf,
				   (unsigned long long)v,
				   (unsigned long long)(v / unitb), names[u]);
		}
		FUZZ_CHECK(unit >= 1 && n >= 1 && n < 1024,
			   "'%s' for %llu: whole part out of range", buf,
			   (unsigned long long)v);
		/* Truncated: shown <= v < shown + 0.01 unit. */
		scale = (unsigned __int128)1 << (10 * unit);
		shown = ((unsigned __int128)n * 100 + (unsigned)frac) * scale;
		FUZZ_CHECK(shown <= (unsigned __int128)v * 100 &&
				   (unsigned __int128)v * 100 < shown + scale,
			   "'%s' is not %llu truncated to two decimals", buf,
			   (unsigned long long)v);
		FUZZ_CHECK(reparse(n, unit, false) <= v,
			   "'%s': whole part exceeds %llu", buf,
			   (unsigned long long)v);
	}

	check_ndctl(v);

	/* A short buffer: cut, terminated, nothing written past len. */
	memset(small, 0x5a, sizeof(small));
	vp_format_iec(v, small, short_len);
	for (i = short_len; i < sizeof(small); i++)
		FUZZ_CHECK(small[i] == 0x5a,
			   "vp_format_iec(%llu, len %u) wrote byte %zu",
			   (unsigned long long)v, short_len, i);
	FUZZ_CHECK(memchr(small, '\0', short_len) != NULL,
		   "vp_format_iec(%llu, len %u): not NUL-terminated",
		   (unsigned long long)v, short_len);
	FUZZ_CHECK(strncmp(small, buf, short_len - 1) == 0,
		   "vp_format_iec(%llu, len %u) = '%s', not a prefix of '%s'",
		   (unsigned long long)v, short_len, small, buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstring(data, size);
	uint64_t v = 0, w = 0, raw = 0;
	enum vp_parse_status st;
	unsigned short_len = size ? 1u + data[size - 1] % VP_IEC_BUFSZ : 8;
	enum ref want;

	if (!s)
		return 0;

	want = ref_size(s, &w);
	st = vp_parse_size(s, &v);
	check_status("vp_parse_size", s, st, v, want, w);
	if (st == VP_PARSE_OK)
		check_format(v, short_len);

	want = ref_addr(s, &w);
	v = 0;
	st = vp_parse_addr(s, &v);
	check_status("vp_parse_addr", s, st, v, want, w);
	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X')) {
		uint64_t v2 = 0;

		FUZZ_CHECK(vp_parse_size(s, &v2) == st && v2 == v,
			   "vp_parse_addr('%s') differs from vp_parse_size", s);
	}
	if (st == VP_PARSE_OK) {
		char hex[24];
		uint64_t back = 0;

		check_format(v, short_len);
		/* Any address prints and re-parses as 0x hex. */
		snprintf(hex, sizeof(hex), "%#llx", (unsigned long long)v);
		if (v == 0)
			strcpy(hex, "0x0");
		FUZZ_CHECK(vp_parse_addr(hex, &back) == VP_PARSE_OK && back == v,
			   "'%s' does not re-parse as %llu", hex,
			   (unsigned long long)v);
	}

	/* Every 64-bit value formats, not only the parseable ones. */
	if (size >= 8) {
		memcpy(&raw, data, 8);
		check_format(raw, short_len);
	}
	free(s);
	return 0;
}
