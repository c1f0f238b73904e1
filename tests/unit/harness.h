/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A tiny table-test harness.  Each test binary ends with
 * "unit NAME: N passed, M failed" and exits 1 on any failure.
 */
#ifndef VP_HARNESS_H
#define VP_HARNESS_H

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static unsigned t_pass, t_fail;
static const char *t_case = "";

#define EXPECT_U64(got, want)                                                \
	do {                                                                 \
		uint64_t g_ = (uint64_t)(got), w_ = (uint64_t)(want);        \
		if (g_ == w_) {                                              \
			t_pass++;                                            \
		} else {                                                     \
			t_fail++;                                            \
			fprintf(stderr,                                      \
				"%s:%d: [%s] %s = %" PRIu64 ", expected %" PRIu64 "\n", \
				__FILE__, __LINE__, t_case, #got, g_, w_);   \
		}                                                            \
	} while (0)

#define EXPECT_TRUE(cond)                                                    \
	do {                                                                 \
		if (cond) {                                                  \
			t_pass++;                                            \
		} else {                                                     \
			t_fail++;                                            \
			fprintf(stderr, "%s:%d: [%s] expected %s\n", __FILE__, \
				__LINE__, t_case, #cond);                    \
		}                                                            \
	} while (0)

#define EXPECT_STR(got, want) EXPECT_TRUE(strcmp((got), (want)) == 0)

static inline int t_report(const char *name)
{
	printf("unit %s: %u passed, %u failed\n", name, t_pass, t_fail);
	return t_fail ? 1 : 0;
}

#endif
