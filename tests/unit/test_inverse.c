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
 * x86-64 (4K pages, A = max(align, 2M)) has the 4K formula.
 */
#include "harness.h"
#include "plan.h"

#define M(x) ((uint64_t)(x) << 20)
#define G(x) ((uint64_t)(x) << 30)
#define T(x) ((uint64_t)(x) << 40)

static struct vp_result res;

/* Every size below the answer falls short: the 64 just below it, or with
 * brute all of them. */
static bool brute;
static uint64_t start_at;	/* 0: the default start */

static void check_in(const char *name, struct vp_input *in, uint64_t target,
		     uint64_t want_size);

static void check(const char *name, enum vp_mmu mmu, unsigned pshift,
		  enum vp_map map, const char *kernel, uint64_t align,
		  unsigned ways, uint64_t target, uint64_t want_size)
{
	struct vp_input in;
	struct vp_kver v;

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
	check_in(name, &in, target, want_size);
}

/* x86-64: 4K pages, A = max(align, 2M), no MMU choice. */
static void check_x86(const char *name, enum vp_map map, uint64_t align,
		      unsigned ways, uint64_t target, uint64_t want_size)
{
	struct vp_input in;

	vp_input_defaults(&in);
	in.arch = VP_ARCH_X86_64;
	in.map = map;
	in.align = align;
	in.ways = ways;
	in.usable = target;
	check_in(name, &in, target, want_size);
}

static void check_in(const char *name, struct vp_input *inp, uint64_t target,
		     uint64_t want_size)
{
	struct vp_input in = *inp;
	struct vp_error err;
	uint64_t R, size, k;

	t_case = name;
	if (start_at) {
		in.start = start_at;
		in.start_given = true;
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
	for (k = 1; (brute || k <= 64) && k * R < size; k++) {
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
	/* Before 2522afb86a8c (5.7) sizes come in PAGE_SIZE x ways: radix
	 * 64K on 5.6 needs Z >= 1T + 1G + 2M (dataoff 1G + 2M), itself a
	 * multiple of 64K; 5.7 rounds that up to 16M: 1T + 1G + 16M. */
	check("radix 64K 1T on 5.6 (64K granule)", VP_MMU_RADIX, 16, VP_MAP_DEV,
	      "5.6.19", 0, 1, T(1), T(1) + G(1) + M(2));
	/* A tiny target: 1 byte needs the smallest size the kernel takes:
	 * hash 64K refuses 16M (-ENXIO), accepts 32M. */
	check("hash 64K 1 byte", VP_MMU_HASH, 16, VP_MAP_DEV, NULL, 0, 1, 1,
	      M(32));
	/* x86-64 at A = 2M has the radix 4K layout: 1T + 16G + 272M. */
	check_x86("x86 1T", VP_MAP_DEV, 0, 1, T(1), T(1) + G(16) + M(272));
	check_x86("x86 map=mem 1T", VP_MAP_MEM, 0, 1, T(1), T(1) + M(16));
	check_x86("x86 6-way", VP_MAP_DEV, 0, 6, T(1), 0);
	/* x86 --align 1G (A = 1G > R = 16M, searched by data end), start 16G:
	 * Z = 1041G: reserve 64 (Z - 8K)/4K = 16.27G, dataoff = ALIGN(8K +
	 * 16.27G, 1G) = 17G, usable 1024G; 1041G - 16M loses the last 1G to
	 * end_trunc: 1023G. */
	check_x86("x86 --align 1G 1T", VP_MAP_DEV, G(1), 1, T(1), G(1041));
	/* Small targets, every smaller size planned: at a start 2M past a 1G
	 * boundary every size has an end_trunc, and usable is not monotone
	 * in the size (dataoff steps by 1G before the end does). */
	brute = true;
	start_at = G(16) + M(2);
	check_x86("x86 --align 1G 8G @16G+2M", VP_MAP_DEV, G(1), 1, G(8), 0);
	check_x86("x86 --align 1G 1 byte @16G+2M", VP_MAP_DEV, G(1), 1, 1, 0);
	check_x86("x86 --align 1G map=mem 5G @16G+2M", VP_MAP_MEM, G(1), 1,
		  G(5), 0);
	start_at = 0;
	check("radix 64K 6.6 --align 1G 20G", VP_MMU_RADIX, 16, VP_MAP_DEV,
	      "6.6", G(1), 1, G(20), 0);
	brute = false;
	{
		struct vp_input in;
		struct vp_error err;

		t_case = "x86 --align 1G with 3 ways: R = 48M neither divides "
			 "nor is a multiple of 1G";
		vp_input_defaults(&in);
		in.arch = VP_ARCH_X86_64;
		in.align = G(1);
		in.ways = 3;
		in.usable = T(1);
		EXPECT_U64(vp_answer(&in, &res, &err), VP_UNSUPPORTED);
	}
	{
		struct vp_input in;
		struct vp_error err;

		t_case = "unreachable target";
		vp_input_defaults(&in);
		in.usable = 1ULL << 51;
		EXPECT_U64(vp_answer(&in, &res, &err), VP_REFUSED);
		t_case = "unreachable on x86: 46 physical address bits";
		in.arch = VP_ARCH_X86_64;
		in.usable = 1ULL << 46;
		EXPECT_U64(vp_answer(&in, &res, &err), VP_REFUSED);
		in.plat.la57 = true;
		EXPECT_U64(vp_answer(&in, &res, &err), VP_OK);
		in.arch = VP_ARCH_PPC64;
		in.plat.la57 = false;
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
