// SPDX-License-Identifier: GPL-2.0-only
/* vp_check() must catch a corrupted result: each corruption below breaks
 * one invariant of a correct E1 plan (kernel-model.md §5). */
#include "check.h"
#include "harness.h"
#include "plan.h"

static struct vp_result good, bad;

static void corrupt(const char *what, void (*f)(struct vp_result *))
{
	struct vp_error err;

	t_case = what;
	bad = good;
	f(&bad);
	EXPECT_U64(vp_check(&bad, &err), VP_INTERNAL);
}

static void usable_off(struct vp_result *r) { r->dev[0].layout.usable_bytes += 65536; r->totals.usable_bytes += 65536; }
static void overcommit(struct vp_result *r) { r->dev[0].hotadd.altmap.align += 1; }
static void outside(struct vp_result *r) { r->dev[0].populate.runs[0].phys_pfn -= 32; }
static void gap(struct vp_result *r) { r->dev[0].populate.runs[0].count -= 1; }
static void alloc_off(struct vp_result *r) { r->dev[0].hotadd.altmap.alloc -= 32; }
static void over_free(struct vp_result *r) { r->dev[0].after_free.dram_freed_bytes = 1; }
static void totals_off(struct vp_result *r) { r->totals.dram_bytes = 2 << 20; }

int main(void)
{
	struct vp_input in;
	struct vp_error err;

	vp_input_defaults(&in);
	in.size = 1ULL << 40;
	in.start = 2ULL << 40;
	in.start_given = true;
	EXPECT_U64(vp_plan(&in, &good, &err), VP_OK);
	EXPECT_U64(vp_check(&good, &err), VP_OK);
	corrupt("usable + dataoff != size", usable_off);
	corrupt("alloc + align > free", overcommit);
	corrupt("altmap block below base + reserve", outside);
	corrupt("a block not backed", gap);
	corrupt("altmap blocks != alloc", alloc_off);
	corrupt("removal gives back more than taken", over_free);
	corrupt("totals do not add up", totals_off);
	return t_report("check");
}
