// SPDX-License-Identifier: GPL-2.0-only
/*
 * x86-64 plans against values derived by hand from the kernel source
 * (Debian linux-source-6.1 6.1.192, "@6.1"), and against sizes that
 * `ndctl list` printed on real x86-64 machines (cited beside each case):
 *   - drivers/nvdimm/pfn_devs.c:nd_pfn_init: 4K pages, npfns =
 *     (Z - 8K) / 4K, reserve 64 npfns, data alignment A = max(align, 2M)
 *     (memremap_compat_align() = SUBSECTION_SIZE);
 *   - __nvdimm_setup_pfn: altmap reserve = 2 pfns (8K),
 *     free = dataoff / 4K - 2;
 *   - arch/x86/mm/init_64.c:vmemmap_populate @6.1 (lines 1594-1615):
 *     a whole 128 MiB section is one 2 MiB PMD (512 pfns) from the altmap,
 *     the first padded to 512-pfn alignment (altmap_alloc_block_buf), no
 *     DRAM fallback; a partial section gets 4K DRAM pages (its memmap is
 *     chunk / 64 bytes: one 4K page per 64 pfns), altmap dropped;
 *   - mm/sparse-vmemmap.c:vmemmap_populate_compound_pages @6.1: devdax
 *     map=mem from 5.19, 2 DRAM pages per compound page of `align`.
 * Notation: N = whole sections.  Every plan runs with both engines.
 */
#include <errno.h>

#include "harness.h"
#include "compare.h"
#include "altmap.h"

#define K(x) ((uint64_t)(x) << 10)
#define M(x) ((uint64_t)(x) << 20)
#define G(x) ((uint64_t)(x) << 30)
#define T(x) ((uint64_t)(x) << 40)

static struct vp_result res, ref;
static struct vp_error err;

static enum vp_status plan_in(struct vp_input *in)
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

static enum vp_status plan(uint64_t size, uint64_t start, enum vp_mode mode,
			   enum vp_map map, uint64_t align, const char *kernel)
{
	struct vp_input in;
	struct vp_kver v;

	vp_input_defaults(&in);
	in.arch = VP_ARCH_X86_64;
	in.size = size;
	in.start = start;
	in.start_given = true;
	in.mode = mode;
	in.map = map;
	in.align = align;
	if (kernel) {
		vp_kver_parse(kernel, &v);
		vp_kernel_resolve(&v, &in.kernel);
	}
	return plan_in(&in);
}

static const struct vp_device_result *d0(void)
{
	return &res.dev[0];
}

static void whole_sections(void)
{
	/* 16 GiB at 16 GiB, N = 128: reserve 64 (2^22 - 2) = 256M - 128,
	 * dataoff = ALIGN(8K + 256M - 128, 2M) = 258M = (N + 1) x 2M.
	 * `ndctl list` on a 16 GiB fsdax namespace: "size":16909336576
	 * (Yi Zhang, linux-nvdimm, "regression on 5.9.0-rc5 ...", Dell R640;
	 * the same for "mode":"dax" in "Testing NVDIMM using Qemu", 2016). */
	t_case = "x86 16G@16G fsdax map=dev";
	EXPECT_U64(plan(G(16), G(16), VP_MODE_FSDAX, VP_MAP_DEV, 0, NULL),
		   VP_OK);
	EXPECT_U64(res.arch.section_shift, 27);
	EXPECT_U64(res.arch.compat_align, M(2));
	EXPECT_U64(res.arch.max_physmem_bits, 46);
	EXPECT_U64(d0()->layout.dataoff, 129 * M(2));
	EXPECT_U64(d0()->layout.usable_bytes, 16909336576ULL);
	/* reserve 2, free 129 x 512 - 2 = 66046; 128 PMDs of 512 pfns after a
	 * 510-pfn pad fill it exactly: alloc 65536, align 510. */
	EXPECT_U64(d0()->hotadd.altmap.reserve, 2);
	EXPECT_U64(d0()->hotadd.altmap.free, 66046);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 65536);
	EXPECT_U64(d0()->hotadd.altmap.align, 510);
	EXPECT_U64(vp_altmap_room(&d0()->hotadd.altmap), 0);
	EXPECT_U64(d0()->populate.altmap_blocks, 128);
	/* The first PMD lands 2 MiB into the device: pfn 2^22 + 512. */
	EXPECT_U64(d0()->populate.first_altmap_pfn, (G(16) >> 12) + 512);
	EXPECT_U64(d0()->dram_bytes, 0);
	EXPECT_U64(d0()->after_free.altmap_freed_pfns, 65536);
	EXPECT_U64(d0()->after_free.align, 510);

	/* One section less room would not fit: the altmap is exact, so the
	 * 128-byte reserve of 6.1.0 (6e9f05dc66f9) leaves half unused:
	 * dataoff = ALIGN(8K + 512M - 256, 2M) = 514M. */
	t_case = "x86 16G@16G on 6.1.0";
	EXPECT_U64(plan(G(16), G(16), VP_MODE_FSDAX, VP_MAP_DEV, 0, "6.1.0"),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(514));
	/* altmap_cross_boundary is powerpc's: no off-by-one warning here. */
	for (unsigned w = 0; w < res.nwarn; w++)
		EXPECT_TRUE(strcmp(res.warn[w].code,
				   "cross_boundary_off_by_one") != 0);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 65536);
	EXPECT_U64(d0()->unused_altmap_bytes, M(256));
}

static void published_sizes(void)
{
	/* Jeff Moyer, linux-nvdimm 2020-02-14 ("Re: [PATCH v2 2/4]
	 * libnvdimm/namespace: Enforce memremap_compat_align()"), on x86:
	 * "ndctl create-namespace -m fsdax -s 36g" at /proc/iomem
	 * 3162000000-3a61ffffff gave "size":"35.44 GiB (38.05 GB)".
	 * N: 0x3162000000 is 32M past a section, so chunks are 96M, 287 whole
	 * sections and 32M.  dataoff = ALIGN(8K + 64 (9437184 - 2), 2M) =
	 * 578M; usable = 36G - 578M = 38048628736.  The partial chunks'
	 * memmap, (96M + 32M) / 64 = 2M, is 512 DRAM pages. */
	t_case = "x86 36G@0x3162000000 (published)";
	EXPECT_U64(plan(G(36), 0x3162000000ULL, VP_MODE_FSDAX, VP_MAP_DEV, 0,
			NULL), VP_OK);
	EXPECT_U64(d0()->layout.dataoff, M(578));
	EXPECT_U64(d0()->layout.usable_bytes, 38048628736ULL);
	EXPECT_U64(d0()->populate.altmap_blocks, 287);
	EXPECT_U64(d0()->populate.dram_pages, 512);
	EXPECT_U64(d0()->dram_bytes, M(2));
	EXPECT_U64(d0()->altmap_bytes, 287 * M(2));
	/* free = 578M / 4K - 2 = 147966; 510 + 287 x 512 = 147454 used. */
	EXPECT_U64(d0()->hotadd.altmap.free, 147966);
	EXPECT_U64(d0()->unused_altmap_bytes, (147966 - 147454) * K(4));

	/* The same mail: an older namespace, align 4096, map=dev, at iomem
	 * 1860000000-24e0003fff (50G + 16K): "size":52846133248.  A = 2M
	 * (compat), end_trunc 16K, npfns = 13107202, dataoff = ALIGN(8K +
	 * 838860928, 2M) = 802M; 400 whole sections fill the altmap exactly:
	 * 510 + 400 x 512 = 205310 = 802M / 4K - 2. */
	t_case = "x86 50G+16K align 4K (published)";
	EXPECT_U64(plan(G(50) + K(16), 0x1860000000ULL, VP_MODE_FSDAX,
			VP_MAP_DEV, K(4), NULL), VP_OK);
	EXPECT_U64(d0()->layout.end_trunc, K(16));
	EXPECT_U64(d0()->layout.dataoff, M(802));
	EXPECT_U64(d0()->layout.usable_bytes, 52846133248ULL);
	EXPECT_U64(d0()->populate.altmap_blocks, 400);
	EXPECT_U64(vp_altmap_room(&d0()->hotadd.altmap), 0);
	EXPECT_U64(d0()->dram_bytes, 0);

	/* NVLeak (TheNetAdmin/NVLeak docs/reproduce/CovertChannel.md, Optane):
	 * "ndctl create-namespace --mode devdax --size 8G --align 1G" gave
	 * "map":"dev","size":7516192768.  dataoff = ALIGN(8K + 128M - 128,
	 * 1G) = 1G: 7G usable, 64 PMDs used of a 1G reserve. */
	t_case = "x86 devdax 8G --align 1G (published)";
	EXPECT_U64(plan(G(8), G(16), VP_MODE_DEVDAX, VP_MAP_DEV, G(1), NULL),
		   VP_OK);
	EXPECT_U64(d0()->layout.dataoff, G(1));
	EXPECT_U64(d0()->layout.usable_bytes, 7516192768ULL);
	EXPECT_U64(d0()->populate.altmap_blocks, 64);
	EXPECT_U64(d0()->hotadd.altmap.alloc, 64 * 512);
	/* free = 262142: the rest, 262142 - 510 - 32768, is never used. */
	EXPECT_U64(vp_altmap_room(&d0()->hotadd.altmap), 262142 - 510 - 32768);

	/* intel/pmem-csi#933 (Optane): "-m fsdax -s 1500G -a 2M" gave
	 * "size":"1476.56 GiB": N = 12000, dataoff = 12001 x 2M. */
	t_case = "x86 1500G (published)";
	EXPECT_U64(plan(G(1500), G(16), VP_MODE_FSDAX, VP_MAP_DEV, 0, NULL),
		   VP_OK);
	EXPECT_U64(d0()->layout.usable_bytes, G(1500) - 12001 * M(2));

	/* pmem/ndctl#28 (CentOS 7 under QEMU): "--mode memory --map mem
	 * --size 64M" gave "62.00 MiB": dataoff = ALIGN(8K, 2M).  Half a
	 * section: basepages, 64M / 64 = 1M of memmap = 256 DRAM pages. */
	t_case = "x86 64M map=mem (published)";
	EXPECT_U64(plan(M(64), G(16), VP_MODE_FSDAX, VP_MAP_MEM, 0, NULL),
		   VP_OK);
	EXPECT_U64(d0()->layout.usable_bytes, M(62));
	EXPECT_U64(d0()->populate.dram_pages, 256);
	EXPECT_U64(d0()->populate.dram_blocks, 0);
	EXPECT_U64(d0()->dram_bytes, M(1));
	EXPECT_U64(d0()->after_free.dram_freed_bytes, M(1));
}

static void map_mem_and_devdax(void)
{
	/* fsdax map=mem 1T: 8192 whole sections, each an order-9 DRAM PMD:
	 * 16 GiB, dataoff 2M. */
	t_case = "x86 1T map=mem";
	EXPECT_U64(plan(T(1), G(16), VP_MODE_FSDAX, VP_MAP_MEM, 0, NULL),
		   VP_OK);
	EXPECT_U64(d0()->populate.dram_blocks, 8192);
	EXPECT_U64(d0()->dram_bytes, G(16));
	EXPECT_U64(d0()->layout.dataoff, M(2));

	/* devdax map=mem, align 2M, 6.1.192 (x86 opts in): compound pages of
	 * 512 pfns over the whole range, 2^40 / 2M = 524288 of them, 2 pages
	 * each: 4 GiB instead of 16. */
	t_case = "x86 1T devdax map=mem 2M compound";
	EXPECT_U64(plan(T(1), G(16), VP_MODE_DEVDAX, VP_MAP_MEM, 0, NULL),
		   VP_OK);
	EXPECT_U64(d0()->hotadd.compound_pfns, 512);
	EXPECT_U64(d0()->populate.compound_blocks, 524288);
	EXPECT_U64(d0()->dram_bytes, G(4));
	EXPECT_U64(d0()->after_free.dram_freed_bytes, G(4));

	/* align 1G: 1024 compound pages; only the section chunk at a compound
	 * page's start populates (reuse_compound_section): 8 MiB. */
	t_case = "x86 1T devdax map=mem 1G compound";
	EXPECT_U64(plan(T(1), G(16), VP_MODE_DEVDAX, VP_MAP_MEM, G(1), NULL),
		   VP_OK);
	EXPECT_U64(d0()->populate.compound_blocks, 1024);
	EXPECT_U64(d0()->dram_bytes, M(8));

	/* A partial last compound page: 1G + 2M at 16G, align 2M -> 513
	 * compound pages; align 1G (dataoff 1G, end_trunc 2M) -> the range
	 * is 1G: 1 compound page. */
	t_case = "x86 devdax map=mem 1G+2M";
	EXPECT_U64(plan(G(1) + M(2), G(16), VP_MODE_DEVDAX, VP_MAP_MEM, 0,
			NULL), VP_OK);
	EXPECT_U64(d0()->populate.compound_blocks, 513);

	/* Before 4917f55b4ef9 (5.19) no compound vmemmap: as fsdax. */
	t_case = "x86 1T devdax map=mem on 5.18";
	EXPECT_U64(plan(T(1), G(16), VP_MODE_DEVDAX, VP_MAP_MEM, 0, "5.18"),
		   VP_OK);
	EXPECT_U64(d0()->hotadd.compound_pfns, 0);
	EXPECT_U64(d0()->dram_bytes, G(16));

	/* align 4K: pgmap_vmemmap_nr 1, no compound path. */
	t_case = "x86 devdax map=mem align 4K";
	EXPECT_U64(plan(T(1), G(16), VP_MODE_DEVDAX, VP_MAP_MEM, K(4), NULL),
		   VP_OK);
	EXPECT_U64(d0()->dram_bytes, G(16));

	/* map=dev: an altmap, so vmemmap_can_optimize is false. */
	t_case = "x86 devdax map=dev";
	EXPECT_U64(plan(T(1), G(16), VP_MODE_DEVDAX, VP_MAP_DEV, 0, NULL),
		   VP_OK);
	EXPECT_U64(d0()->hotadd.compound_pfns, 0);
	EXPECT_U64(d0()->populate.altmap_blocks, 8192);

	/* Compound pages counted from a start that is not a multiple of 1G
	 * (reuse_compound_section): only chunks at offsets that are multiples
	 * of 1G populate (2 pages).  Not section-aligned: only the first, so
	 * 2 pages for the whole device, and every later compound page's head
	 * is the shared tail page (warning).  Measured on the real 6.1.192
	 * kernel (tests/kernel/x86.sh, odd-devdax-mem-1G: 4G at 0x105000000,
	 * "dram vmemmap_pte_populate 0 2"). */
	t_case = "x86 devdax map=mem 1G at 0x105000000 (measured)";
	{
		struct vp_input in;

		vp_input_defaults(&in);
		in.arch = VP_ARCH_X86_64;
		in.plat.boot_ram_bytes = G(2);
		in.size = G(4);
		in.start = 0x105000000ULL;
		in.start_given = true;
		in.mode = VP_MODE_DEVDAX;
		in.map = VP_MAP_MEM;
		in.align = G(1);
		EXPECT_U64(plan_in(&in), VP_OK);
		EXPECT_U64(d0()->populate.compound_blocks, 1);
		EXPECT_U64(d0()->dram_bytes, K(8));
		/* end_trunc: (0x105000000 + 4G) mod 1G = 80M. */
		EXPECT_U64(d0()->layout.usable_bytes, 3221225472ULL);
		EXPECT_TRUE(res.nwarn > 0 &&
			    strcmp(res.warn[res.nwarn - 1].code,
				   "compound_heads_shared") == 0);
	}
	/* Section-aligned but not 1G-aligned, 16G + 128M: the range is
	 * [16G + 128M, 20G) (end_trunc 128M); a compound page starts every 1G
	 * from the start, each at a section boundary: ceil(3968M / 1G) = 4
	 * populate, 8 pages, no shared heads. */
	t_case = "x86 devdax map=mem 1G at 16G + 128M";
	EXPECT_U64(plan(G(4), G(16) + M(128), VP_MODE_DEVDAX, VP_MAP_MEM, G(1),
			NULL), VP_OK);
	EXPECT_U64(d0()->populate.compound_blocks, 4);
	EXPECT_U64(d0()->dram_bytes, K(32));
	EXPECT_U64(d0()->after_free.dram_freed_bytes, K(32));
}

static void refusals_and_limits(void)
{
	struct vp_input in;

	t_case = "x86 64K pages";
	vp_input_defaults(&in);
	in.arch = VP_ARCH_X86_64;
	in.page_shift = 16;
	in.size = G(1);
	EXPECT_U64(vp_plan(&in, &res, &err), VP_BADINPUT);

	t_case = "x86 align 16M is not offered";
	EXPECT_U64(plan(G(16), G(16), VP_MODE_FSDAX, VP_MAP_DEV, M(16), NULL),
		   VP_BADINPUT);
	t_case = "x86 start 1M";
	EXPECT_U64(plan(G(16), G(16) + M(1), VP_MODE_FSDAX, VP_MAP_DEV, 0,
			NULL), VP_REFUSED);
	EXPECT_U64(err.kerrno, EINVAL);

	/* MAX_PHYSMEM_BITS 46 (4-level), 52 with --la57. */
	t_case = "x86 46-bit limit";
	EXPECT_U64(plan(G(64), (1ULL << 46) - G(64), VP_MODE_FSDAX, VP_MAP_DEV,
			0, NULL), VP_OK);
	EXPECT_U64(plan(G(64), (1ULL << 46) - G(48), VP_MODE_FSDAX, VP_MAP_DEV,
			0, NULL), VP_BADINPUT);
	vp_input_defaults(&in);
	in.arch = VP_ARCH_X86_64;
	in.plat.la57 = true;
	in.size = G(64);
	in.start = (1ULL << 46) - G(48);
	in.start_given = true;
	EXPECT_U64(plan_in(&in), VP_OK);
	EXPECT_U64(res.arch.max_physmem_bits, 52);
}

/* Boot RAM ending inside a section: the device's first chunk lies in an
 * early section, whose memmap the boot mapped (mm/sparse.c:section_activate
 * returns before populating). */
static void early_section(void)
{
	struct vp_input in;

	t_case = "x86 boot RAM 1G+64M, device right after it";
	vp_input_defaults(&in);
	in.arch = VP_ARCH_X86_64;
	in.plat.boot_ram_bytes = G(1) + M(64);
	in.size = G(1);
	in.start = G(1) + M(64);
	in.start_given = true;
	EXPECT_U64(plan_in(&in), VP_OK);
	/* [1G+64M, 1G+128M) premapped; 7 whole sections; [2G, 2G+64M) is a
	 * partial chunk of a new section: 256 DRAM pages. */
	EXPECT_U64(d0()->populate.premapped_pfns, M(64) >> 12);
	EXPECT_U64(d0()->populate.altmap_blocks, 7);
	EXPECT_U64(d0()->populate.dram_pages, 256);
	EXPECT_U64(d0()->dram_bytes, M(1));
}

/* Below the plan: the x86 loop on machine states one device cannot make. */
static void populate_direct(void)
{
	struct vp_input in;
	struct vp_arch_params p;
	struct vp_vmemmap_geom g;
	struct vp_mem_state st;
	struct vp_hotadd h;
	struct vp_populate_stats ps;
	struct vp_kver v;
	uint64_t S = 32768, base = 4 * S;	/* section 4, 512 MiB */

	vp_input_defaults(&in);
	in.arch = VP_ARCH_X86_64;
	in.page_shift = 12;
	EXPECT_U64(vp_arch_params(&in, &p, &err), VP_OK);
	vp_vmemmap_geom(&p, &g);

	/* An altmap with room for one PMD only (pad 510 + 512 < 1100):
	 * the second whole section fails with -ENOMEM, no DRAM fallback. */
	t_case = "x86 altmap exhausted: -ENOMEM";
	memset(&st, 0, sizeof(st));
	memset(&h, 0, sizeof(h));
	h.start_pfn = base;
	h.end_pfn = base + 2 * S;
	h.has_altmap = true;
	h.altmap = (struct vp_altmap){ .base_pfn = base, .end_pfn = base +
				       2 * S - 1, .reserve = 2, .free = 1100 };
	EXPECT_U64(vp_vmemmap_populate(&g, &in.kernel.b, VP_ENGINE_RUNLENGTH,
				       &st, 0, &h, &ps, &err), VP_REFUSED);
	EXPECT_U64(err.kerrno, ENOMEM);
	memset(&st, 0, sizeof(st));
	h.altmap.alloc = h.altmap.align = 0;
	EXPECT_U64(vp_vmemmap_populate(&g, &in.kernel.b, VP_ENGINE_REFERENCE,
				       &st, 0, &h, &ps, &err), VP_REFUSED);
	EXPECT_U64(err.kerrno, ENOMEM);

	/* A section whose PMD is already a table (a neighbour's partial
	 * chunk [base, base + 512) mapped with base pages), then a whole-
	 * section device there: 6.1's x86 loop maps the other 504 pages from
	 * DRAM (vmemmap_populate_basepages(..., NULL)); from 2045a3b8911b
	 * (6.2) the generic loop takes them from the altmap. */
	{
		static const struct {
			const char *k;
			uint64_t alt, dram;
		} eras[] = { { "6.1.192", 0, 504 }, { "6.2", 504, 0 } };
		unsigned i;

		for (i = 0; i < 2; i++) {
			struct vp_hotadd nb = { .start_pfn = base,
						.end_pfn = base + 512 };

			t_case = eras[i].k;
			vp_kver_parse(eras[i].k, &v);
			vp_kernel_resolve(&v, &in.kernel);
			memset(&st, 0, sizeof(st));
			EXPECT_U64(vp_vmemmap_populate(&g, &in.kernel.b,
						       VP_ENGINE_REFERENCE, &st,
						       1, &nb, &ps, &err),
				   VP_OK);
			EXPECT_U64(ps.dram_pages, 8);
			/* The neighbour's pfns become the device's: keep its
			 * page table, drop its valid bits. */
			EXPECT_U64(vp_valid_remove(&st, base, base + 512, &err),
				   VP_OK);
			h.altmap.free = 2 * 512;
			h.end_pfn = base + S;
			h.altmap.end_pfn = base + S - 1;
			h.altmap.alloc = h.altmap.align = 0;
			EXPECT_U64(vp_vmemmap_populate(&g, &in.kernel.b,
						       VP_ENGINE_RUNLENGTH, &st,
						       0, &h, &ps, &err),
				   VP_OK);
			EXPECT_U64(ps.altmap_pages, eras[i].alt);
			EXPECT_U64(ps.dram_pages, eras[i].dram);
			EXPECT_U64(ps.altmap_blocks + ps.dram_blocks, 0);
		}
	}
}

int main(void)
{
	whole_sections();
	published_sizes();
	map_mem_and_devdax();
	refusals_and_limits();
	early_section();
	populate_direct();
	return t_report("x86");
}
