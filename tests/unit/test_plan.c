// SPDX-License-Identifier: GPL-2.0-only
/*
 * Whole plans against values derived by hand from the kernel rules
 * (drivers/nvdimm/pfn_devs.c:nd_pfn_init and __nvdimm_setup_pfn,
 * arch/powerpc/mm/init_64.c:vmemmap_populate/altmap_cross_boundary/
 * vmemmap_free, mm/sparse-vmemmap.c:altmap_alloc_block_buf @6.1).
 * Example names (E1, E2, ...) are those of shared/kernel-model.md §5.
 * Notation: W = pfns one vmemmap block describes (B/64), nr = pfns it takes
 * (B/PAGE_SIZE), P0/P1 = first/after-last hot-added pfn.
 * Every plan runs with both engines and must give the same numbers.
 */
#include <errno.h>
#include <string.h>

#include "harness.h"
#include "compare.h"

#define K(x) ((uint64_t)(x) << 10)
#define M(x) ((uint64_t)(x) << 20)
#define G(x) ((uint64_t)(x) << 30)
#define T(x) ((uint64_t)(x) << 40)

static struct vp_result res, ref;
static struct vp_error err;

/* Plans in with both engines into res (and err); the reference engine
 * must agree on everything it produced. */
static enum vp_status both_engines(struct vp_input *in)
{
	enum vp_status s, s2;
	struct vp_error e2;

	s = vp_plan(in, &res, &err);
	in->engine = VP_ENGINE_REFERENCE;
	s2 = vp_plan(in, &ref, &e2);
	EXPECT_U64(s2, s);
	if (s == VP_OK && s2 == VP_OK) {
		EXPECT_TRUE(same_device(&ref.dev[0], &res.dev[0]));
		EXPECT_TRUE(memcmp(&ref.totals, &res.totals,
				   sizeof(res.totals)) == 0);
	}
	return s;
}

static void set_kernel(struct vp_input *in, const char *kernel)
{
	struct vp_kver v;

	vp_kver_parse(kernel, &v);
	vp_kernel_resolve(&v, &in->kernel);
}

static enum vp_status plan(enum vp_mmu mmu, unsigned pshift, uint64_t size,
			   uint64_t start, enum vp_map map, const char *kernel,
			   uint64_t align)
{
	struct vp_input in;

	vp_input_defaults(&in);
	in.mmu = mmu;
	in.page_shift = pshift;
	in.size = size;
	in.start = start;
	in.start_given = true;
	in.map = map;
	in.align = align;
	if (kernel)
		set_kernel(&in, kernel);
	return both_engines(&in);
}

static const struct vp_device_result *d0(void)
{
	return &res.dev[0];
}

static void e1_radix_64k_1t(void)
{
	t_case = "E1 radix 64K 1T@2T 6.1.192";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, NULL, 0), VP_OK);
	/* B = 2 MiB -> W = 32768 pfns (2 GiB), nr = 32; align 2M (radix THP),
	 * compat 2M.  npfns = (2^40 - 8K) >> 16 = 16777215, reserve
	 * 64 x 16777215 = 1 GiB - 64; dataoff = ALIGN(8K + 1G - 64, 2M)
	 * = 1 GiB + 2 MiB. */
	EXPECT_U64(d0()->layout.dataoff, 1075838976);
	EXPECT_U64(d0()->layout.end_trunc, 0);
	/* sb.npfns = (2^40 - dataoff) >> 16 = 16777216 - 16416. */
	EXPECT_U64(d0()->layout.npfns, 16760800);
	EXPECT_U64(d0()->layout.usable_bytes, 1098435788800ULL);
	/* base_pfn = 2^41 >> 16; reserve = PFN(ALIGN(8K, 64K)) = 1;
	 * free = (dataoff - 64K) >> 16 = 16415; end_pfn = base + 2^24 - 1. */
	EXPECT_U64(d0()->hotadd.altmap.base_pfn, 33554432);
	EXPECT_U64(d0()->hotadd.altmap.reserve, 1);
	EXPECT_U64(d0()->hotadd.altmap.free, 16415);
	EXPECT_U64(d0()->hotadd.altmap.end_pfn, 50331647);
	/* 512 blocks, none crossing (2 TiB is 2 GiB aligned); block 0:
	 * next = base + 1 -> pad 31; then 512 x 32 = 16384 pfns: exact fit. */
	EXPECT_U64(d0()->populate.blocks_touched, 512);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->populate.first_altmap_pfn, 33554432 + 32);
	EXPECT_U64(d0()->altmap_bytes, G(1));
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(d0()->unused_altmap_bytes, 0);
	EXPECT_U64(d0()->align_waste_bytes, K(1984));
	EXPECT_U64(res.totals.reserved_pfns, 16416);
	EXPECT_U64(res.totals.alignment_waste_bytes, K(1984));
	/* Removal: every block back to the altmap; align stays 31. */
	EXPECT_U64(d0()->after_free.alloc, 0);
	EXPECT_U64(d0()->after_free.align, 31);
	EXPECT_U64(d0()->after_free.altmap_freed_pfns, 16384);
	EXPECT_U64(d0()->after_free.dram_freed_bytes, 0);
}

static void e1b_vanilla_610(void)
{
	t_case = "E1b radix 64K 1T@2T 6.1.0";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, "6.1.0", 0),
		   VP_OK);
	/* Reserve 128 x npfns = 2 GiB - 128; dataoff = 2 GiB + 2 MiB;
	 * free = (dataoff - 64K) >> 16 = 32799.  The last block
	 * (pfns end_pfn - 32767 .. end_pfn) fails the off-by-one test
	 * start + 32768 > end_pfn -> DRAM; 511 blocks x 32 = 16352. */
	EXPECT_U64(d0()->layout.dataoff, 2149580800ULL);
	EXPECT_U64(d0()->hotadd.altmap.free, 32799);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16352);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->populate.dram_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, M(2));
	/* Unused: 32799 - 16352 - 31 = 16416 pfns. */
	EXPECT_U64(d0()->unused_altmap_bytes, 16416ULL << 16);
}

static void e2_hash_64k_1t(void)
{
	t_case = "E2 hash 64K 1T@2T";
	EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), T(2), VP_MAP_DEV, NULL, 0), VP_OK);
	/* B = 16 MiB (W = 262144 pfns = 16 GiB, nr = 256); align 16M (hash
	 * 64K THP), compat 16M.  dataoff = ALIGN(8K + 1G - 64, 16M). */
	EXPECT_U64(d0()->layout.dataoff, 1090519040);
	EXPECT_U64(d0()->layout.usable_bytes, 1098421108736ULL);
	EXPECT_U64(d0()->hotadd.altmap.free, 16639);
	/* 64 blocks; pad (-(base + 1)) mod 256 = 255; 64 x 256 = 16384. */
	EXPECT_U64(d0()->populate.blocks_touched, 64);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);
	EXPECT_U64(d0()->hotadd.altmap.align, 255);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(d0()->align_waste_bytes, K(16320));
}

static void hash_edges_16m_not_16g(void)
{
	t_case = "hash 64K 1T@16G+16M";
	EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), G(16) + M(16), VP_MAP_DEV, NULL,
			0), VP_OK);
	/* P0 = 262144 + 256 = 262400, P1 = P0 + 2^24 = 17039616.
	 * Blocks floor(P0/W) = 1 .. ceil(P1/W) - 1 = 65: 65 touched.
	 * Block 1 starts below base_pfn, block 65 ends past end_pfn: both
	 * cross -> 2 x 16 MiB DRAM.  Blocks 2..64 (63) from the altmap:
	 * pad = ALIGN(262401, 256) - 262401 = 255, alloc 63 x 256 = 16128,
	 * unused 16639 - 16128 - 255 = 256 pfns = 16 MiB. */
	EXPECT_U64(d0()->layout.dataoff, 1090519040);
	EXPECT_U64(d0()->populate.blocks_touched, 65);
	EXPECT_U64(d0()->populate.cross_blocks, 2);
	EXPECT_U64(d0()->dram_bytes, M(32));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16128);
	EXPECT_U64(d0()->hotadd.altmap.align, 255);
	EXPECT_U64(d0()->unused_altmap_bytes, M(16));
	EXPECT_U64(d0()->after_free.dram_freed_bytes, M(32));
	EXPECT_U64(d0()->after_free.altmap_freed_pfns, 16128);
}

static void e8_hash_16g_at_8g(void)
{
	t_case = "E8 hash 64K 16G@8G";
	EXPECT_U64(plan(VP_MMU_HASH, 16, G(16), G(8), VP_MAP_DEV, NULL, 0), VP_OK);
	/* Both 16 GiB windows [0, 16G) and [16G, 32G) describe pfns outside
	 * [8G, 24G), so neither may use the altmap.  But window 0 also
	 * describes boot RAM [0, 1G), whose early sections are valid:
	 * vmemmap_populated() is true and the block is skipped.  Only window
	 * 1 is allocated, from DRAM: 16 MiB.  (kernel-model.md's E8 says
	 * 32 MiB assuming nothing else is populated; with the >= 1 GiB of
	 * boot RAM at 0 that 16M vmemmap pages need, that cannot happen.) */
	EXPECT_U64(d0()->populate.blocks_touched, 2);
	EXPECT_U64(d0()->populate.skipped_blocks, 1);
	EXPECT_U64(d0()->populate.dram_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, M(16));
	/* On removal window 0 still describes boot RAM: it stays. */
	EXPECT_U64(d0()->after_free.kept_blocks, 1);
	EXPECT_U64(d0()->after_free.dram_freed_bytes, M(16));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 0);
	EXPECT_U64(d0()->hotadd.altmap.align, 0);
	/* npfns = (16G - 8K) >> 16 = 262143; dataoff = ALIGN(8K + 64 x
	 * 262143, 16M) = 32 MiB; free = 511. */
	EXPECT_U64(d0()->layout.dataoff, M(32));
	EXPECT_U64(d0()->hotadd.altmap.free, 511);
}

static void e7_hash_4k_16g(void)
{
	t_case = "E7 hash 4K 16G@64G";
	EXPECT_U64(plan(VP_MMU_HASH, 12, G(16), G(64), VP_MAP_DEV, NULL, 0), VP_OK);
	/* 4K hash has no THP: align 4K, compat 16M -> data align 16M.
	 * npfns = (16G - 8K) >> 12 = 4194302; reserve 64 x that;
	 * dataoff = ALIGN(8K + 268435328, 16M) = 272 MiB.
	 * reserve = PFN(8K) = 2; free = (272M - 8K) >> 12 = 69630.
	 * B = 16M: W = 262144 pfns (1 GiB), nr = 4096: 16 blocks; pad
	 * (-(16777216 + 2)) mod 4096 = 4094; alloc 16 x 4096 = 65536. */
	EXPECT_U64(d0()->layout.dataoff, M(272));
	EXPECT_U64(d0()->layout.usable_bytes, 16894656512ULL);
	EXPECT_U64(d0()->hotadd.altmap.reserve, 2);
	EXPECT_U64(d0()->hotadd.altmap.free, 69630);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 65536);
	EXPECT_U64(d0()->hotadd.altmap.align, 4094);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(res.arch.default_align, K(4));
}

static void e4_radix_misaligned(void)
{
	t_case = "E4 radix 64K 64G@4G+2M";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(64), G(4) + M(2), VP_MAP_DEV, NULL,
			0), VP_OK);
	/* dataoff = ALIGN(8K + 64 x 1048575, 2M) = 66 MiB; free 1055;
	 * base_pfn = 65568.  P0 = 65568, P1 = 1114144: blocks 2 .. 34
	 * (33).  Block 2 starts at pfn 65536 < base, block 34 ends past
	 * end_pfn 1114143: 2 x 2 MiB DRAM.  31 blocks: pad 31, 992 pfns. */
	EXPECT_U64(d0()->layout.dataoff, M(66));
	EXPECT_U64(d0()->layout.usable_bytes, 68650270720ULL);
	EXPECT_U64(d0()->hotadd.altmap.base_pfn, 65568);
	EXPECT_U64(d0()->hotadd.altmap.free, 1055);
	EXPECT_U64(d0()->populate.blocks_touched, 33);
	EXPECT_U64(d0()->populate.cross_blocks, 2);
	EXPECT_U64(d0()->dram_bytes, M(4));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 992);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->unused_altmap_bytes, 32ULL << 16);
}

static void e4d_hash_refused(void)
{
	t_case = "E4d hash 64K 64G@4G+2M";
	/* compat align 16M: 4G + 2M is misaligned -> nd_pfn_init -EINVAL. */
	EXPECT_U64(plan(VP_MMU_HASH, 16, G(64), G(4) + M(2), VP_MAP_DEV, NULL,
			0), VP_REFUSED);
	EXPECT_U64(err.kerrno, EINVAL);
	EXPECT_STR(err.where, "drivers/nvdimm/pfn_devs.c:nd_pfn_init");
}

static void enxio_too_small(void)
{
	t_case = "hash 64K 16M: unable to satisfy requested alignment";
	/* npfns = (16M - 8K) >> 16 = 255; dataoff = ALIGN(8K + 16320, 16M)
	 * = 16M, not below the size -> -ENXIO. */
	EXPECT_U64(plan(VP_MMU_HASH, 16, M(16), G(16), VP_MAP_DEV, NULL, 0),
		   VP_REFUSED);
	EXPECT_U64(err.kerrno, ENXIO);
	t_case = "radix 64K 4M: fits";
	/* dataoff = ALIGN(8K + 64 x 63, 2M) = 2M < 4M. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, M(4), G(16), VP_MAP_DEV, NULL, 0), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(2));
	t_case = "radix 64K 2M: refused";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, M(2), G(16), VP_MAP_DEV, NULL, 0),
		   VP_REFUSED);
	EXPECT_U64(err.kerrno, ENXIO);
}

static void one_block_exact(void)
{
	t_case = "radix 64K 2G@16G, 6.1.192";
	/* One block describing exactly the device.  npfns = 32767,
	 * dataoff = ALIGN(8192 + 2097088, 2M) = 4 MiB, free = 63.
	 * Not crossing: start + 32768 - 1 = end_pfn is not > end_pfn.
	 * pad 31 + 32 = 63 = free: exact fit. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(2), G(16), VP_MAP_DEV, NULL, 0), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(4));
	EXPECT_U64(d0()->hotadd.altmap.free, 63);
	EXPECT_U64(d0()->populate.altmap_blocks, 1);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->dram_bytes, 0);
	t_case = "radix 64K 2G@16G, 6.1.12 (off by one)";
	/* 64-byte reserve again, but start + 32768 > end_pfn: DRAM. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(2), G(16), VP_MAP_DEV, "6.1.12", 0),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(4));
	EXPECT_U64(d0()->populate.cross_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, M(2));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 0);
	t_case = "radix 64K 1T@2T, 5.14 (RHEL 9)";
	/* v5.7-6.0: 64-byte reserve (dataoff 1 GiB + 2 MiB as E1) but the
	 * off-by-one: the last of 512 blocks (start_pfn + 32768 > end_pfn)
	 * goes to DRAM: alloc 511 x 32 = 16352, align 31, DRAM 2 MiB. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV,
			"5.14.0-362.el9", 0), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, 1075838976);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16352);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->dram_bytes, M(2));
	t_case = "hash 64K 1T@2T, 5.15";
	/* Hash: the last 16 GiB window, 16 MiB DRAM; alloc 63 x 256. */
	EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), T(2), VP_MAP_DEV, "5.15", 0),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, 1090519040);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16128);
	EXPECT_U64(d0()->dram_bytes, M(16));
	t_case = "radix 64K 2G@16G+2M";
	/* P0 = 262176, P1 = 294944: blocks 8 and 9, each describing pfns
	 * outside the device -> 2 DRAM blocks, nothing from the altmap. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(2), G(16) + M(2), VP_MAP_DEV, NULL,
			0), VP_OK);
	EXPECT_U64(d0()->populate.blocks_touched, 2);
	EXPECT_U64(d0()->dram_bytes, M(4));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 0);
}

static void radix_4k(void)
{
	t_case = "radix 4K 1T@2T";
	/* B = 2M: W = 32768 pfns (128 MiB), nr = 512.  npfns = 2^28 - 2,
	 * dataoff = ALIGN(8K + 64 x npfns, 2M) = 16 GiB + 2 MiB; reserve 2,
	 * free = (dataoff - 8K) >> 12 = 4194814.  8192 blocks: pad
	 * (-(base + 2)) mod 512 = 510, alloc 8192 x 512 = 4194304. */
	EXPECT_U64(plan(VP_MMU_RADIX, 12, T(1), T(2), VP_MAP_DEV, NULL, 0), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, G(16) + M(2));
	EXPECT_U64(d0()->hotadd.altmap.free, 4194814);
	EXPECT_U64(d0()->populate.blocks_touched, 8192);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 4194304);
	EXPECT_U64(d0()->hotadd.altmap.align, 510);
	EXPECT_U64(d0()->memmap_bytes, G(16));
	EXPECT_U64(d0()->dram_bytes, 0);
}

static void e11_map_mem(void)
{
	t_case = "E11 radix 64K 1T map=mem";
	/* dataoff = ALIGN(8K, 2M) = 2M; no altmap: 512 DRAM blocks of 2M. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_MEM, NULL, 0), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(2));
	EXPECT_U64(d0()->hotadd.has_altmap, 0);
	EXPECT_U64(d0()->dram_bytes, G(1));
	EXPECT_U64(d0()->altmap_bytes, 0);
	EXPECT_U64(res.totals.reserved_pfns, 32);
	/* The pad between the 64K info block and 2M is waste. */
	EXPECT_U64(res.totals.alignment_waste_bytes, M(2) - K(64));
	EXPECT_U64(d0()->after_free.dram_freed_bytes, G(1));
	t_case = "hash 64K 1T map=mem";
	EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), T(2), VP_MAP_MEM, NULL, 0), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(16));
	EXPECT_U64(d0()->dram_bytes, G(1));	/* 64 x 16 MiB */
}

static void end_trunc(void)
{
	t_case = "radix 64K 1G+1M: end_trunc";
	/* S + Z = 16G + 1G + 1M: 1 MiB past the 2M data alignment. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(1) + M(1), G(16), VP_MAP_DEV, NULL,
			0), VP_OK);
	EXPECT_U64(d0()->layout.end_trunc, M(1));
	/* npfns = (1G + 1M - 8K) >> 16 = 16399; 64 x 16399 = 1049536;
	 * dataoff = ALIGN(8192 + 1049536, 2M) = 2M; usable 1G - 2M. */
	EXPECT_U64(d0()->layout.dataoff, M(2));
	EXPECT_U64(d0()->layout.usable_bytes, G(1) - M(2));
	EXPECT_U64(d0()->hotadd.end_pfn - d0()->hotadd.start_pfn, 16384);
}

static void align_refusals(void)
{
	t_case = "radix: --align 16M unsupported";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, NULL, M(16)),
		   VP_BADINPUT);
	t_case = "hash 4K: --align 2M unsupported (no THP)";
	EXPECT_U64(plan(VP_MMU_HASH, 12, T(1), T(2), VP_MAP_DEV, NULL, M(2)),
		   VP_BADINPUT);
	t_case = "radix: --align 64K";
	/* data align = max(64K, 2M): same layout as E1. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, NULL, K(64)),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, 1075838976);
	t_case = "overlapping boot RAM [0, 1G)";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(1), M(512), VP_MAP_DEV, NULL, 0),
		   VP_REFUSED);
	EXPECT_U64(err.kerrno, ENXIO);
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(1), G(1), VP_MAP_DEV, NULL, 0),
		   VP_OK);
	/* Radix window 0 describes [0, 2G): boot RAM makes it populated, so
	 * the 1 GiB device at 1G takes no vmemmap block of its own. */
	EXPECT_U64(d0()->populate.skipped_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(d0()->altmap_bytes, 0);
	t_case = "beyond MAX_PHYSMEM_BITS";
	/* 2^51 is the first address past the limit. */
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), (1ULL << 51) - T(1) + G(16),
			VP_MAP_DEV, NULL, 0), VP_BADINPUT);
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), (1ULL << 51) - T(1),
			VP_MAP_DEV, NULL, 0), VP_OK);
	/* 4917f55b4ef9 (compound-page vmemmap) is in 5.19; 5.17's 14606001efb4
	 * makes devdax pages compound but still maps their whole memmap. */
	t_case = "devdax map=mem: no compound path before 5.19";
	{
		struct vp_input in;
		struct vp_kver v;

		vp_input_defaults(&in);
		in.size = T(1);
		in.mode = VP_MODE_DEVDAX;
		in.map = VP_MAP_MEM;
		vp_kver_parse("5.16", &v);
		vp_kernel_resolve(&v, &in.kernel);
		EXPECT_U64(vp_plan(&in, &res, &err), VP_OK);
		EXPECT_U64(res.totals.dram_bytes, G(1));
		vp_kver_parse("5.18.19", &v);
		vp_kernel_resolve(&v, &in.kernel);
		EXPECT_U64(vp_plan(&in, &res, &err), VP_OK);
		EXPECT_U64(res.totals.dram_bytes, G(1));
		vp_kver_parse("5.19", &v);
		vp_kernel_resolve(&v, &in.kernel);
		EXPECT_U64(vp_plan(&in, &res, &err), VP_UNSUPPORTED);
	}
	t_case = "devdax map=mem on 6.1.183";
	{
		struct vp_input in;
		struct vp_kver v;

		vp_input_defaults(&in);
		in.size = T(1);
		in.mode = VP_MODE_DEVDAX;
		in.map = VP_MAP_MEM;
		vp_kver_parse("6.1.183", &v);
		vp_kernel_resolve(&v, &in.kernel);
		EXPECT_U64(vp_plan(&in, &res, &err), VP_UNSUPPORTED);
		vp_kver_parse("6.1.184", &v);
		vp_kernel_resolve(&v, &in.kernel);
		EXPECT_U64(vp_plan(&in, &res, &err), VP_OK);
	}
}

/*
 * Radix from 6.6 on: radix__vmemmap_populate (book3s64/radix_pgtable.c
 * @6.12, lines 1125-1221): 2 MiB PMD leaves (Wpmd = 32768 pfns, 32 pfns of
 * backing at 64K, 512 at 4K) where the chunk's vmemmap address is PMD
 * aligned and the PMD does not cross the device; PAGE_SIZE PTE pages
 * (Wpte = 1024 pfns at 64K, 64 at 4K; 1 pfn each, never padded) elsewhere,
 * from the altmap unless the page crosses.
 */
static void radix_eras(void)
{
	/* E5: 1T@2T is PMD aligned: 512 leaves, block 0 padded by 31, as E1. */
	t_case = "E5 radix 64K 1T@2T 6.12.117";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, "6.12.117", 0),
		   VP_OK);
	EXPECT_U64(res.geom.path, VP_PATH_RADIX);
	EXPECT_U64(d0()->populate.altmap_blocks, 512);
	EXPECT_U64(d0()->populate.altmap_pages, 0);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(d0()->after_free.altmap_freed_pfns, 16384);

	/* E4b, 64G@4G+2M (P0 = 65568, base 65568, end_pfn 1114143, free
	 * 1055), 6.15 form (start aligned down to PAGE_SIZE):
	 *  - PMD 2 (pfns 65536..98303): the chunk starts mid-PMD, so pages;
	 *    page 64 (pfns 65536..66559) starts below base_pfn: DRAM; pages
	 *    65..95 (31) from the altmap, 1 pfn each: alloc 31;
	 *  - PMDs 3..33 (31): next = 65568 + 1 + 31 = 65600, already 32-aligned:
	 *    no pad, 992 pfns;
	 *  - PMD 34 (from 1114112) crosses the end: pages; page 1088 (pfns
	 *    1114112..1115135) crosses too: DRAM.
	 *  alloc 1023, align 0, DRAM 2 x 64 KiB. */
	t_case = "E4b radix 64K 64G@4G+2M 6.12.117";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(64), G(4) + M(2), VP_MAP_DEV,
			"6.12.117", 0), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 1023);
	EXPECT_U64(d0()->hotadd.altmap.align, 0);
	EXPECT_U64(d0()->populate.altmap_blocks, 31);
	EXPECT_U64(d0()->populate.altmap_pages, 31);
	EXPECT_U64(d0()->populate.dram_pages, 2);
	EXPECT_U64(d0()->populate.cross_blocks, 2);
	EXPECT_U64(d0()->dram_bytes, K(128));
	EXPECT_U64(d0()->populate.first_altmap_pfn, 65569);

	/* E4c, the same in 6.6-6.14 (no start alignment): page 64 is checked
	 * with the chunk's own first pfn 65568 >= base_pfn, so it comes from
	 * the altmap (and describes 32 pfns below the device): alloc 32 after
	 * PMD 2; next = 65568 + 1 + 32 = 65601, padded to 65632: align 31;
	 * 31 leaves: 1024 pfns, exact fit (1024 + 31 = free); only the last
	 * page is DRAM. */
	t_case = "E4c radix 64K 64G@4G+2M 6.12.27";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(64), G(4) + M(2), VP_MAP_DEV,
			"6.12.27", 0), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 1024);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->populate.dram_pages, 1);
	EXPECT_U64(d0()->dram_bytes, K(64));
	EXPECT_U64(d0()->unused_altmap_bytes, 0);

	/* E10, radix 4K 64G@64G+2M, 6.12.117.  P0 = 16777728, dataoff =
	 * ALIGN(8K + 64 x 16777214, 2M) = 1G + 2M, reserve 2, free 262654.
	 * PMD 512: 504 pages (64 pfns each) from the altmap; PMDs 513..1023:
	 * next = P0 + 2 + 504 padded to 512: align 6, 511 leaves of 512;
	 * PMD 1024: the device's last 512 pfns, 8 pages, none crossing
	 * (the last ends at end_pfn).  alloc 504 + 261632 + 8, DRAM 0. */
	t_case = "E10 radix 4K 64G@64G+2M 6.12.117";
	EXPECT_U64(plan(VP_MMU_RADIX, 12, G(64), G(64) + M(2), VP_MAP_DEV,
			"6.12.117", 0), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.free, 262654);
	EXPECT_U64(d0()->populate.altmap_blocks, 511);
	EXPECT_U64(d0()->populate.altmap_pages, 512);
	EXPECT_U64(d0()->hotadd.altmap.align, 6);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 262144);
	EXPECT_U64(d0()->dram_bytes, 0);
	/* The same on 6.1.192 (init_64.c loop, 2M blocks of 32768 pfns):
	 * blocks 512 and 1024 cross: 4 MiB DRAM; 511 blocks with pad
	 * ALIGN(P0 + 2, 512) - (P0 + 2) = 510. */
	t_case = "E10 on 6.1.192";
	EXPECT_U64(plan(VP_MMU_RADIX, 12, G(64), G(64) + M(2), VP_MAP_DEV,
			NULL, 0), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 261632);
	EXPECT_U64(d0()->hotadd.altmap.align, 510);
	EXPECT_U64(d0()->dram_bytes, M(4));

	/* map=mem 64G@4G+64M (P0 = 66560, 33 PMDs 2..34), no altmap:
	 *  6.6-6.14: the first chunk's PMD is empty and there is no altmap, so
	 *            a DRAM leaf even at an unaligned address: 33 x 2 MiB;
	 *  6.15/6.16: aligned down to PAGE_SIZE only: 66560 is not PMD
	 *            aligned, so pages 65..95 of PMD 2 (31 x 64 KiB) + 32 leaves;
	 *  6.17:     aligned down to PMD_SIZE without an altmap: 33 leaves. */
	t_case = "radix map=mem 64G@4G+64M by era";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(64), G(4) + M(64), VP_MAP_MEM,
			"6.12.27", 0), VP_OK);
	EXPECT_U64(d0()->dram_bytes, M(66));
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(64), G(4) + M(64), VP_MAP_MEM,
			"6.15", 0), VP_OK);
	EXPECT_U64(d0()->populate.dram_pages, 31);
	EXPECT_U64(d0()->dram_bytes, M(64) + K(1984));
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(64), G(4) + M(64), VP_MAP_MEM,
			"6.17", 0), VP_OK);
	EXPECT_U64(d0()->dram_bytes, M(66));
	EXPECT_U64(d0()->populate.dram_pages, 0);

	/* 27af67f35631 (6.6): radix offers 1 GiB; dataoff = ALIGN(8K + 1G -
	 * 64, 1G) = 2 GiB. 6.1 refuses the value. */
	t_case = "radix --align 1G";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, "6.6", G(1)),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, G(2));
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, NULL, G(1)),
		   VP_BADINPUT);

	/* e96d9a938e89 (6.6): 3 MiB at 16G, radix 64K: dataoff =
	 * ALIGN(8K + 64 x 47, 2M) = 2M, end_trunc 1M.  6.1 accepts it with
	 * sb.npfns = 0 (a zero-sized device); 6.6 refuses 2M >= 3M - 1M. */
	t_case = "zero-sized namespace";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, M(3), G(16), VP_MAP_DEV, NULL, 0),
		   VP_OK);
	EXPECT_U64(d0()->layout.usable_bytes, 0);
	EXPECT_U64(d0()->layout.end_trunc, M(1));
	EXPECT_U64(plan(VP_MMU_RADIX, 16, M(3), G(16), VP_MAP_DEV, "6.6", 0),
		   VP_REFUSED);
	EXPECT_U64(err.kerrno, ENXIO);

	/* 1 TiB at 64K (default start 16 GiB), the versions of the kernel
	 * version issue: radix differs only at 6.1.0 (128-byte reserve +
	 * off-by-one) and 6.1.12 (off-by-one); every later one, old loop or
	 * new path, gives E1's numbers (alloc 16384, align 31, DRAM 0).
	 * Hash: the init_64.c loop throughout; only 6.1.0 and 6.1.12
	 * differ (the last 16 GiB window in DRAM). */
	{
		static const char *const vers[] = { "6.1.39", "6.1.192", "6.6",
						    "6.12.117", "6.15", "6.17" };
		unsigned i;

		for (i = 0; i < 6; i++) {
			t_case = vers[i];
			EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), G(16), VP_MAP_DEV,
					vers[i], 0), VP_OK);
			EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);
			EXPECT_U64(d0()->hotadd.altmap.align, 31);
			EXPECT_U64(d0()->dram_bytes, 0);
			EXPECT_U64(d0()->layout.dataoff, M(1026));
			EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), G(16), VP_MAP_DEV,
					vers[i], 0), VP_OK);
			EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);
			EXPECT_U64(d0()->dram_bytes, 0);
		}
		t_case = "6.1.12 hash: last 16 GiB window to DRAM";
		EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), G(16), VP_MAP_DEV,
				"6.1.12", 0), VP_OK);
		EXPECT_U64(d0()->hotadd.altmap.alloc, 16128);
		EXPECT_U64(d0()->dram_bytes, M(16));
	}
}

/* Machine settings (--kfence, --hash-16m, --boot-ram, --radix-only). */
static enum vp_status plan_plat(enum vp_mmu mmu, uint64_t size, uint64_t start,
				bool start_given, uint64_t align, bool kfence,
				bool hash_16m, uint64_t boot, bool radix_only)
{
	struct vp_input in;

	vp_input_defaults(&in);
	in.mmu = mmu;
	in.size = size;
	in.start = start;
	in.start_given = start_given;
	in.align = align;
	in.plat.kfence = kfence;
	in.plat.hash_16m = hash_16m;
	in.plat.boot_ram_bytes = boot;
	in.plat.radix_only = radix_only;
	return vp_plan(&in, &res, &err);
}

static void machine_settings(void)
{
	/* E9: KFENCE -> no 16M hash linear map -> compat align 2M; with
	 * --align 64K the data align is 2M: dataoff 1G + 2M, free 16415.
	 * 16M blocks still (16M pages, >= 1G boot RAM): pad 255, then
	 * 255 + 63 x 256 = 16383 fits and a 64th does not -> last block DRAM. */
	t_case = "E9 hash 64K 1T@2T KFENCE --align 64K";
	EXPECT_U64(plan_plat(VP_MMU_HASH, T(1), T(2), true, K(64), true, true,
			     G(1), false), VP_OK);
	EXPECT_U64(res.arch.compat_align, M(2));
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(2));
	EXPECT_U64(d0()->hotadd.altmap.free, 16415);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16128);
	EXPECT_U64(d0()->hotadd.altmap.align, 255);
	EXPECT_U64(d0()->populate.fallback_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, M(16));

	/* No 16M hash pages: vmemmap blocks of PAGE_SIZE (W = 1024 pfns,
	 * 1 pfn each, never padded), compat 2M, no THP -> align 64K.  16384
	 * blocks, alloc 16384, align 0, DRAM 0. */
	t_case = "hash 64K 1T@2T without 16M pages";
	EXPECT_U64(plan_plat(VP_MMU_HASH, T(1), T(2), true, 0, false, false,
			     G(1), false), VP_OK);
	EXPECT_U64(res.arch.default_align, K(64));
	EXPECT_U64(res.geom.block_bytes, K(64));
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(2));
	EXPECT_U64(d0()->populate.altmap_blocks, 16384);
	EXPECT_U64(d0()->hotadd.altmap.align, 0);
	EXPECT_U64(d0()->dram_bytes, 0);

	/* Boot RAM below 1 GiB: hash vmemmap blocks fall back to PAGE_SIZE
	 * while the linear map (and so compat align, 16M) does not. */
	t_case = "hash 64K 1T@2T, boot RAM 512M";
	EXPECT_U64(plan_plat(VP_MMU_HASH, T(1), T(2), true, 0, false, true,
			     M(512), false), VP_OK);
	EXPECT_U64(res.geom.block_bytes, K(64));
	EXPECT_U64(res.arch.compat_align, M(16));
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(16));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);

	/* Boot RAM ending inside a section (1000M: section 62 is [992M,
	 * 1008M)): the early section is valid as a whole, so a radix 64K
	 * device from 1000M (2M aligned, outside RAM: accepted) shares it and
	 * the 2 GiB block 0, already mapped at boot: nothing new. */
	t_case = "boot RAM 1000M, device in its last section";
	EXPECT_U64(plan_plat(VP_MMU_RADIX, G(1), M(1000), true, 0, false, true,
			     M(1000), false), VP_OK);
	EXPECT_U64(d0()->populate.skipped_blocks, 1);
	EXPECT_U64(d0()->populate.premapped_pfns, G(1) >> 16);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(d0()->after_free.kept_blocks, 1);

	/* The default start is the first 16 GiB boundary above boot RAM. */
	t_case = "boot RAM 64G: default start 80G";
	EXPECT_U64(plan_plat(VP_MMU_RADIX, T(1), 0, false, 0, false, true,
			     G(64), false), VP_OK);
	EXPECT_U64(d0()->start, G(80));

	/* D3: a 6.1 radix-only build keeps mmu_vmemmap_psize = 4K: 4 KiB
	 * blocks (W = 64 pfns) that the altmap refuses (not a multiple of
	 * PAGE_SIZE), each costing one 64K DRAM page: 2^24 / 64 = 262144
	 * blocks = 16 GiB of DRAM for 1 GiB of struct pages. */
	t_case = "radix-only 6.1 (D3)";
	EXPECT_U64(plan_plat(VP_MMU_RADIX, T(1), T(2), true, 0, false, true,
			     G(1), true), VP_OK);
	EXPECT_U64(res.geom.block_bytes, K(4));
	EXPECT_U64(d0()->populate.dram_blocks, 262144);
	EXPECT_U64(d0()->dram_bytes, G(16));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 0);
	EXPECT_U64(plan_plat(VP_MMU_HASH, T(1), T(2), true, 0, false, true,
			     G(1), true), VP_BADINPUT);
}

/*
 * 5.4-5.6, before 6acd7d5ef264 (5.7): nd_pfn_init aligns the data to
 * max(align, SUBSECTION_SIZE = 2 MiB) and checks no start; __add_pages
 * still wants a sub-section aligned one (check_pfn_span).
 */
static void before_compat_align(void)
{
	/* Hash 64K 1T@2T --align 64K: 5.7+ data align max(64K, 16M) = 16M,
	 * dataoff ALIGN(8K + 1G - 64, 16M) = 1G + 16M; 5.6: 2M -> 1G + 2M. */
	t_case = "hash 64K --align 64K on 5.6 and 5.7";
	EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), T(2), VP_MAP_DEV, "5.6.19",
			K(64)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(2));
	EXPECT_U64(plan(VP_MMU_HASH, 16, T(1), T(2), VP_MAP_DEV, "5.7",
			K(64)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(16));
	/* Hash start 16G + 2M: refused from 5.7 (misaligned to 16M), taken
	 * by 5.6 (2M is a sub-section). */
	t_case = "hash start 16G + 2M on 5.6 and 5.7";
	EXPECT_U64(plan(VP_MMU_HASH, 16, G(64), G(16) + M(2), VP_MAP_DEV,
			"5.7", 0), VP_REFUSED);
	EXPECT_U64(plan(VP_MMU_HASH, 16, G(64), G(16) + M(2), VP_MAP_DEV,
			"5.6.19", 0), VP_OK);
	/* ... but a 1M-aligned start still fails __add_pages: the altmap's
	 * base_pfn is the sub-section below the first pfn ("invalid
	 * altmap", checked before check_pfn_span). */
	EXPECT_U64(plan(VP_MMU_HASH, 16, G(64), G(16) + M(1), VP_MAP_DEV,
			"5.6.19", 0), VP_REFUSED);
	EXPECT_STR(err.where, "mm/memory_hotplug.c:__add_pages");
}

/* devdax map=mem on radix, with both engines. */
static enum vp_status plan_devdax_mem(unsigned pshift, uint64_t size,
				      uint64_t start, const char *kernel,
				      uint64_t align, uint64_t boot)
{
	struct vp_input in;

	vp_input_defaults(&in);
	in.page_shift = pshift;
	in.size = size;
	in.start = start;
	in.start_given = true;
	in.mode = VP_MODE_DEVDAX;
	in.map = VP_MAP_MEM;
	in.align = align;
	in.plat.boot_ram_bytes = boot;
	set_kernel(&in, kernel);
	return both_engines(&in);
}

/*
 * Radix devdax map=mem with compound pages, 6.6 on (f2b79c0d7968):
 * book3s64/radix_pgtable.c:vmemmap_populate_compound_pages @6.12.117
 * (lines 1310-1402), chosen by mm/sparse-vmemmap.c:
 * __populate_section_memmap (line 471) when radix_pgtable.c:
 * vmemmap_can_optimize (line 992) -> include/linux/mm.h:
 * __vmemmap_can_optimize (line 3942): no altmap and
 * (align / PAGE_SIZE) * 64 / PAGE_SIZE > VMEMMAP_RESERVE_NR (2).
 */
static void radix_compound(void)
{
	/* 64K pages, align 1G: n = 16384 pfns, whose memmap is 1 MiB = 16
	 * vmemmap pages.  16G at 16G: 16 compound pages, each reached at its
	 * (absolute, 1G-aligned) head: a DRAM page for the head page and one
	 * for the first tails, the other 14 map the tail page again: 32 x
	 * 64K = 2 MiB instead of 16 MiB.  dataoff = ALIGN(S + 8K, 1G) - S
	 * = 1G, usable 15G.  Measured on the real 6.12.117 (tests/kernel/
	 * ppc64.sh radix-devdax-mem-1G: usable 15 GiB, 32 order-0 DRAM pages
	 * from vmemmap_populate_compound_pages). */
	t_case = "radix 64K devdax map=mem 1G, 16G@16G, 6.12.117 (measured)";
	EXPECT_U64(plan_devdax_mem(16, G(16), G(16), "6.12.117", G(1), G(2)),
		   VP_OK);
	EXPECT_U64(d0()->hotadd.compound_pfns, 16384);
	EXPECT_U64(d0()->populate.compound_blocks, 16);
	EXPECT_U64(d0()->populate.dram_pages, 0);
	EXPECT_U64(d0()->dram_bytes, M(2));
	EXPECT_U64(d0()->layout.usable_bytes, G(15));
	EXPECT_U64(d0()->after_free.dram_freed_bytes, M(2));

	/* A start inside a compound page: radix finds heads at absolute
	 * multiples of 1G, memmap_init_zone_device counts compound pages from
	 * the start.  256M into it (4G at 16G + 256M) the real 6.12.117
	 * oopses in memmap_init_zone_device (tests/kernel/ppc64.sh
	 * radix-odd-devdax-mem-1G); smaller offsets were not measured and are
	 * refused the same way: 16M, 62M, 64M. */
	t_case = "radix 64K devdax map=mem 1G, start 256M into a compound page (measured oops)";
	EXPECT_U64(plan_devdax_mem(16, G(4), G(16) + M(256), "6.12.117",
				   G(1), G(2)), VP_REFUSED);
	EXPECT_STR(err.where, "mm/mm_init.c:memmap_init_zone_device");
	EXPECT_U64(err.kerrno, 0);
	t_case = "radix 64K devdax map=mem 1G, starts 16M, 62M, 64M into one";
	EXPECT_U64(plan_devdax_mem(16, G(4), G(16) + M(16), "6.12.117",
				   G(1), G(2)), VP_REFUSED);
	EXPECT_U64(plan_devdax_mem(16, G(4), G(16) + M(62), "6.12.117",
				   G(1), G(2)), VP_REFUSED);
	EXPECT_U64(plan_devdax_mem(16, G(4), G(16) + M(64), "6.12.117",
				   G(1), G(2)), VP_REFUSED);

	/* Right after 1G of boot RAM: the boot memmap's PMD leaf 0
	 * describes pfns [0, 32768), so the device's first compound page
	 * [16384, 32768) is skipped ("existing huge mapping"): 15 x 2 pages
	 * = 1.875 MiB for 16G at 1G. */
	t_case = "radix 64K devdax map=mem 1G, first compound page under the boot leaf";
	EXPECT_U64(plan_devdax_mem(16, G(16), G(1), "6.12.117", G(1), G(1)),
		   VP_OK);
	EXPECT_U64(d0()->populate.compound_blocks, 15);
	EXPECT_U64(d0()->populate.premapped_pfns, 16384);
	EXPECT_U64(d0()->dram_bytes, 30 * K(64));

	/* 4K pages, align 2M: n = 512, memmap 32K = 8 pages > 2: the compound
	 * path, whose 4K numbers depend on the addr_pfn fix (6.12.110): the
	 * old loop steps its pfn by 1 per 4K vmemmap page instead of 64, so
	 * every page after a chunk's first compound page is its own: refused
	 * as not modelled. */
	t_case = "radix 4K devdax map=mem 2M, 6.12.117: not modelled";
	EXPECT_U64(plan_devdax_mem(12, T(1), G(16), "6.12.117", 0, G(1)),
		   VP_UNSUPPORTED);

	/* 64K pages, align 2M: n = 32, memmap 2K: not more than 2 pages, no
	 * compound path: 512 DRAM PMD leaves = 1 GiB for 1T. */
	t_case = "radix 64K devdax map=mem 2M: no compound path";
	EXPECT_U64(plan_devdax_mem(16, T(1), G(16), "6.12.117", M(2), G(1)),
		   VP_OK);
	EXPECT_U64(d0()->hotadd.compound_pfns, 0);
	EXPECT_U64(d0()->populate.dram_blocks, 512);
	EXPECT_U64(d0()->dram_bytes, G(1));

	/* 6.4-6.5: 87a7ae75d738 left powerpc out until f2b79c0d7968 (6.6):
	 * the whole memmap, 16G / 4K x 64 = 256 MiB. */
	t_case = "radix 4K devdax map=mem 2M on 6.5: not opted in";
	EXPECT_U64(plan_devdax_mem(12, G(16), G(16), "6.5", 0, G(1)), VP_OK);
	EXPECT_U64(d0()->hotadd.compound_pfns, 0);
	EXPECT_U64(d0()->dram_bytes, M(256));
}

/* --struct-page-size: radix 64K, with both engines. */
static enum vp_status plan_sps(enum vp_arch arch, uint64_t size,
			       uint64_t start, enum vp_map map,
			       const char *kernel, unsigned sps)
{
	struct vp_input in;

	vp_input_defaults(&in);
	in.arch = arch;
	in.size = size;
	in.start = start;
	in.start_given = true;
	in.map = map;
	in.struct_page_size = sps;
	set_kernel(&in, kernel);
	vp_input_resolve(&in);
	return both_engines(&in);
}

/*
 * sizeof(struct page) other than 64 (drivers/nvdimm/pfn_devs.c:nd_pfn_init):
 * e96f0bf2ec92 (5.4) BUILD_BUG_ON(sizeof(struct page) >
 * MAX_STRUCT_PAGE_SIZE); MAX 128 in 6.1.0-6.1.11 (6e9f05dc66f9);
 * c91d71363084 (6.2, 6.1.12) MAX 64 and, without CONFIG_NVDIMM_KMSAN,
 * -EINVAL "Memory debug options prevent using pmem for the page map"
 * for map=dev (@6.1.192 lines 798-804).
 */
static void struct_page_size(void)
{
	uint64_t dataoff;

	t_case = "80-byte struct pages, map=dev, 6.1.192: -EINVAL";
	EXPECT_U64(plan_sps(VP_ARCH_PPC64, T(1), T(2), VP_MAP_DEV, "6.1.192",
			    80), VP_REFUSED);
	EXPECT_U64(err.kerrno, EINVAL);
	EXPECT_STR(err.where, "drivers/nvdimm/pfn_devs.c:nd_pfn_init");
	t_case = "80-byte struct pages, x86-64 map=dev, 6.12.117: -EINVAL";
	EXPECT_U64(plan_sps(VP_ARCH_X86_64, T(1), G(16), VP_MAP_DEV,
			    "6.12.117", 80), VP_REFUSED);
	EXPECT_U64(err.kerrno, EINVAL);

	t_case = "80-byte struct pages on 5.10: BUILD_BUG_ON, no such kernel";
	EXPECT_U64(plan_sps(VP_ARCH_PPC64, T(1), T(2), VP_MAP_MEM, "5.10",
			    80), VP_BADINPUT);
	t_case = "256-byte struct pages on 6.1.5: above its MAX of 128";
	EXPECT_U64(plan_sps(VP_ARCH_PPC64, T(1), T(2), VP_MAP_DEV, "6.1.5",
			    256), VP_BADINPUT);

	/* 128-byte struct pages on 6.1.5 (MAX 128), E1's device (1T at 2T,
	 * radix 64K): npfns = (2^40 - 8K) >> 16 = 2^24 - 1, reserve 128 x
	 * that = 2 GiB - 128; dataoff = ALIGN(8K + 2G - 128, 2M) = 2G + 2M.
	 * free = (dataoff - 64K) >> 16 = 32799 pfns.  A 2 MiB block now
	 * describes 2M / 128 = 16384 pfns (1 GiB): 1024 blocks of 32 pfns.
	 * The first pads 31 (base + reserve 1 to a multiple of 32), leaving
	 * exactly 32768 = 1024 x 32; 6.1.5 has the altmap_cross_boundary
	 * off-by-one, so the last block goes to DRAM: 1023 + 1. */
	t_case = "128-byte struct pages on 6.1.5, 1T@2T radix";
	EXPECT_U64(plan_sps(VP_ARCH_PPC64, T(1), T(2), VP_MAP_DEV, "6.1.5",
			    128), VP_OK);
	dataoff = G(2) + M(2);
	EXPECT_U64(d0()->layout.dataoff, dataoff);
	EXPECT_U64(d0()->layout.usable_bytes, T(1) - dataoff);
	EXPECT_U64(d0()->hotadd.altmap.free, 32799);
	EXPECT_U64(d0()->populate.altmap_blocks, 1023);
	EXPECT_U64(d0()->populate.dram_blocks, 1);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	EXPECT_U64(d0()->memmap_bytes, G(2));
	EXPECT_U64(d0()->dram_bytes, M(2));

	/* map=mem on 6.1.192: no reserve, no check; 1T of 64K pages at 128
	 * bytes = 2 GiB of memmap in 1024 DRAM blocks. */
	t_case = "128-byte struct pages, map=mem, 6.1.192";
	EXPECT_U64(plan_sps(VP_ARCH_PPC64, T(1), T(2), VP_MAP_MEM, "6.1.192",
			    128), VP_OK);
	EXPECT_U64(d0()->populate.dram_blocks, 1024);
	EXPECT_U64(d0()->dram_bytes, G(2));

	/* Sizes that do not divide the vmemmap blocks, and x86-64's
	 * one-PMD-per-section rule: not replayed. */
	t_case = "56-byte struct pages: not replayed";
	EXPECT_U64(plan_sps(VP_ARCH_PPC64, T(1), T(2), VP_MAP_MEM, "6.1.192",
			    56), VP_UNSUPPORTED);
	t_case = "128-byte struct pages on x86-64: not replayed";
	EXPECT_U64(plan_sps(VP_ARCH_X86_64, T(1), G(16), VP_MAP_MEM, "6.1.192",
			    128), VP_UNSUPPORTED);
}

/*
 * 5.4: arch/powerpc/mm/init_64.c:vmemmap_populated asks pfn_valid() of
 * section starts only (until 5f5d6e40a01e, 5.5).  16G at 16G + 18M, radix
 * 64K: the first chunk [16G+18M, 16G+32M) maps the 2 MiB block of pfns
 * [0x40000, 0x48000) (2 GiB); the second chunk [16G+32M, 16G+48M) asks
 * again: section 16G+16M's start pfn is not valid (sub-section 0 is not
 * the device's), section 16G+32M is not valid yet, so the block is mapped
 * a second time.  Not replayed: refused, naming the block.  On 5.5 the
 * sub-section test finds it populated; a section-aligned start is fine on
 * 5.4 too (E1's device, 1T at 2T: 512 blocks from the altmap, the last one
 * to DRAM by the off-by-one).
 */
static void v54_section_populated(void)
{
	t_case = "5.4: a start inside a section maps a block twice";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(16), G(16) + M(18), VP_MAP_DEV,
			"5.4", 0), VP_UNSUPPORTED);
	EXPECT_STR(err.where, "arch/powerpc/mm/init_64.c:vmemmap_populate");
	EXPECT_TRUE(strstr(err.msg, "pfns 0x40000-0x47fff") != NULL);
	t_case = "5.4: hash 64K, the same start";
	EXPECT_U64(plan(VP_MMU_HASH, 16, G(16), G(16) + M(18), VP_MAP_DEV,
			"5.4", 0), VP_UNSUPPORTED);

	t_case = "5.5: the same start, one mapping";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(16), G(16) + M(18), VP_MAP_DEV,
			"5.5", 0), VP_OK);

	t_case = "5.4: 1T at 2T (section-aligned)";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, "5.4", 0),
		   VP_OK);
	EXPECT_U64(d0()->populate.altmap_blocks, 511);
	EXPECT_U64(d0()->populate.dram_blocks, 1);
}

/* Hash or radix plan with a given boot RAM and 16M-page setting. */
static enum vp_status plan_hash(unsigned pshift, uint64_t size, uint64_t start,
				const char *kernel, bool hash_16m)
{
	struct vp_input in;

	vp_input_defaults(&in);
	in.mmu = VP_MMU_HASH;
	in.page_shift = pshift;
	in.size = size;
	in.start = start;
	in.start_given = true;
	in.plat.hash_16m = hash_16m;
	set_kernel(&in, kernel);
	return both_engines(&in);
}

/*
 * v5.3, the "before" sides of the 5.4 patches (docs/kernel-changes.md):
 * - arch/powerpc/mm/init_64.c:vmemmap_populate has no altmap_cross_boundary
 *   (cf387d9644d8, 5.4 and 5.3.6): every block comes from the altmap while
 *   it has room, DRAM after;
 * - drivers/nvdimm/pfn_devs.c: the default --align is HPAGE_PMD_SIZE by
 *   CONFIG_TRANSPARENT_HUGEPAGE alone (f537669978a7, 5.4);
 * - no struct page size check (e96f0bf2ec92, 5.4).
 */
static void v53(void)
{
	/* E1's device on 5.3: the layout is 5.4's (dataoff 1G + 2M, free
	 * 16415, pad 31, room 16384 = 512 x 32), and with no boundary test
	 * the last block, which 5.4's off-by-one sends to DRAM, comes from
	 * the altmap: 512 altmap blocks, no DRAM. */
	t_case = "5.3: 1T@2T radix, no boundary test";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, "5.3", 0),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(2));
	EXPECT_U64(d0()->populate.altmap_blocks, 512);
	EXPECT_U64(d0()->populate.dram_blocks, 0);
	EXPECT_U64(d0()->populate.cross_blocks, 0);
	t_case = "5.3.6: the boundary test backported";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, T(1), T(2), VP_MAP_DEV, "5.3.6", 0),
		   VP_OK);
	EXPECT_U64(d0()->populate.altmap_blocks, 511);
	EXPECT_U64(d0()->populate.dram_blocks, 1);

	/* 16G at 17G (section-aligned, not block-aligned), radix 64K:
	 * npfns = (16G - 8K) >> 16 = 262143, dataoff = ALIGN(8K + 64 x
	 * 262143, 2M) = 18M, free = (18M - 64K) >> 16 = 287.  The device
	 * spans the 2 GiB blocks 8 (16-18G) to 16 (32-34G): 9 blocks.
	 * base_pfn = 17G >> 16 = 278528, reserve 1: the first 32-pfn request
	 * pads 31, leaving 256 = 8 blocks.  5.3: blocks 8..15 from the altmap,
	 * block 16 falls back to DRAM.  5.4: blocks 8 and 16 cross the device
	 * (DRAM), 9..15 from the altmap. */
	t_case = "5.3: 16G@17G radix, edge blocks from the altmap";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(16), G(17), VP_MAP_DEV, "5.3", 0),
		   VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.free, 287);
	EXPECT_U64(d0()->populate.altmap_blocks, 8);
	EXPECT_U64(d0()->populate.fallback_blocks, 1);
	EXPECT_U64(d0()->populate.dram_blocks, 1);
	EXPECT_U64(d0()->hotadd.altmap.align, 31);
	t_case = "5.4: 16G@17G radix, edge blocks cross";
	EXPECT_U64(plan(VP_MMU_RADIX, 16, G(16), G(17), VP_MAP_DEV, "5.4", 0),
		   VP_OK);
	EXPECT_U64(d0()->populate.altmap_blocks, 7);
	EXPECT_U64(d0()->populate.cross_blocks, 2);
	EXPECT_U64(d0()->populate.dram_blocks, 2);

	/* Default --align on hash: 5.3 HPAGE_PMD_SIZE by configuration,
	 * 1 << (PAGE_SHIFT + H_PTE_INDEX_SIZE): 4K pages 2M (9), 64K pages
	 * 16M (8) even without 16M pages; 5.4 asks has_transparent_hugepage()
	 * (hash: 16M pages and a 16M PMD, 64K only), else PAGE_SIZE. */
	t_case = "5.3: hash 4K default align 2M";
	EXPECT_U64(plan_hash(12, G(16), G(16), "5.3", true), VP_OK);
	EXPECT_U64(d0()->layout.align, M(2));
	t_case = "5.4: hash 4K default align 4K";
	EXPECT_U64(plan_hash(12, G(16), G(16), "5.4", true), VP_OK);
	EXPECT_U64(d0()->layout.align, K(4));
	t_case = "5.3: hash 64K without 16M pages, default align 16M";
	EXPECT_U64(plan_hash(16, G(16), G(16), "5.3", false), VP_OK);
	EXPECT_U64(d0()->layout.align, M(16));
	t_case = "5.4: hash 64K without 16M pages, default align 64K";
	EXPECT_U64(plan_hash(16, G(16), G(16), "5.4", false), VP_OK);
	EXPECT_U64(d0()->layout.align, K(64));

	/* 128-byte struct pages on 5.3: no check, the reserve stays 64 per
	 * pfn.  1T@2T radix: a 2M block describes 16384 pfns, 1024 blocks of
	 * 32 pfns; free 16415, pad 31, room 16384 = 512 blocks: the other
	 * 512 fall back to DRAM (1 GiB). */
	t_case = "5.3: 128-byte struct pages outgrow the reserve";
	EXPECT_U64(plan_sps(VP_ARCH_PPC64, T(1), T(2), VP_MAP_DEV, "5.3", 128),
		   VP_OK);
	EXPECT_U64(d0()->populate.altmap_blocks, 512);
	EXPECT_U64(d0()->populate.fallback_blocks, 512);
	EXPECT_U64(d0()->dram_bytes, G(1));
}


/* A plan on kernel kv before 5.3: mmu, page size, namespace, mode/map,
 * boot RAM [0, ram). */
static enum vp_status plan_old(const char *kv, enum vp_mmu mmu,
			       unsigned pshift, uint64_t size, uint64_t start,
			       enum vp_mode mode, enum vp_map map, uint64_t ram)
{
	struct vp_input in;

	vp_input_defaults(&in);
	in.mmu = mmu;
	in.page_shift = pshift;
	in.size = size;
	in.start = start;
	in.start_given = true;
	in.mode = mode;
	in.map = map;
	in.plat.boot_ram_bytes = ram;
	set_kernel(&in, kv);
	return both_engines(&in);
}

/* The same with the default boot RAM (1 GiB). */
static enum vp_status plan_pre53(const char *kv, enum vp_mmu mmu,
				 unsigned pshift, uint64_t size, uint64_t start,
				 enum vp_mode mode, enum vp_map map)
{
	return plan_old(kv, mmu, pshift, size, start, mode, map,
			VP_DEFAULT_BOOT_RAM);
}

/* On 4.13. */
static enum vp_status plan413(enum vp_mmu mmu, unsigned pshift, uint64_t size,
			      uint64_t start, enum vp_mode mode,
			      enum vp_map map, uint64_t ram)
{
	return plan_old("4.13", mmu, pshift, size, start, mode, map, ram);
}

static bool has_warning(const char *code)
{
	unsigned i;

	for (i = 0; i < res.nwarn; i++)
		if (strcmp(res.warn[i].code, code) == 0)
			return true;
	return false;
}

/*
 * v4.13 (the seed baseline; kernel-model.md §2.3-3.2 "seed" and E3, E4e,
 * E6; docs/kernel-changes.md "4.13"):
 *   npfns   = PFN_SECTION_ALIGN_UP((Z - start_pad - end_trunc - 8K) / PAGE_SIZE)
 *   dataoff = ALIGN(start + 8K + 64 npfns [+ 128K devdax], max(align, HPAGE_SIZE)) - start
 *   altmap  base_pfn = section below, reserve = PFN(8K) + pad, free = PFN(dataoff - 8K)
 *   a block's altmap is the pgmap of its first pfn's section; none below
 *   the device; a full altmap fails the hot-add with -ENOMEM.
 * Hash blocks are 16 MiB (16M pages, boot RAM >= 1 GiB), radix blocks
 * PAGE_SIZE; HPAGE_SIZE is 16M on hash, 2M on radix.
 */
static void v413(void)
{
	/* E3: 16G at 64G, hash 4K.  npfns = ALIGN_UP(4194302, 4096) =
	 * 4194304, memmap 256M, dataoff = ALIGN(8K + 256M, 16M) = 272M;
	 * base_pfn 16777216, reserve 2, free (272M - 8K) / 4K = 69630.  16
	 * blocks of 4096 pfns (each describes 1G), all the device's: the
	 * first pads from base + 2 to the next 4096 multiple (4094), then
	 * 16 x 4096 = 65536: 65536 + 4094 = 69630, an exact fit. */
	t_case = "4.13 E3: 16G@64G hash 4K";
	EXPECT_U64(plan413(VP_MMU_HASH, 12, G(16), G(64), VP_MODE_FSDAX,
			   VP_MAP_DEV, G(1)), VP_OK);
	EXPECT_U64(res.geom.block_bytes, M(16));
	EXPECT_U64(d0()->layout.align, M(16));
	EXPECT_U64(d0()->layout.reserve_npfns, 4194304);
	EXPECT_U64(d0()->layout.dataoff, M(272));
	EXPECT_U64(d0()->layout.usable_bytes, 16894656512ULL);
	EXPECT_U64(d0()->hotadd.altmap.base_pfn, 16777216);
	EXPECT_U64(d0()->hotadd.altmap.reserve, 2);
	EXPECT_U64(d0()->hotadd.altmap.free, 69630);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 65536);
	EXPECT_U64(d0()->hotadd.altmap.align, 4094);
	EXPECT_U64(d0()->populate.altmap_blocks, 16);
	EXPECT_U64(d0()->populate.dram_blocks, 0);
	EXPECT_U64(d0()->populate.first_altmap_pfn, 16777216 + 4096);
	EXPECT_TRUE(!has_warning("info_block_overwritten"));
	EXPECT_U64(d0()->after_free.altmap_freed_pfns, 65536);
	EXPECT_U64(d0()->after_free.align, 4094);

	/* E3b: the same at 64G + 16M.  The block at 64G starts below the
	 * device's first section: no pgmap, no altmap, a 16M DRAM block
	 * (order 12 on 4K).  The 16 blocks from 65G to 80G are the device's
	 * and fit exactly as above (base 16781312 is 4096-aligned). */
	t_case = "4.13 E3b: 16G@64G+16M hash 4K";
	EXPECT_U64(plan413(VP_MMU_HASH, 12, G(16), G(64) + M(16),
			   VP_MODE_FSDAX, VP_MAP_DEV, G(1)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(272));
	EXPECT_U64(d0()->hotadd.altmap.base_pfn, 16781312);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 65536);
	EXPECT_U64(d0()->hotadd.altmap.align, 4094);
	EXPECT_U64(d0()->populate.altmap_blocks, 16);
	EXPECT_U64(d0()->populate.cross_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, M(16));
	EXPECT_TRUE(has_warning("edge_blocks_dram"));
	/* Removing it: the 16 altmap blocks back (65536 pfns), the DRAM
	 * block too, its section being the device's only; align stays. */
	EXPECT_U64(d0()->after_free.altmap_freed_pfns, 65536);
	EXPECT_U64(d0()->after_free.dram_freed_bytes, M(16));
	EXPECT_U64(d0()->after_free.alloc, 0);

	/* E6: 1T at 2T, radix 64K.  Blocks are PAGE_SIZE (64K, 1024 pfns,
	 * 1 pfn of backing); npfns = 2^24 - 1 rounded up to 256 = 2^24,
	 * memmap 1G, dataoff = ALIGN(8K + 1G, 2M) = 1G + 2M; reserve
	 * PFN(8K) = 0, free = (1G + 2M - 8K) >> 16 = 16415.  16384 blocks of
	 * 1 pfn, no padding: alloc 16384, align 0; the first sits on the
	 * device's first pfn, over the info block at 4K. */
	t_case = "4.13 E6: 1T@2T radix 64K";
	EXPECT_U64(plan413(VP_MMU_RADIX, 16, T(1), T(2), VP_MODE_FSDAX,
			   VP_MAP_DEV, G(1)), VP_OK);
	EXPECT_U64(res.geom.block_bytes, K(64));
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(2));
	EXPECT_U64(d0()->hotadd.altmap.reserve, 0);
	EXPECT_U64(d0()->hotadd.altmap.free, 16415);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);
	EXPECT_U64(d0()->hotadd.altmap.align, 0);
	EXPECT_U64(d0()->populate.altmap_blocks, 16384);
	EXPECT_U64(d0()->populate.first_altmap_pfn, T(2) >> 16);
	EXPECT_U64(d0()->reserved_pfns, 16415);
	EXPECT_TRUE(has_warning("info_block_overwritten"));

	/* Hash 64K, 1T at 2T: dataoff = ALIGN(8K + 1G, 16M) = 1G + 16M,
	 * free = (1G + 16M - 8K) >> 16 = 16639, 64 blocks of 256 from the
	 * 256-aligned base: alloc 16384, align 0. */
	t_case = "4.13: 1T@2T hash 64K";
	EXPECT_U64(plan413(VP_MMU_HASH, 16, T(1), T(2), VP_MODE_FSDAX,
			   VP_MAP_DEV, G(1)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, G(1) + M(16));
	EXPECT_U64(d0()->hotadd.altmap.free, 16639);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 16384);
	EXPECT_U64(d0()->hotadd.altmap.align, 0);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_TRUE(has_warning("info_block_overwritten"));

	/* Radix 4K, 16G at 16G: blocks of 4K (64 pfns, 1 pfn of backing);
	 * npfns 4194304, memmap 256M, dataoff ALIGN(8K + 256M, 2M) = 258M;
	 * reserve 2, free (258M - 8K) >> 12 = 66046; 65536 blocks, no pad.
	 * The first lies after the info block: no overwrite. */
	t_case = "4.13: 16G@16G radix 4K";
	EXPECT_U64(plan413(VP_MMU_RADIX, 12, G(16), G(16), VP_MODE_FSDAX,
			   VP_MAP_DEV, G(1)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(258));
	EXPECT_U64(d0()->hotadd.altmap.free, 66046);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 65536);
	EXPECT_U64(d0()->populate.first_altmap_pfn, (G(16) >> 12) + 2);
	EXPECT_TRUE(!has_warning("info_block_overwritten"));

	/* The devdax label reserve (128K) and no DRAM fallback: 16G - 16M
	 * at 16G, hash 64K.  npfns = ALIGN_UP(261887, 256) = 261888, memmap
	 * 16M - 16K.  fsdax: dataoff = ALIGN(8K + 16M - 16K, 16M) = 16M,
	 * free = (16M - 8K) >> 16 = 255, but the one block (its first pfn
	 * 262144 is the base) asks 256: -ENOMEM.  devdax: + 128K crosses
	 * 16M, dataoff 32M, free 511: the block fits, alloc 256, align 0. */
	t_case = "4.13: fsdax 16G-16M hash 64K, altmap one pfn short";
	EXPECT_U64(plan413(VP_MMU_HASH, 16, G(16) - M(16), G(16),
			   VP_MODE_FSDAX, VP_MAP_DEV, G(1)), VP_REFUSED);
	EXPECT_U64(err.kerrno, ENOMEM);
	EXPECT_TRUE(strstr(err.msg, "0x40000-0x7ffff") != NULL);
	t_case = "4.13: devdax 16G-16M hash 64K, label reserve";
	EXPECT_U64(plan413(VP_MMU_HASH, 16, G(16) - M(16), G(16),
			   VP_MODE_DEVDAX, VP_MAP_DEV, G(1)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(32));
	EXPECT_U64(d0()->hotadd.altmap.free, 511);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 256);

	/* map=mem: dataoff = ALIGN(8K [+ 128K], align) with no HPAGE_SIZE
	 * floor; radix 64K devdax, align 2M: 2M; 256 DRAM blocks of 64K. */
	t_case = "4.13: devdax map=mem radix 64K";
	EXPECT_U64(plan413(VP_MMU_RADIX, 16, G(16), G(16), VP_MODE_DEVDAX,
			   VP_MAP_MEM, G(1)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(2));
	EXPECT_U64(d0()->populate.dram_blocks, 256);
	EXPECT_U64(d0()->dram_bytes, M(16));

	/* System RAM in the first section: boot RAM [0, 1G + 8M), 16G at
	 * 1G + 8M, hash 64K.  [1G, 1G + 16G) meets it: start_pad = 8M.
	 * npfns = ALIGN_UP((16G - 8M - 8K) >> 16 = 262015, 256) = 262144,
	 * memmap 16M, dataoff = ALIGN(1G + 16M + 8K + 16M, 16M) - (1G + 16M)
	 * = 32M; usable 16G - 8M - 32M.  base_pfn (1G + 16M) >> 16 = 16640,
	 * reserve 0, free (32M - 8K) >> 16 = 511.  Block 0 describes boot
	 * RAM: mapped already, skipped; block 1 (16G..32G) from the altmap
	 * at the 256-aligned base: alloc 256, align 0, after the info block. */
	t_case = "4.13: start_pad around System RAM";
	EXPECT_U64(plan413(VP_MMU_HASH, 16, G(16), G(1) + M(8),
			   VP_MODE_FSDAX, VP_MAP_DEV, G(1) + M(8)), VP_OK);
	EXPECT_U64(d0()->layout.start_pad, M(8));
	EXPECT_U64(d0()->layout.end_trunc, 0);
	EXPECT_U64(d0()->layout.dataoff, M(32));
	EXPECT_U64(d0()->layout.usable_bytes, G(16) - M(40));
	EXPECT_U64(d0()->hotadd.altmap.base_pfn, 16640);
	EXPECT_U64(d0()->hotadd.altmap.free, 511);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 256);
	EXPECT_U64(d0()->populate.skipped_blocks, 1);
	EXPECT_U64(d0()->populate.altmap_blocks, 1);
	EXPECT_TRUE(!has_warning("info_block_overwritten"));

	/* E4e: 64G at 4G + 8M, hash 64K: no RAM in [4G, 68G), no pad.
	 * npfns = ALIGN_UP(1048575, 256) = 1048576, memmap 64M, dataoff =
	 * ALIGN(4G + 8M + 8K + 64M, 16M) - (4G + 8M) = 72M; base_pfn 65536
	 * (4G), reserve 0 + 128, free (72M - 8K) >> 16 = 1151.  Hot-added
	 * [4G, 68G + 16M): block 0 (0..16G) describes boot RAM, mapped
	 * already: skipped; blocks
	 * 1-3 pad 128 (base + 128 up to 256) and take 3 x 256 = 896; block 4
	 * (64G..80G, first pfn 0x100000) asks 256 of the 255 left: -ENOMEM,
	 * the probe fails (no DRAM fallback). */
	t_case = "4.13 E4e: 64G@4G+8M hash 64K, -ENOMEM";
	EXPECT_U64(plan413(VP_MMU_HASH, 16, G(64), G(4) + M(8),
			   VP_MODE_FSDAX, VP_MAP_DEV, G(1)), VP_REFUSED);
	EXPECT_U64(err.kerrno, ENOMEM);
	EXPECT_TRUE(strstr(err.msg, "0x100000-0x13ffff") != NULL);
	EXPECT_TRUE(strstr(err.msg, "256 pfns + 0 padding asked, 255 of 1151 free left after alloc 768 and align 128") != NULL);

	/* Teardown one section short: 16G at 16G + 8M, radix 64K.  Added
	 * [16G, 32G + 16M) (ALIGN of the end), removed ALIGN(16G, 16M) = 16G
	 * from 16G: the section at 32G stays.  dataoff = ALIGN(16G + 8M + 8K
	 * + 16M, 2M) - (16G + 8M) = 18M, reserve 128, free (18M - 8K) >> 16
	 * = 287; 257 blocks of 64M (1 pfn each, no pad): alloc 257, the
	 * first at PFN(S), over the info block.  Removing frees 256; the
	 * block of the section left (32G..32G + 64M) stays: alloc 1. */
	t_case = "4.13: release one section short, radix 64K";
	EXPECT_U64(plan413(VP_MMU_RADIX, 16, G(16), G(16) + M(8),
			   VP_MODE_FSDAX, VP_MAP_DEV, G(1)), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(18));
	EXPECT_U64(d0()->hotadd.start_pfn, G(16) >> 16);
	EXPECT_U64(d0()->hotadd.end_pfn, (G(32) + M(16)) >> 16);
	EXPECT_U64(d0()->hotadd.remove_end_pfn, G(32) >> 16);
	EXPECT_U64(d0()->hotadd.altmap.reserve, 128);
	EXPECT_U64(d0()->hotadd.altmap.free, 287);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 257);
	EXPECT_U64(d0()->populate.first_altmap_pfn, (G(16) + M(8)) >> 16);
	EXPECT_U64(d0()->after_free.altmap_freed_pfns, 256);
	EXPECT_U64(d0()->after_free.alloc, 1);
	EXPECT_U64(d0()->after_free.kept_blocks, 1);
	EXPECT_TRUE(has_warning("sections_left_added"));
	EXPECT_TRUE(has_warning("info_block_overwritten"));

	/* A namespace smaller than its offset in the section: 4M at 1G +
	 * 12M, boot RAM [0, 1G + 8M), radix.  The start_pad test range [1G,
	 * 1G + 4M) holds RAM only (REGION_INTERSECTS, not MIXED): no pad.
	 * dataoff = ALIGN(1G + 12M + 8K + 64 x 256, 2M) - (1G + 12M) = 2M <
	 * 4M, but the hot-add range [1G, 1G + 16M) is mixed with RAM:
	 * devm_memremap_pages refuses it, -ENXIO. */
	t_case = "4.13: small namespace after RAM in its section";
	EXPECT_U64(plan413(VP_MMU_RADIX, 16, M(4), G(1) + M(12),
			   VP_MODE_FSDAX, VP_MAP_DEV, G(1) + M(8)), VP_REFUSED);
	EXPECT_U64(err.kerrno, ENXIO);
	EXPECT_TRUE(strstr(err.where, "devm_memremap_pages") != NULL);

	/* nd_pfn_validate at the next probe (4.13, 4.14.y before the
	 * 4.15 fixes) wants the offset a multiple of --align: radix 64K,
	 * --align 16M, 16G at 16G + 8M: dataoff = ALIGN(16G + 8M + 8K +
	 * 16M, 16M) - (16G + 8M) = 24M, not a multiple of 16M: warned.
	 * The same with --align 2M at 16G + 1M: dataoff = ALIGN(16G + 1M +
	 * 8K + 16M, 2M) - (16G + 1M) = 17M: warned on 4.14; 4.15 checks
	 * S + start_pad + offset instead: no warning. */
	{
		struct vp_input in;

		vp_input_defaults(&in);
		in.size = G(16);
		in.start = G(16) + M(8);
		in.start_given = true;
		in.align = M(16);
		set_kernel(&in, "4.13");
		t_case = "4.13: re-probe refuses an unaligned offset";
		EXPECT_U64(both_engines(&in), VP_OK);
		EXPECT_U64(d0()->layout.dataoff, M(24));
		EXPECT_TRUE(has_warning("reprobe_bad_offset"));
		in.engine = VP_ENGINE_RUNLENGTH;
		in.align = M(2);
		in.start = G(16) + M(1);
		set_kernel(&in, "4.14");
		t_case = "4.14: re-probe refuses an unaligned offset";
		EXPECT_U64(both_engines(&in), VP_OK);
		EXPECT_U64(d0()->layout.dataoff, M(17));
		EXPECT_TRUE(has_warning("reprobe_bad_offset"));
		in.engine = VP_ENGINE_RUNLENGTH;
		set_kernel(&in, "4.15");
		t_case = "4.15: re-probe passes";
		EXPECT_U64(both_engines(&in), VP_OK);
		EXPECT_U64(d0()->layout.dataoff, M(17));
		EXPECT_TRUE(!has_warning("reprobe_bad_offset"));
	}

	/* Hash without 16M pages: HPAGE_SIZE is 1 byte (HPAGE_SHIFT unset),
	 * so the default align is 1: refused without --align.  With --align
	 * 64K: 64K blocks (64K HPTEs), dataoff = ALIGN(8K + 64 x 262144,
	 * max(64K, 1)) = 16M + 64K for 16G at 16G; free 256, the 256 blocks
	 * of 1 pfn (each describes 64M) fit. */
	t_case = "4.13: hash without 16M pages, default align";
	EXPECT_U64(plan_hash(16, G(16), G(16), "4.13", false), VP_UNSUPPORTED);
	EXPECT_TRUE(strstr(err.msg, "HPAGE_SIZE = 1 byte") != NULL);
	{
		struct vp_input in;

		t_case = "4.13: hash without 16M pages, --align 64K";
		vp_input_defaults(&in);
		in.mmu = VP_MMU_HASH;
		in.size = G(16);
		in.start = G(16);
		in.start_given = true;
		in.align = K(64);
		in.plat.hash_16m = false;
		set_kernel(&in, "4.13");
		EXPECT_U64(both_engines(&in), VP_OK);
		EXPECT_U64(res.geom.block_bytes, K(64));
		EXPECT_U64(d0()->layout.dataoff, M(16) + K(64));
		EXPECT_U64(d0()->hotadd.altmap.free, 256);
		EXPECT_U64(d0()->hotadd.altmap.alloc, 256);
		/* __align_store @4.13.4: powers of two from PAGE_SIZE to 1G. */
		t_case = "4.13: --align 32K refused";
		in.engine = VP_ENGINE_RUNLENGTH;
		in.align = K(32);
		EXPECT_U64(vp_plan(&in, &res, &err), VP_BADINPUT);
		in.align = G(2);
		EXPECT_U64(vp_plan(&in, &res, &err), VP_BADINPUT);
		in.align = M(256);
		in.plat.hash_16m = true;
		EXPECT_U64(vp_plan(&in, &res, &err), VP_OK);
	}
}


/*
 * 4.14 to 5.2: the rows on the v4.13 baseline (docs/kernel-changes.md;
 * kernel.c's table).  Each case derives the number that changes.
 */
static void pre53_rows(void)
{
	const enum vp_mode F = VP_MODE_FSDAX;
	const enum vp_map D = VP_MAP_DEV;

	/* ab1b597ee0e4 (4.14): 16G at 16G + 8M, radix 64K (blocks of 64K
	 * describing 64M, 1 pfn each).  The first block, pfns 0x40000..,
	 * starts in the device's first section but below its first pfn
	 * 0x40080: 4.13 (by section) gives it the altmap, 4.14 (by pfn) DRAM.
	 * dataoff = ALIGN(16G + 8M + 8K + 16M, 2M) - (16G + 8M) = 18M, reserve
	 * 128, free (18M - 8K) >> 16 = 287; 257 blocks. */
	t_case = "4.14: radix 16G@16G+8M, first block below the first pfn";
	EXPECT_U64(plan_pre53("4.14", VP_MMU_RADIX, 16, G(16), G(16) + M(8), F,
			      D), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 256);
	EXPECT_U64(d0()->populate.cross_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, K(64));
	EXPECT_U64(d0()->hotadd.remove_end_pfn, G(32) >> 16);
	/* 7b73d978a5d0 (4.16): the altmap is passed down, so every block of
	 * the hot-add, the first too, comes from it: 257; and the release
	 * removes the sections it added. */
	t_case = "4.16: radix 16G@16G+8M, altmap passed";
	EXPECT_U64(plan_pre53("4.16", VP_MMU_RADIX, 16, G(16), G(16) + M(8), F,
			      D), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 257);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(d0()->hotadd.remove_end_pfn, 0);

	/* Hash 64K, 16G at 16G + 8M, default align 16M (HPAGE_PMD_SIZE from
	 * 4.14; HPAGE_SIZE in 4.13).  dataoff = ALIGN(16G + 8M + 8K + 16M,
	 * 16M) - (16G + 8M) = 24M; base_pfn 0x40000, reserve 128, free (24M -
	 * 8K) >> 16 = 383; an altmap block of 256 pfns pads 128 first: 384.
	 * 4.14: block 0x40000 (16G..32G) starts below the first pfn: DRAM;
	 * block 0x80000 (32G..48G) needs 384 of 383: -ENOMEM. */
	t_case = "4.14: hash 16G@16G+8M, -ENOMEM";
	EXPECT_U64(plan_pre53("4.14", VP_MMU_HASH, 16, G(16), G(16) + M(8), F,
			      D), VP_REFUSED);
	EXPECT_U64(err.kerrno, ENOMEM);
	EXPECT_TRUE(strstr(err.msg, "0x80000-0xbffff") != NULL);
	/* 41fce90f2633 (4.15): the end 32G + 8M is not a multiple of the
	 * 16M align: end_trunc = end - min(ALIGN_DOWN(end, 16M) = 32G,
	 * ALIGN_DOWN(end, 16M)) = 8M.  The hot-add is [16G, 32G), block
	 * 0x40000 only, below the first pfn: DRAM 16M, altmap unused;
	 * usable 16G - 8M - 24M. */
	t_case = "4.15: hash 16G@16G+8M, end cut to the align";
	EXPECT_U64(plan_pre53("4.15", VP_MMU_HASH, 16, G(16), G(16) + M(8), F,
			      D), VP_OK);
	EXPECT_U64(d0()->layout.end_trunc, M(8));
	EXPECT_U64(d0()->layout.dataoff, M(24));
	EXPECT_U64(d0()->layout.usable_bytes, G(16) - M(32));
	EXPECT_U64(d0()->hotadd.end_pfn, G(32) >> 16);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 0);
	EXPECT_U64(d0()->dram_bytes, M(16));
	/* 4.16: that block is the device's now, and 384 > 383: -ENOMEM. */
	t_case = "4.16: hash 16G@16G+8M, passed altmap, -ENOMEM";
	EXPECT_U64(plan_pre53("4.16", VP_MMU_HASH, 16, G(16), G(16) + M(8), F,
			      D), VP_REFUSED);
	EXPECT_TRUE(strstr(err.msg, "0x40000-0x7ffff") != NULL);
	/* 9ef34630a461 (4.20): the DRAM fallback: 16M of DRAM instead. */
	t_case = "4.20: hash 16G@16G+8M, DRAM fallback";
	EXPECT_U64(plan_pre53("4.20", VP_MMU_HASH, 16, G(16), G(16) + M(8), F,
			      D), VP_OK);
	EXPECT_U64(d0()->populate.fallback_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, M(16));
	/* 5.1: the reserve is one 64K page: reserve 129, free (24M - 64K) >>
	 * 16 = 383, npfns = ALIGN_UP((16G - 8M - 8M - 64K) >> 16, 256) =
	 * 262144 (dataoff still 24M); the pad is 127, and 127 + 256 = 383
	 * fits exactly. */
	t_case = "5.1: hash 16G@16G+8M, info block reserve one page";
	EXPECT_U64(plan_pre53("5.1", VP_MMU_HASH, 16, G(16), G(16) + M(8), F,
			      D), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.reserve, 129);
	EXPECT_U64(d0()->hotadd.altmap.free, 383);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 256);
	EXPECT_U64(d0()->hotadd.altmap.align, 127);
	EXPECT_U64(d0()->dram_bytes, 0);

	/* The PMD_SIZE floor (4.14) on hash 4K: 16G at 64G, default align
	 * 2M.  dataoff = ALIGN(8K + 256M, 2M) = 258M (4.13: 272M), free
	 * (258M - 8K) >> 12 = 66046; 16 blocks of 4096 after a 4094 pad
	 * need 69630: 15 fit, the 16th (79G..80G, pfns 0x13c0000..) fails:
	 * -ENOMEM before 4.20, DRAM from 4.20. */
	t_case = "4.14: hash 4K 16G@64G, PMD floor, -ENOMEM";
	EXPECT_U64(plan_pre53("4.14", VP_MMU_HASH, 12, G(16), G(64), F, D),
		   VP_REFUSED);
	EXPECT_TRUE(strstr(err.msg, "0x13c0000-0x13fffff") != NULL);
	t_case = "4.20: hash 4K 16G@64G, last block DRAM";
	EXPECT_U64(plan_pre53("4.20", VP_MMU_HASH, 12, G(16), G(64), F, D),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(258));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 15 * 4096);
	EXPECT_U64(d0()->hotadd.altmap.align, 4094);
	EXPECT_U64(d0()->populate.fallback_blocks, 1);
	EXPECT_U64(d0()->dram_bytes, M(16));

	/* The devdax label reserve until 5.1: 16G - 16M at 16G, hash 64K,
	 * devdax.  5.0: npfns 261888, dataoff = ALIGN(8K + 16M - 16K + 128K,
	 * 16M) = 32M, free 511: fits.  5.1: R = 64K, dataoff = ALIGN(64K +
	 * 16M - 16K, 16M) = 32M too, free (32M - 64K) >> 16 = 511, reserve
	 * 1: pad 255 + 256 = 511, exact.  fsdax 5.0: dataoff ALIGN(8K + 16M
	 * - 16K, 16M) = 16M, free 255 < 256: the block falls back to DRAM. */
	t_case = "5.0: devdax 16G-16M hash 64K";
	EXPECT_U64(plan_pre53("5.0", VP_MMU_HASH, 16, G(16) - M(16), G(16),
			      VP_MODE_DEVDAX, D), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(32));
	EXPECT_U64(d0()->hotadd.altmap.alloc, 256);
	t_case = "5.0: fsdax 16G-16M hash 64K, fallback";
	EXPECT_U64(plan_pre53("5.0", VP_MMU_HASH, 16, G(16) - M(16), G(16), F,
			      D), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(16));
	EXPECT_U64(d0()->dram_bytes, M(16));
	t_case = "5.1: fsdax 16G-16M hash 64K";
	EXPECT_U64(plan_pre53("5.1", VP_MMU_HASH, 16, G(16) - M(16), G(16), F,
			      D), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(32));
	EXPECT_U64(d0()->hotadd.altmap.align, 255);
	EXPECT_U64(d0()->dram_bytes, 0);

	/* The info block on 64K pages, 16G at 16G + 8M, radix.  5.0: the
	 * reserve is PHYS_PFN(8K) + pad = 0 + 128, the first altmap pfn is
	 * PFN(S) = 0x40080, over the info block.  5.2 (07464e88365e and the
	 * one-page info block): npfns = ALIGN_UP((16G - 64K) >> 16, 256) =
	 * 262144, dataoff = ALIGN(16G + 8M + 64K + 16M, 2M) - (16G + 8M) =
	 * 18M, reserve 1 + 128, free (18M - 64K) >> 16 = 287; 257 blocks of
	 * 1 pfn from base + 129: alloc 257, align 0, clear of the info
	 * block. */
	t_case = "5.0: radix 16G@16G+8M, info block overwritten";
	EXPECT_U64(plan_pre53("5.0", VP_MMU_RADIX, 16, G(16), G(16) + M(8), F,
			      D), VP_OK);
	EXPECT_U64(d0()->hotadd.altmap.reserve, 128);
	EXPECT_U64(d0()->populate.first_altmap_pfn, 0x40080);
	EXPECT_TRUE(has_warning("info_block_overwritten"));
	t_case = "5.2: radix 16G@16G+8M, one-page info block";
	EXPECT_U64(plan_pre53("5.2", VP_MMU_RADIX, 16, G(16), G(16) + M(8), F,
			      D), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(18));
	EXPECT_U64(d0()->hotadd.altmap.reserve, 129);
	EXPECT_U64(d0()->hotadd.altmap.free, 287);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 257);
	EXPECT_U64(d0()->hotadd.altmap.align, 0);
	EXPECT_U64(d0()->populate.first_altmap_pfn, 0x40081);
	EXPECT_TRUE(!has_warning("info_block_overwritten"));

	/* MAX_PHYSMEM_BITS: 46 until 4.18, 47 in 4.19, from 4.20 51 with 64K
	 * pages and 46 with 4K.  16G at 64T (2^46). */
	t_case = "MAX_PHYSMEM_BITS by version";
	EXPECT_U64(plan_pre53("4.18", VP_MMU_RADIX, 16, G(16), T(64), F, D),
		   VP_BADINPUT);
	EXPECT_U64(plan_pre53("4.19", VP_MMU_RADIX, 16, G(16), T(64), F, D),
		   VP_OK);
	EXPECT_U64(plan_pre53("4.20", VP_MMU_RADIX, 16, G(16), T(64), F, D),
		   VP_OK);
	EXPECT_U64(plan_pre53("4.20", VP_MMU_RADIX, 12, G(16), T(64), F, D),
		   VP_BADINPUT);
	/* The same on the v5.3 baseline until 5.10 ("Split radix and hash
	 * MAX_PHYSMEM limit", powerpc-5.10-1): 46 with 4K pages, then 51. */
	EXPECT_U64(plan_pre53("5.9", VP_MMU_RADIX, 12, G(16), T(64), F, D),
		   VP_BADINPUT);
	EXPECT_U64(plan_pre53("5.10", VP_MMU_RADIX, 12, G(16), T(64), F, D),
		   VP_OK);
	EXPECT_U64(plan_pre53("5.9", VP_MMU_RADIX, 16, G(16), T(64), F, D),
		   VP_OK);
}

int main(void)
{
	v413();
	pre53_rows();
	v53();
	v54_section_populated();
	struct_page_size();
	radix_compound();
	before_compat_align();
	e1_radix_64k_1t();
	e1b_vanilla_610();
	e2_hash_64k_1t();
	hash_edges_16m_not_16g();
	e8_hash_16g_at_8g();
	e7_hash_4k_16g();
	e4_radix_misaligned();
	e4d_hash_refused();
	enxio_too_small();
	one_block_exact();
	radix_4k();
	e11_map_mem();
	end_trunc();
	align_refusals();
	radix_eras();
	machine_settings();
	return t_report("plan");
}
