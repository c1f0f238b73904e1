// SPDX-License-Identifier: GPL-2.0-only
/* The size grammar of the planner issue: binary suffixes, no fractions,
 * signs, octal, 0x (for sizes) or whitespace; overflow is an error. */
#include "harness.h"
#include "units.h"

static const struct {
	const char *in;
	enum vp_parse_status st;
	uint64_t v;
} sizes[] = {
	{ "0", VP_PARSE_OK, 0 },
	{ "4096", VP_PARSE_OK, 4096 },
	{ "64K", VP_PARSE_OK, 65536 },
	{ "64k", VP_PARSE_OK, 65536 },
	{ "64KiB", VP_PARSE_OK, 65536 },
	{ "2M", VP_PARSE_OK, 2097152 },
	{ "16MiB", VP_PARSE_OK, 16777216 },
	{ "1T", VP_PARSE_OK, 1099511627776ULL },
	{ "1TiB", VP_PARSE_OK, 1099511627776ULL },
	{ "2P", VP_PARSE_OK, 2251799813685248ULL },
	{ "15E", VP_PARSE_OK, 15ULL << 60 },
	{ "18446744073709551615", VP_PARSE_OK, UINT64_MAX },
	{ "", VP_PARSE_EMPTY, 0 },
	{ "-1", VP_PARSE_SYNTAX, 0 },
	{ "+1", VP_PARSE_SYNTAX, 0 },
	{ " 1G", VP_PARSE_SYNTAX, 0 },
	{ "1G ", VP_PARSE_SUFFIX, 0 },
	{ "1 G", VP_PARSE_SYNTAX, 0 },
	{ "1.5T", VP_PARSE_SYNTAX, 0 },
	{ "0x10G", VP_PARSE_SYNTAX, 0 },
	{ "010G", VP_PARSE_OCTAL, 0 },
	{ "1X", VP_PARSE_SUFFIX, 0 },
	{ "1Ti", VP_PARSE_SUFFIX, 0 },
	{ "1TB", VP_PARSE_DECIMAL_UNIT, 0 },
	{ "1GB", VP_PARSE_DECIMAL_UNIT, 0 },
	{ "16E", VP_PARSE_OVERFLOW, 0 },	/* 2^64: one past the top */
	{ "18446744073709551616", VP_PARSE_OVERFLOW, 0 },
	{ "17179869184G", VP_PARSE_OVERFLOW, 0 },	/* 2^34 << 30 */
};

static const struct {
	const char *in;
	enum vp_parse_status st;
	uint64_t v;
} addrs[] = {
	{ "0x400000000", VP_PARSE_OK, 16ULL << 30 },
	{ "0X10", VP_PARSE_OK, 16 },
	{ "16G", VP_PARSE_OK, 16ULL << 30 },
	{ "0xffffffffffffffff", VP_PARSE_OK, UINT64_MAX },
	{ "0x10000000000000000", VP_PARSE_OVERFLOW, 0 },
	/* 17 digits, even with leading zeros: the grammar says 1 to 16. */
	{ "0x00000000000000001", VP_PARSE_OVERFLOW, 0 },
	{ "0x", VP_PARSE_SYNTAX, 0 },
	{ "0x1g", VP_PARSE_SYNTAX, 0 },
	{ "", VP_PARSE_EMPTY, 0 },
};

static const struct {
	uint64_t v;
	const char *out;
} iec[] = {
	{ 0, "0 B" },
	{ 512, "512 B" },
	{ 1ULL << 40, "1 TiB" },
	/* 1 GiB + 2 MiB = 1026 MiB exactly (E1's dataoff). */
	{ 1075838976, "1026 MiB" },
	/* E1's usable 1047550 MiB: 1022.998... GiB, truncated, not rounded. */
	{ 1098435788800ULL, "1022.99 GiB" },
	{ 1984ULL << 10, "1984 KiB" },
	{ 1073741760, "1023.99 MiB" },
	{ UINT64_MAX, "15.99 EiB" },
};

int main(void)
{
	char buf[VP_IEC_BUFSZ];
	unsigned i;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		uint64_t v = 0;

		t_case = sizes[i].in;
		EXPECT_U64(vp_parse_size(sizes[i].in, &v), sizes[i].st);
		if (sizes[i].st == VP_PARSE_OK)
			EXPECT_U64(v, sizes[i].v);
	}
	for (i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		uint64_t v = 0;

		t_case = addrs[i].in;
		EXPECT_U64(vp_parse_addr(addrs[i].in, &v), addrs[i].st);
		if (addrs[i].st == VP_PARSE_OK)
			EXPECT_U64(v, addrs[i].v);
	}
	for (i = 0; i < sizeof(iec) / sizeof(iec[0]); i++) {
		t_case = iec[i].out;
		EXPECT_STR(vp_format_iec(iec[i].v, buf, sizeof(buf)), iec[i].out);
	}
	return t_report("units");
}
