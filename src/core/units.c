// SPDX-License-Identifier: GPL-2.0-only
#include "units.h"

#include <stdio.h>
#include <string.h>

static const char vp_unit_letters[] = "KMGTPE";

/* Shift for a suffix, or -1 when unknown, -2 for an SI (decimal) unit. */
static int suffix_shift(const char *p)
{
	const char *l;
	char c = *p;

	if (c == '\0')
		return 0;
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	l = strchr(vp_unit_letters, c);
	if (!l)
		return -1;
	if (p[1] == '\0' || strcmp(p + 1, "iB") == 0)
		return 10 * (int)(l - vp_unit_letters + 1);
	if (strcmp(p + 1, "B") == 0 || strcmp(p + 1, "b") == 0)
		return -2;
	return -1;
}

enum vp_parse_status vp_parse_size(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	const char *p = s;
	int shift;

	if (!s || !*s)
		return VP_PARSE_EMPTY;
	if (*p < '0' || *p > '9')
		return VP_PARSE_SYNTAX;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return VP_PARSE_SYNTAX;	/* hexadecimal is for addresses only */
	if (p[0] == '0' && p[1] >= '0' && p[1] <= '9')
		return VP_PARSE_OCTAL;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, (uint64_t)(*p - '0'), &v))
			return VP_PARSE_OVERFLOW;
	}
	if (*p == '.' || *p == ',' || *p == ' ' || *p == '\t' || *p == '\n')
		return VP_PARSE_SYNTAX;
	shift = suffix_shift(p);
	if (shift == -2)
		return VP_PARSE_DECIMAL_UNIT;
	if (shift < 0)
		return VP_PARSE_SUFFIX;
	if (shift > 0) {
		/* Checked scaling: v << shift must not lose bits. */
		if (v > (UINT64_MAX >> shift))
			return VP_PARSE_OVERFLOW;
		v <<= shift;
	}
	*out = v;
	return VP_PARSE_OK;
}

enum vp_parse_status vp_parse_addr(const char *s, uint64_t *out)
{
	uint64_t v = 0;
	const char *p;
	int n = 0;

	if (!s || !*s)
		return VP_PARSE_EMPTY;
	if (s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return vp_parse_size(s, out);
	for (p = s + 2; *p; p++, n++) {
		unsigned d;

		if (n == 16)
			return VP_PARSE_OVERFLOW;	/* 1 to 16 hex digits */
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return VP_PARSE_SYNTAX;
		v = (v << 4) | d;
	}
	if (n == 0)
		return VP_PARSE_SYNTAX;
	*out = v;
	return VP_PARSE_OK;
}

const char *vp_parse_strerror(enum vp_parse_status st)
{
	switch (st) {
	case VP_PARSE_OK:
		return "ok";
	case VP_PARSE_EMPTY:
		return "empty value";
	case VP_PARSE_SYNTAX:
		return "not a whole decimal number (no sign, fraction, whitespace or 0x)";
	case VP_PARSE_OCTAL:
		return "leading zero (octal is not accepted)";
	case VP_PARSE_SUFFIX:
		return "unknown unit suffix";
	case VP_PARSE_DECIMAL_UNIT:
		return "decimal unit (write K/KiB, M/MiB, ...: units are binary)";
	case VP_PARSE_OVERFLOW:
		return "too large for 64 bits";
	}
	return "invalid";
}

char *vp_format_ndctl(uint64_t bytes, char *buf, size_t len)
{
	static const char suffix[] = "KMGT";
	int u;

	for (u = 4; u >= 1; u--) {
		uint64_t unit = 1ULL << (10 * u);

		if (bytes && bytes % unit == 0) {
			snprintf(buf, len, "%llu%c",
				 (unsigned long long)(bytes / unit),
				 suffix[u - 1]);
			return buf;
		}
	}
	snprintf(buf, len, "%llu", (unsigned long long)bytes);
	return buf;
}

char *vp_format_iec(uint64_t bytes, char *buf, size_t len)
{
	static const char *const names[] = { "B", "KiB", "MiB", "GiB", "TiB",
					     "PiB", "EiB" };
	int u, top = 0;

	if (bytes == 0) {
		snprintf(buf, len, "0 B");
		return buf;
	}
	/* Exact form: the largest unit dividing the value with < 100000 of it. */
	for (u = 6; u >= 0; u--) {
		uint64_t unit = 1ULL << (10 * u);

		if (bytes % unit == 0 && bytes / unit < 100000) {
			snprintf(buf, len, "%llu %s",
				 (unsigned long long)(bytes / unit), names[u]);
			return buf;
		}
	}
	while (top < 6 && (bytes >> (10 * (top + 1))) != 0)
		top++;
	{
		uint64_t whole = bytes >> (10 * top);
		uint64_t rem = bytes - (whole << (10 * top));
		/* Two decimals, truncated: rem * 100 / unit, without overflow. */
		uint64_t hundredths = (uint64_t)(((unsigned __int128)rem * 100) >>
						 (10 * top));

		snprintf(buf, len, "%llu.%02llu %s", (unsigned long long)whole,
			 (unsigned long long)hundredths, names[top]);
	}
	return buf;
}
