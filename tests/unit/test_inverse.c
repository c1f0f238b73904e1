// SPDX-License-Identifier: GPL-2.0-only
/*
 * --usable: the smallest size (a multiple of the region alignment R) whose
 * usable capacity reaches the target.  Every case checks, independently of
 * the search, that the answer reaches the target and that each of the 64
 * sizes below it does not; the named cases also pin the answer derived by
 * hand from nd_pfn_init @6.1:
 *   64K pages: npfns = Z/64K - 1, reserve = 64 npfns = Z/1024 - 64 bytes,
 *              dataoff = ALIGN(8K + Z/1024 - 64, A)   (start A-aligned)
 *   4K pages:  reserve = Z/64 - 128, dataoff = ALIGN(8K + Z/64 - 128, A)
 *   usable = Z - dataoff (end_trunc 0: R is a multiple of A).
 */
#include "harness.h"
#include "plan.h"

#define M(x) ((uint64_t)(x) << 20)
#define G(x) ((uint64_t)(x) << 30)
#define T(x) ((uint64_t)(x) << 40)

static struct vp_result res;

static void check(const char *name, enum vp_mmu mmu, unsigned pshift,
		  enum vp_map map, const char *kernel, uint64_t align,
		  unsigned ways, uint64_t target, uint64_t want_size)
{
	struct vp_input in;
	struct vp_error err;
	struct vp_kver v;
	uint64_t R, size, k;

	t_case = name;
	vp_input_defaults(&in);
	in.mmu = mmu;
	in.page_shift = pshift;
	in.map = map;
	in.align = align;
	in.ways = ways;
	in.usable = target;
	if (kernel) {
		vp_kver_parse(kernel, &v);
		vp_kernel_resolve(&v, &in.kernel);
	}
	EXPECT_U64(vp_answer(&in, &res, &err), VP_OK);
	if (!res.has_inverse)
		return;
	R = res.inverse.region_align;
	size = res.inverse.size;
	if (want_size)
		EXPECT_U64(size, want_size);
	EXPECT_U64(size % R, 0);
	EXPECT_TRUE(res.totals.usable_bytes >= target);
	EXPECT_U64(res.dev[0].size, size);
	EXPECT_U64(res.inverse.smaller_size, size - R);
	EXPECT_TRUE(res.inverse.smaller_refused ||
		    res.inverse.smaller_usable < target);
	/* Independently: every size below, down to 64 steps, falls short. */
	in.usable = 0;
	for (k = 1; k <= 64 && k * R < size; k++) {
		struct vp_result r2;

		in.size = size - k * R;
		if (vp_plan(&in, &r2, &err) == VP_OK)
			EXPECT_TRUE(r2.totals.usable_bytes < target);
	}
}

int main(void)
{
	/* Hash 64K, A = 16M: Z = 1T + 1G + 16M gives dataoff 1G + 16M, usable
	 * exactly 1T; Z - 16M gives dataoff 1G + 16M too: 1T - 16M. */
	check("hash 64K 1T", VP_MMU_HASH, 16, VP_MAP_DEV, NULL, 0, 1, T(1),
	      T(1) + G(1) + M(16));
	/* Radix 64K, A = 2M: 1T + 1G + 16M -> dataoff 1G + 2M, usable
	 * 1T + 14M; 1T + 1G -> usable 1T - 2M. */
	check("radix 64K 1T", VP_MMU_RADIX, 16, VP_MAP_DEV, NULL, 0, 1, T(1),
	      T(1) + G(1) + M(16));
	/* Radix 4K: d = Z - 1T must cover ALIGN(16G + d/64 + 8064, 2M):
	 * d = 16G + 272M does (16G + 268M), d = 16G + 256M does not. */
	check("radix 4K 1T", VP_MMU_RADIX, 12, VP_MAP_DEV, NULL, 0, 1, T(1),
	      T(1) + G(16) + M(272));
	check("hash 4K 16G", VP_MMU_HASH, 12, VP_MAP_DEV, NULL, 0, 1, G(16), 0);
	/* map=mem: dataoff = ALIGN(8K, A) whatever Z: 2M (radix), 16M (hash);
	 * both need Z = 1T + 16M, and 1T gives 1T - dataoff. */
	check("radix 64K map=mem 1T", VP_MMU_RADIX, 16, VP_MAP_MEM, NULL, 0, 1,
	      T(1), T(1) + M(16));
	check("hash 64K map=mem 1T", VP_MMU_HASH, 16, VP_MAP_MEM, NULL, 0, 1,
	      T(1), T(1) + M(16));
	check("radix 64K --align 64K", VP_MMU_RADIX, 16, VP_MAP_DEV, NULL,
	      64 << 10, 1, T(1), T(1) + G(1) + M(16));
	/* 6-way interleave: R = 96M (16M is not a multiple of 6).  Need
	 * Z >= 1T + 1G + 2M: the next multiple of 96M is 10934 x 96M. */
	check("radix 64K 6-way", VP_MMU_RADIX, 16, VP_MAP_DEV, NULL, 0, 6, T(1),
	      10934 * M(96));
	check("radix 64K 4-way (R stays 16M)", VP_MMU_RADIX, 16, VP_MAP_DEV,
	      NULL, 0, 4, T(1), T(1) + G(1) + M(16));
	/* 6.1.0 reserves 128 bytes per pfn: Z = 1T + 2G + 16M (dataoff
	 * 2G + 16M), against 1T + 1G + 16M on 6.1.12 and later. */
	check("hash 64K 1T on 6.1.0", VP_MMU_HASH, 16, VP_MAP_DEV, "6.1.0", 0, 1,
	      T(1), T(1) + G(2) + M(16));
	/* A tiny target: 1 byte needs the smallest size the kernel takes:
	 * hash 64K refuses 16M (-ENXIO), accepts 32M. */
	check("hash 64K 1 byte", VP_MMU_HASH, 16, VP_MAP_DEV, NULL, 0, 1, 1,
	      M(32));
	{
		struct vp_input in;
		struct vp_error err;

		t_case = "unreachable target";
		vp_input_defaults(&in);
		in.usable = 1ULL << 51;
		EXPECT_U64(vp_answer(&in, &res, &err), VP_REFUSED);
		t_case = "misaligned start is the kernel's refusal";
		in.usable = T(1);
		in.mmu = VP_MMU_HASH;
		in.start = G(16) + M(2);
		in.start_given = true;
		EXPECT_U64(vp_answer(&in, &res, &err), VP_REFUSED);
		EXPECT_STR(err.where, "drivers/nvdimm/pfn_devs.c:nd_pfn_init");
	}
	return t_report("inverse");
}
