// SPDX-License-Identifier: GPL-2.0-only
/*
 * Several devices and hot-add / hot-remove sequences over one machine
 * (vp_plan with devs[] and steps[]).  Expected numbers are derived from
 * the kernel loops, beside each case:
 *   hash/radix 6.1 (arch/powerpc/mm/init_64.c:vmemmap_populate @6.1): a
 *     block of W = B/64 pfns comes from the altmap unless
 *     altmap_cross_boundary (it describes pfns outside the device), and is
 *     skipped when vmemmap_populated() finds a valid sub-section in it;
 *   radix 6.6+ (radix_pgtable.c:radix__vmemmap_populate @6.12): a PMD leaf
 *     only for a PMD inside the device, else PAGE_SIZE pages (1024 pfns
 *     with 64K pages), each from the altmap unless it crosses;
 *   free (vmemmap_free / remove_pagetable): a block that still describes a
 *     valid pfn is kept; otherwise it goes back to the removing device's
 *     altmap if it lies in it, else to the page allocator.
 * Every plan runs with both engines.
 */
#include "harness.h"
#include "compare.h"

#include <errno.h>

#define M(x) ((uint64_t)(x) << 20)
#define G(x) ((uint64_t)(x) << 30)

static struct vp_result res, ref;
static struct vp_error err;
static struct vp_input in;

static void setup(enum vp_mmu mmu, unsigned pshift, const char *kernel)
{
	struct vp_kver v;

	vp_input_defaults(&in);
	in.mmu = mmu;
	in.page_shift = pshift;
	vp_kver_parse(kernel, &v);
	vp_kernel_resolve(&v, &in.kernel);
}

static unsigned dev(const char *name, uint64_t size, uint64_t start,
		    enum vp_map map)
{
	struct vp_device_spec *d = &in.devs[in.ndevs];

	memset(d, 0, sizeof(*d));
	snprintf(d->name, sizeof(d->name), "%s", name);
	d->size = size;
	d->start = start;
	d->start_given = true;
	d->map = map;
	return in.ndevs++;
}

static void step(enum vp_step_op op, unsigned d)
{
	in.steps[in.nsteps].op = op;
	in.steps[in.nsteps++].dev = d;
}

static enum vp_status run(void)
{
	struct vp_input r = in;
	struct vp_error e2;
	enum vp_status s, s2;
	unsigned i;

	s = vp_plan(&in, &res, &err);
	r.engine = VP_ENGINE_REFERENCE;
	s2 = vp_plan(&r, &ref, &e2);
	EXPECT_U64(s2, s);
	if (s == VP_OK && s2 == VP_OK) {
		for (i = 0; i < res.ndev; i++)
			EXPECT_TRUE(same_device(&ref.dev[i], &res.dev[i]));
		for (i = 0; i < res.nsteps; i++) {
			EXPECT_TRUE(same_populate(&ref.step[i].populate,
						  &res.step[i].populate));
			EXPECT_TRUE(same_free(&ref.step[i].freed,
					      &res.step[i].freed));
		}
	}
	return s;
}

static bool warned(const char *code)
{
	unsigned i;

	for (i = 0; i < res.nwarn; i++)
		if (strcmp(res.warn[i].code, code) == 0)
			return true;
	return false;
}

/*
 * Hash 64K 6.1.192, 16M blocks: W = 2^24/64 = 262144 pfns = 16 GiB, so
 * a = [16G, 24G) and b = [24G, 32G) share block 1 = [16G, 32G).  Whoever
 * comes first finds the block crossing its boundary (a: ends at 24G; b:
 * starts at 24G) and takes it from DRAM (order 8 = 16 MiB); the second
 * finds the first's sub-sections valid and skips it.  Removing the first
 * keeps the block (the second's pfns are valid); removing the second
 * gives the 16 MiB back.  Nothing is left.
 */
static void hash_shared_block(void)
{
	static const char *const eras[] = { "6.1.192", "6.12.117" };
	unsigned order, e;
	char name[64];

	/* Hash keeps the init_64.c loop in both eras: the same numbers. */
	for (e = 0; e < 2; e++)
	for (order = 0; order < 2; order++) {
		unsigned a, b, first, second;

		snprintf(name, sizeof(name), "hash 64K %s: %s", eras[e],
			 order ? "b then a" : "a then b");
		t_case = name;
		setup(VP_MMU_HASH, 16, eras[e]);
		a = dev("a", G(8), G(16), VP_MAP_DEV);
		b = dev("b", G(8), G(24), VP_MAP_DEV);
		first = order ? b : a;
		second = order ? a : b;
		step(VP_STEP_ADD, first);
		step(VP_STEP_ADD, second);
		step(VP_STEP_REMOVE, first);
		step(VP_STEP_REMOVE, second);
		EXPECT_U64(run(), VP_OK);
		EXPECT_U64(res.step[0].populate.cross_blocks, 1);
		EXPECT_U64(res.step[0].populate.dram_blocks, 1);
		EXPECT_U64(res.step[0].dram_in_use_bytes, M(16));
		EXPECT_U64(res.step[1].populate.skipped_blocks, 1);
		EXPECT_U64(res.step[1].populate.dram_bytes, 0);
		EXPECT_U64(res.step[1].dram_in_use_bytes, M(16));
		EXPECT_U64(res.step[2].freed.kept_blocks, 1);
		EXPECT_U64(res.step[2].dram_in_use_bytes, M(16));
		EXPECT_U64(res.step[3].freed.dram_bytes, M(16));
		EXPECT_U64(res.step[3].dram_in_use_bytes, 0);
		/* Totals after the last add: both live, 8G - 16M usable each
		 * (dataoff = ALIGN(8K + 8M - 64, 16M) = 16M). */
		EXPECT_U64(res.totals.usable_bytes, 2 * (G(8) - M(16)));
		EXPECT_U64(res.totals.dram_bytes, M(16));
		EXPECT_U64(res.leftover.mapped_blocks, 0);
		EXPECT_U64(res.dev[a].after_free.alloc, 0);
		EXPECT_U64(res.dev[b].after_free.alloc, 0);
	}
}

/*
 * Two eras of radix 64K, a = [16G, 17G), b = [17G, 18G): the first added,
 * the second added, the first removed and added again, both removed.
 * 6.1.192 (init_64.c loop, 2M blocks, W = 32768 pfns = 2 GiB): block 8 =
 *   [16G, 18G) crosses a's end: DRAM 2 MiB (order 5); b skips it; a's
 *   removal keeps it, a's re-add skips it, b's removal keeps it, and a's
 *   last removal frees the 2 MiB.
 * 6.12.117 (radix__vmemmap_populate): the PMD [16G, 18G) crosses each
 *   device, so no leaf: 64 KiB pages of 1024 pfns (64 MiB), 1 GiB / 64 MiB
 *   = 16 per device, each inside its device: from its own altmap (1 pfn,
 *   never padded: alloc 16, align 0).  Each removal gives its 16 back.
 */
static void radix_eras_readd(void)
{
	static const struct {
		const char *k;
		uint64_t dram, pages;
	} eras[] = { { "6.1.192", M(2), 0 }, { "6.12.117", 0, 16 } };
	unsigned e, order;
	char name[64];

	/* In either order: the block (6.1) crosses whichever device comes
	 * first (a's end, or b's start); the pages (6.12) are each inside
	 * one device. */
	for (e = 0; e < 2; e++)
	for (order = 0; order < 2; order++) {
		unsigned a, b, x, y;

		snprintf(name, sizeof(name), "radix 64K %s, %s first",
			 eras[e].k, order ? "b" : "a");
		t_case = name;
		setup(VP_MMU_RADIX, 16, eras[e].k);
		a = dev("a", G(1), G(16), VP_MAP_DEV);
		b = dev("b", G(1), G(17), VP_MAP_DEV);
		x = order ? b : a;
		y = order ? a : b;
		step(VP_STEP_ADD, x);
		step(VP_STEP_ADD, y);
		step(VP_STEP_REMOVE, x);
		step(VP_STEP_ADD, x);
		step(VP_STEP_REMOVE, y);
		step(VP_STEP_REMOVE, x);
		EXPECT_U64(run(), VP_OK);
		EXPECT_U64(res.step[0].populate.dram_bytes, eras[e].dram);
		EXPECT_U64(res.step[0].populate.altmap_pages, eras[e].pages);
		EXPECT_U64(res.step[1].populate.altmap_pages, eras[e].pages);
		EXPECT_U64(res.step[1].populate.skipped_blocks, e ? 0 : 1);
		EXPECT_U64(res.step[2].freed.altmap_pfns, eras[e].pages);
		EXPECT_U64(res.step[2].freed.kept_blocks, e ? 0 : 1);
		EXPECT_U64(res.step[3].populate.altmap_pages, eras[e].pages);
		EXPECT_U64(res.step[3].altmap[x].alloc, eras[e].pages);
		EXPECT_U64(res.step[5].freed.dram_bytes, eras[e].dram);
		EXPECT_U64(res.step[5].dram_in_use_bytes, 0);
		EXPECT_U64(res.dev[a].after_free.alloc, 0);
		EXPECT_U64(res.dev[b].after_free.alloc, 0);
		EXPECT_U64(res.leftover.mapped_blocks, 0);
		EXPECT_TRUE(!warned("foreign_altmap"));
	}
}

/*
 * D9: hash 4K without 16M pages (PAGE_SIZE blocks, W = 64 pfns), map=mem,
 * a = [16G, 16G + 8M) and b = [16G + 8M, 16G + 16M) in one 16 MiB section.
 * a maps its 32 blocks from DRAM (128 KiB).  b's sub-section bits are set
 * before its populate (section_activate) and its section is valid, so
 * every block of b looks populated and is skipped: 2048 pfns with no
 * mapped struct pages.
 */
static void d9_unbacked(void)
{
	t_case = "D9 hash 4K no 16M pages";
	setup(VP_MMU_HASH, 12, "6.1.192");
	in.plat.hash_16m = false;
	dev("a", M(8), G(16), VP_MAP_MEM);
	dev("b", M(8), G(16) + M(8), VP_MAP_MEM);
	EXPECT_U64(run(), VP_OK);
	EXPECT_U64(res.step[0].populate.dram_blocks, 32);
	EXPECT_U64(res.step[0].populate.dram_bytes, 32 * 4096);
	EXPECT_U64(res.step[1].populate.skipped_blocks, 32);
	EXPECT_U64(res.dev[1].unbacked_pfns, 2048);
	EXPECT_U64(res.dev[0].unbacked_pfns, 0);
	EXPECT_TRUE(warned("unbacked_vmemmap"));
}

/*
 * Radix 64K 6.6 (the chunk's own address, not aligned): b = [16G + 34M,
 * 16G + 162M) first.  Its first chunk starts inside the 64 MiB page
 * [16G, 16G + 64M); the cross test looks at [start, start + 1024 pfns),
 * inside b, so the page comes from b's altmap although it also describes
 * a's pfns [16G, 16G + 34M).  Page [16G + 64M, +128M) is b's too; page
 * [16G + 128M, +192M) crosses b's end: DRAM.  a = [16G, 16G + 34M) then
 * finds its page present: a's struct pages live in b's altmap.
 * Removing b keeps that page (a's pfns are valid; b's alloc stays 1) and
 * frees the other two; removing a then frees the page, which is not in
 * a's altmap: free_vmemmap_pages hands it to the page allocator.
 * 6.15 (9cf7e13fecba) aligns the start down to the page: [16G, 16G + 64M)
 * crosses b's start and comes from DRAM; no device holds another's pages.
 */
static void foreign_altmap(void)
{
	unsigned a, b;

	t_case = "radix 6.6: a's struct pages in b's altmap";
	setup(VP_MMU_RADIX, 16, "6.6");
	b = dev("b", M(128), G(16) + M(34), VP_MAP_DEV);
	a = dev("a", M(34), G(16), VP_MAP_DEV);
	step(VP_STEP_ADD, b);
	step(VP_STEP_ADD, a);
	step(VP_STEP_REMOVE, b);
	step(VP_STEP_REMOVE, a);
	EXPECT_U64(run(), VP_OK);
	EXPECT_U64(res.step[0].populate.altmap_pages, 2);
	EXPECT_U64(res.step[0].populate.dram_pages, 1);
	EXPECT_U64(res.step[1].populate.altmap_pages +
			   res.step[1].populate.dram_pages, 0);
	EXPECT_TRUE(warned("foreign_altmap"));
	EXPECT_U64(res.step[2].freed.kept_blocks, 1);
	EXPECT_U64(res.step[2].freed.altmap_pfns, 1);
	EXPECT_U64(res.step[2].freed.dram_bytes, 65536);
	EXPECT_U64(res.dev[b].after_free.alloc, 1);
	EXPECT_TRUE(warned("altmap_kept"));
	EXPECT_U64(res.step[3].freed.foreign_blocks, 1);
	EXPECT_U64(res.step[3].freed.foreign_bytes, 65536);
	EXPECT_TRUE(warned("foreign_pages_freed"));
	EXPECT_U64(res.leftover.mapped_blocks, 0);

	t_case = "radix 6.15: the shared page comes from DRAM";
	setup(VP_MMU_RADIX, 16, "6.15");
	b = dev("b", M(128), G(16) + M(34), VP_MAP_DEV);
	a = dev("a", M(34), G(16), VP_MAP_DEV);
	step(VP_STEP_ADD, b);
	step(VP_STEP_ADD, a);
	step(VP_STEP_REMOVE, b);
	step(VP_STEP_REMOVE, a);
	EXPECT_U64(run(), VP_OK);
	EXPECT_U64(res.step[0].populate.altmap_pages, 1);
	EXPECT_U64(res.step[0].populate.dram_pages, 2);
	EXPECT_TRUE(!warned("foreign_altmap"));
	EXPECT_U64(res.dev[b].after_free.alloc, 0);
	EXPECT_U64(res.dev[a].after_free.alloc, 0);
	EXPECT_U64(res.leftover.mapped_blocks, 0);
	(void)a;
}

/*
 * x86-64: a = [16G, 16G + 64M) and b = [16G + 64M, 16G + 128M) share one
 * 128 MiB section; each is a partial chunk: 4K DRAM pages (64M / 256K =
 * 256 each), no PMD, in either order.  Each removal frees its own 256.
 */
static void x86_shared_section(void)
{
	unsigned order;

	for (order = 0; order < 2; order++) {
		unsigned a, b;

		t_case = order ? "x86 shared section, b first" :
				 "x86 shared section, a first";
		setup(VP_MMU_RADIX, 12, "6.1.192");
		in.arch = VP_ARCH_X86_64;
		a = dev("a", M(64), G(16), VP_MAP_DEV);
		b = dev("b", M(64), G(16) + M(64), VP_MAP_DEV);
		step(VP_STEP_ADD, order ? b : a);
		step(VP_STEP_ADD, order ? a : b);
		step(VP_STEP_REMOVE, a);
		step(VP_STEP_REMOVE, b);
		EXPECT_U64(run(), VP_OK);
		EXPECT_U64(res.step[0].populate.dram_pages, 256);
		EXPECT_U64(res.step[1].populate.dram_pages, 256);
		EXPECT_U64(res.step[1].dram_in_use_bytes, M(2));
		EXPECT_U64(res.step[2].freed.dram_bytes, M(1));
		EXPECT_U64(res.step[3].freed.dram_bytes, M(1));
		EXPECT_U64(res.leftover.mapped_blocks, 0);
	}
}

/*
 * A re-add starts from a new altmap (__nvdimm_setup_pfn builds one each
 * probe; __add_pages resets only alloc): radix 6.12 4K, 3G at 16G + 18M
 * (an unaligned start: a padded PMD request), added, removed, added
 * again: the second add is the first one again, padding included.
 */
static void readd_fresh_altmap(void)
{
	unsigned a;

	t_case = "re-add starts from a new altmap";
	setup(VP_MMU_RADIX, 12, "6.12.117");
	a = dev("a", G(3), G(16) + M(18), VP_MAP_DEV);
	step(VP_STEP_ADD, a);
	step(VP_STEP_REMOVE, a);
	step(VP_STEP_ADD, a);
	EXPECT_U64(run(), VP_OK);
	EXPECT_TRUE(same_populate(&res.step[0].populate,
				  &res.step[2].populate));
	EXPECT_U64(res.step[2].altmap[a].align, res.step[0].altmap[a].align);
	EXPECT_U64(res.step[2].altmap[a].alloc, res.step[0].altmap[a].alloc);
}

/* The foreign_altmap hazard is said once per pair, however many steps
 * follow; the plan's own warnings keep their places. */
static void hazard_once(void)
{
	unsigned a, b, i, n = 0;

	t_case = "foreign_altmap once";
	setup(VP_MMU_RADIX, 16, "6.6");
	in.kernel.ver.suffix[0] = 'x';	/* a distro_kernel warning */
	b = dev("b", M(128), G(16) + M(34), VP_MAP_DEV);
	a = dev("a", M(34), G(16), VP_MAP_DEV);
	step(VP_STEP_ADD, b);
	step(VP_STEP_ADD, a);
	for (i = 0; i < 14; i++) {
		step(VP_STEP_REMOVE, a);
		step(VP_STEP_ADD, a);
	}
	EXPECT_U64(run(), VP_OK);
	for (i = 0; i < res.nwarn; i++)
		n += strcmp(res.warn[i].code, "foreign_altmap") == 0;
	EXPECT_U64(n, 1);
	EXPECT_TRUE(warned("distro_kernel"));
}

static void refusals(void)
{
	t_case = "overlapping devices";
	setup(VP_MMU_RADIX, 16, "6.1.192");
	dev("a", G(2), G(16), VP_MAP_DEV);
	dev("b", G(2), G(17), VP_MAP_DEV);
	EXPECT_U64(run(), VP_BADINPUT);
	t_case = "removing a device not added";
	setup(VP_MMU_RADIX, 16, "6.1.192");
	dev("a", G(2), G(16), VP_MAP_DEV);
	step(VP_STEP_REMOVE, 0);
	EXPECT_U64(run(), VP_BADINPUT);
	t_case = "adding a device twice";
	setup(VP_MMU_RADIX, 16, "6.1.192");
	dev("a", G(2), G(16), VP_MAP_DEV);
	step(VP_STEP_ADD, 0);
	step(VP_STEP_ADD, 0);
	EXPECT_U64(run(), VP_BADINPUT);
	/* Boot RAM ranges: a device overlapping the second is refused
	 * (pagemap_range, -ENXIO); the default start is above the highest. */
	t_case = "RAM ranges";
	setup(VP_MMU_RADIX, 16, "6.1.192");
	in.plat.nram = 2;
	in.plat.ram[0] = (struct vp_ram){ 0, G(2) };
	in.plat.ram[1] = (struct vp_ram){ G(32), G(8) };
	dev("a", G(4), G(36), VP_MAP_DEV);
	EXPECT_U64(run(), VP_REFUSED);
	EXPECT_U64(err.kerrno, ENXIO);
	setup(VP_MMU_RADIX, 16, "6.1.192");
	in.plat.nram = 2;
	in.plat.ram[0] = (struct vp_ram){ 0, G(2) };
	in.plat.ram[1] = (struct vp_ram){ G(32), G(8) };
	in.size = G(4);
	EXPECT_U64(run(), VP_OK);
	EXPECT_U64(res.dev[0].start, G(48));
	/* memblock_phys_mem_size() = 10 GiB: hash would use 16M blocks. */
	EXPECT_U64(res.in.plat.boot_ram_bytes, G(10));
}

/*
 * 5.4, hash 64K without 16M pages: 64K blocks of W = 1024 pfns (64 MiB),
 * 16 MiB sections of 256 pfns.  a = 18M at 16G = pfns [262144, 262432),
 * b = 14M right after = [262432, 262656): both in block 256 (pfns
 * 262144-263167), and the section at pfn 262400 holds a's sub-section 0
 * and b's sub-sections 1-7.  Removing a: after its first chunk the block
 * still sees the section start 262400 valid (a's, not yet removed); after
 * its second chunk no section start of the block is valid, so
 * vmemmap_populated (section starts only before 5f5d6e40a01e) says no and
 * the block is freed, though b's pfns are valid: memmap_freed_in_use.  On
 * 5.5 the sub-section test keeps it.
 */
static void v54_freed_in_use(void)
{
	unsigned a, b;
	const char *k[] = { "5.4", "5.5" };
	unsigned i;

	for (i = 0; i < 2; i++) {
		t_case = k[i];
		setup(VP_MMU_HASH, 16, k[i]);
		in.plat.hash_16m = false;
		a = dev("a", M(18), G(16), VP_MAP_DEV);
		b = dev("b", M(14), G(16) + M(18), VP_MAP_DEV);
		step(VP_STEP_ADD, a);
		step(VP_STEP_ADD, b);
		step(VP_STEP_REMOVE, a);
		step(VP_STEP_REMOVE, b);
		EXPECT_U64(run(), VP_OK);
		EXPECT_U64(res.step[2].freed.in_use_blocks, i == 0 ? 1 : 0);
		EXPECT_U64(res.step[2].freed.dram_blocks, i == 0 ? 1 : 0);
		EXPECT_TRUE(warned("memmap_freed_in_use") == (i == 0));
	}
}

int main(void)
{
	v54_freed_in_use();
	hash_shared_block();
	radix_eras_readd();
	d9_unbacked();
	foreign_altmap();
	x86_shared_section();
	readd_fresh_altmap();
	hazard_once();
	refusals();
	return t_report("sequence");
}
