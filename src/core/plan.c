// SPDX-License-Identifier: GPL-2.0-only
#include "plan.h"

#include <errno.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "altmap.h"
#include "check.h"
#include "units.h"


static void warn(struct vp_result *r, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Warnings of the steps leave this many places for the plan's own. */
#define VP_WARN_RESERVED 8

static void warn(struct vp_result *r, const char *code, const char *fmt, ...)
{
	va_list ap;
	struct vp_warning *w;
	/* Step hazards first fill all but the reserved places (their code
	 * is "foreign_..." or "altmap_kept" / "unbacked_vmemmap"). */
	bool step = !strncmp(code, "foreign_", 8) ||
		    !strcmp(code, "altmap_kept") ||
		    !strcmp(code, "unbacked_vmemmap");

	if (r->nwarn == VP_MAX_WARNINGS ||
	    (step && r->nwarn >= VP_MAX_WARNINGS - VP_WARN_RESERVED)) {
		r->nwarn_dropped++;
		return;
	}
	w = &r->warn[r->nwarn++];
	w->code = code;
	va_start(ap, fmt);
	vsnprintf(w->msg, sizeof(w->msg), fmt, ap);
	va_end(ap);
}

static enum vp_status check_input(const struct vp_input *in,
				  const struct vp_arch_params *p,
				  struct vp_error *err)
{
	char a[VP_IEC_BUFSZ], list[4 * VP_IEC_BUFSZ] = "";
	unsigned i;

	if (in->size == 0)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "device size must be greater than 0");
	if (vp_region_granule(in) == 0)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "region alignment x ways overflows 64 bits");
	if (in->align && !vp_arch_align_supported(p, in->align)) {
		if (p->aligns_pow2)	/* pfn_devs.c:__align_store @4.13.4 */
			return vp_fail(err, VP_BADINPUT, EINVAL,
				       "drivers/nvdimm/pfn_devs.c:__align_store",
				       "align %s is not supported by kernel %s: a power of two from %s to 1 GiB",
				       vp_format_iec(in->align, a, sizeof(a)),
				       in->kernel.name,
				       vp_format_iec(p->page_size, list,
						     sizeof(list)));
		for (i = 0; i < p->n_aligns; i++) {
			if (i)
				strcat(list, ", ");
			strcat(list, vp_format_iec(p->aligns[i], a, sizeof(a)));
		}
		return vp_fail(err, VP_BADINPUT, EINVAL,
			       "drivers/nvdimm/pfn_devs.c:align_store",
			       "align %s is not supported for %s %s with %s pages; supported: %s (nd_pfn_supported_alignments)",
			       vp_format_iec(in->align, a, sizeof(a)),
			       vp_arch_name(in->arch), vp_mmu_name(in->mmu),
			       in->page_shift == 16 ? "64K" : "4K", list);
	}
	return VP_OK;
}

/*
 * The compound page size a devdax map=mem memmap is populated with, or 0.
 * drivers/dax/device.c:dev_dax_probe @6.1 sets pgmap->vmemmap_shift =
 * order_base_2(align >> PAGE_SHIFT) when align > PAGE_SIZE, and
 * mm/sparse-vmemmap.c:__populate_section_memmap @6.1 (line 388) takes the
 * compound path when vmemmap_can_optimize(altmap, pgmap):
 *  - 4917f55b4ef9 (5.17) to 87a7ae75d738: pgmap_vmemmap_nr > 1, no altmap,
 *    on every architecture (__populate_section_memmap @v6.1);
 *  - from 87a7ae75d738 (6.4, 6.1.184): where the architecture opts in
 *    (x86-64; powerpc radix from f2b79c0d7968, 6.6), and only when one
 *    compound page's struct pages fill more than VMEMMAP_RESERVE_NR (2)
 *    vmemmap pages (include/linux/mm.h line 3411 @6.1, 3956 @6.12).
 * x86-64 (vmemmap_x86.c) and radix from 6.6 (vmemmap_radix.c) are
 * replayed; the generic path on ppc64 (5.19 until 87a7ae75d738) is refused.
 */
static enum vp_status compound_pfns(const struct vp_input *in,
				    const struct vp_arch_params *p,
				    const struct vp_layout *lay,
				    const struct vp_hotadd *h, uint64_t *out,
				    struct vp_error *err)
{
	char a[VP_IEC_BUFSZ], b[VP_IEC_BUFSZ];
	uint64_t n = lay->align / p->page_size;
	uint64_t vm_pages = n * p->struct_page_size / p->page_size;
	bool can;

	*out = 0;
	if (in->mode != VP_MODE_DEVDAX || h->has_altmap || n <= 1)
		return VP_OK;
	switch (in->kernel.b.compound_vmemmap) {
	case VP_COMPOUND_NONE:
		return VP_OK;
	case VP_COMPOUND_ALL_ARCHES:
		can = true;
		break;
	default:
		can = (p->compound_opt_in ||
		       (in->arch == VP_ARCH_PPC64 && in->mmu == VP_MMU_RADIX &&
			in->kernel.b.radix_compound_vmemmap)) &&
		      vm_pages > 2;
		break;
	}
	if (!can)
		return VP_OK;
	/* ppc64 radix from 6.6 has its own vmemmap_populate_compound_pages
	 * (vmemmap_radix.c); before 87a7ae75d738 the generic one ran on
	 * powerpc's hash and radix vmemmap, a path not modelled. */
	if (in->arch != VP_ARCH_X86_64 &&
	    !(in->mmu == VP_MMU_RADIX && in->kernel.b.radix_own_populate &&
	      in->kernel.b.compound_vmemmap == VP_COMPOUND_OPT_IN))
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "devdax map=mem with align %s on ppc64 kernel %s takes the generic compound-page vmemmap path (mm/sparse-vmemmap.c:vmemmap_populate_compound_pages), which is not modelled on ppc64; use map=dev, --align %s, or a kernel where it is modelled (before 5.19; 6.1.184 and later 6.1.y; 6.4 and later)",
			       vp_format_iec(lay->align, a, sizeof(a)),
			       in->kernel.name,
			       vp_format_iec(p->page_size, b, sizeof(b)));
	/*
	 * Until "powerpc/mm: fix wrong addr_pfn tracking in compound vmemmap
	 * population" (Debian 6.12.110 from the 6.12.y stable line; its
	 * mainline commit and tag are not pinned here) the loop carried the
	 * pfn as state, stepped by 1 or 2 per vmemmap page instead of
	 * PAGE_SIZE / 64.  With 64K pages a section chunk's memmap (16 KiB)
	 * lies in one vmemmap page, the loop runs once from the chunk's own
	 * pfn, and both forms agree.  With 4K pages a chunk spans 64 vmemmap
	 * pages and the numbers depend on the fix: not modelled.
	 */
	if (in->arch == VP_ARCH_PPC64 && p->page_shift != 16)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "devdax map=mem with align %s on ppc64 radix with 4K pages takes radix's compound-page vmemmap path, whose numbers with 4K pages depend on the addr_pfn fix (6.12.110 in the 6.12 line), which is not modelled; use map=dev, --align 4 KiB, or 64K pages",
			       vp_format_iec(lay->align, a, sizeof(a)));
	/*
	 * radix_pgtable.c:vmemmap_populate_compound_pages @6.12 finds heads at
	 * absolute multiples of n (ALIGN_DOWN of the pfn), while
	 * mm/mm_init.c:memmap_init_zone_device initialises compound pages
	 * counted from the range start, and only the struct pages it expects
	 * in the head and first tail pages.  From a start that is not a
	 * multiple of n, head struct pages fall in shared tail pages or some
	 * struct pages are never initialised.  Measured on 6.12.117 under qemu
	 * (tests/kernel/ppc64.sh radix-odd-devdax-mem-1G, 4G at 0x410000000,
	 * 256 MiB past a 1 GiB boundary): an oops in set_pfnblock_flags_mask.
	 * Smaller offsets were not measured (pseries places NVDIMMs in
	 * 256 MiB blocks); none is planned.
	 */
	if (in->arch == VP_ARCH_PPC64 && h->start_pfn % n)
		return vp_fail(err, VP_REFUSED, 0,
			       "mm/mm_init.c:memmap_init_zone_device",
			       "devdax map=mem compound pages of %s from start %#llx, %s past a multiple of %s: radix shares vmemmap pages by absolute alignment, so struct pages are overwritten or never set up (6.12.117 under qemu oopsed in set_pfnblock_flags_mask from 256 MiB past); start on a %s boundary or use map=dev",
			       vp_format_iec(lay->align, a, sizeof(a)),
			       (unsigned long long)(h->start_pfn << p->page_shift),
			       vp_format_iec((h->start_pfn % n) << p->page_shift,
					     b, sizeof(b)),
			       a, a);
	*out = n;
	return VP_OK;
}

/*
 * The populate replays work in whole pfns per vmemmap block (B / sizeof
 * (struct page)), so a struct page size that does not divide the blocks
 * (56, 72, 80 bytes: a struct page then straddles two blocks) is not
 * replayed; nor is x86-64's, whose one-PMD-per-section rule needs 64.
 * The layout refusals (arch.c, layout.c) come first: they hold for any
 * size.
 */
static enum vp_status struct_page_modelled(const struct vp_input *in,
					   const struct vp_arch_params *p,
					   struct vp_error *err)
{
	unsigned n = p->struct_page_size;

	if (n == 64 || (in->arch == VP_ARCH_PPC64 && !(n & (n - 1))))
		return VP_OK;
	return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
		       "%u-byte struct pages are not replayed on %s: the vmemmap loops are modelled for %s",
		       n, vp_arch_name(in->arch),
		       in->arch == VP_ARCH_PPC64 ?
			       "struct page sizes that are powers of two (64, 128, 256)" :
			       "64-byte struct pages only");
}

/* The byte figures of a device (kernel-model.md §7's definitions). */
static void derive(const struct vp_arch_params *p, struct vp_device_result *d)
{
	const struct vp_altmap *a = &d->hotadd.altmap;
	uint64_t pfns = d->hotadd.end_pfn - d->hotadd.start_pfn;

	d->memmap_bytes = pfns * p->struct_page_size;
	d->dram_bytes = d->populate.dram_bytes;
	if (d->hotadd.has_altmap) {
		d->altmap_bytes = a->alloc << p->page_shift;
		d->reserved_pfns = vp_altmap_offset(a);
		d->align_waste_bytes = a->align << p->page_shift;
		d->unused_altmap_bytes = vp_altmap_room(a) << p->page_shift;
	} else {
		d->reserved_pfns = d->layout.dataoff >> p->page_shift;
		d->dataoff_pad_bytes = d->layout.dataoff - p->info_block_reserve;
	}
}

/* "pmem1: " in front of device messages when there are several devices. */
static const char *who(const struct vp_result *r,
		       const struct vp_device_result *d, char *buf, size_t len)
{
	if (r->ndev < 2)
		return "";
	snprintf(buf, len, "%s: ", d->name);
	return buf;
}

/* Warnings about the kernel and the machine, once per plan. */
static void global_warnings(struct vp_result *r)
{
	const struct vp_input *in = &r->in;
	char b1[VP_IEC_BUFSZ], b2[VP_IEC_BUFSZ];

	if (in->kernel.caveat[0])
		warn(r, "kernel_caveat", "%s", in->kernel.caveat);
	if (in->kernel.ver.suffix[0])
		warn(r, "distro_kernel",
		     "kernel %s has a distribution suffix: modelled as upstream %u.%u.%u; distribution backports are not known (--kernel-has/--kernel-lacks set them)",
		     in->kernel.name, in->kernel.ver.major, in->kernel.ver.minor,
		     in->kernel.ver.patch);
	if (r->geom.path == VP_PATH_INIT64 && r->geom.block_pfns == 0)
		warn(r, "vmemmap_block_below_page",
		     "vmemmap blocks of %llu bytes are smaller than a page: the altmap refuses them and each takes a whole DRAM page (kernel-model.md D3, a reading not yet checked on a running kernel)",
		     (unsigned long long)r->geom.block_bytes);
	if (in->numa.known && (unsigned __int128)r->totals.dram_bytes * 1000 >
				      (unsigned __int128)in->numa.node_bytes *
					      VP_NUMA_WARN_PERMILLE)
		warn(r, "numa_share",
		     "the memmap takes %s of node %u's %s of DRAM, more than %u.%u%%",
		     vp_format_iec(r->totals.dram_bytes, b1, sizeof(b1)),
		     in->numa.node,
		     vp_format_iec(in->numa.node_bytes, b2, sizeof(b2)),
		     VP_NUMA_WARN_PERMILLE / 10, VP_NUMA_WARN_PERMILLE % 10);
}

/* Warnings about one hot-add: s is what it did. */
static void add_warnings(struct vp_result *r,
			 const struct vp_device_result *d,
			 const struct vp_populate_stats *s)
{
	char b2[VP_IEC_BUFSZ], w[48];
	uint64_t cover = (r->geom.path == VP_PATH_RADIX ? r->geom.pmd_pfns :
				r->geom.pfns_per_block) << r->arch.page_shift;

	if (s->cross_blocks &&
	    r->in.kernel.b.altmap_lookup != VP_ALTMAP_PASSED)
		warn(r, "edge_blocks_dram",
		     "%s%llu vmemmap block(s) start below the device: the pgmap lookup (to_vmem_altmap) finds no altmap for them and they come from DRAM; a start aligned to %s avoids this",
		     who(r, d, w, sizeof(w)),
		     (unsigned long long)s->cross_blocks,
		     vp_format_iec(cover, b2, sizeof(b2)));
	else if (s->cross_blocks)
		warn(r, "edge_blocks_dram",
		     "%s%llu vmemmap %s at the device's edges also describe pfns outside it and come from DRAM (altmap_cross_boundary); a start and end aligned to %s avoid this",
		     who(r, d, w, sizeof(w)),
		     (unsigned long long)s->cross_blocks,
		     r->geom.path == VP_PATH_RADIX ? "page(s)" : "block(s)",
		     vp_format_iec(cover, b2, sizeof(b2)));
	if (s->fallback_blocks)
		warn(r, "altmap_exhausted",
		     "%sthe altmap ran out: %llu vmemmap %s fell back to DRAM",
		     who(r, d, w, sizeof(w)),
		     (unsigned long long)s->fallback_blocks,
		     r->geom.path == VP_PATH_RADIX ? "page(s)" : "block(s)");
}

/* Warnings about one device's layout. */
static void device_warnings(struct vp_result *r,
			    const struct vp_device_result *d)
{
	const struct vp_input *in = &r->in;
	char b1[VP_IEC_BUFSZ], b2[VP_IEC_BUFSZ], w[48];
	uint64_t ra = vp_region_granule(in);

	/* ndctl's create-namespace checks the size against the interleave
	 * ways times --align before the kernel sees it ("'--size=' must
	 * align to interleave-width: 1 and alignment: 1073741824", seen with
	 * ndctl 76.1 under tests/kernel/x86.sh). */
	if (d->size % (d->layout.align * (in->ways ? in->ways : 1)))
		warn(r, "ndctl_size_align",
		     "%ssize %s is not a multiple of %u x the alignment %s: ndctl create-namespace refuses it",
		     who(r, d, w, sizeof(w)),
		     vp_format_iec(d->size, b1, sizeof(b1)),
		     in->ways ? in->ways : 1,
		     vp_format_iec(d->layout.align, b2, sizeof(b2)));
	if (d->size % ra)
		warn(r, "region_align",
		     "%ssize %s is not a multiple of the %s region alignment namespaces are carved in (region_devs.c:default_align)",
		     who(r, d, w, sizeof(w)),
		     vp_format_iec(d->size, b1, sizeof(b1)),
		     vp_format_iec(ra, b2, sizeof(b2)));
	if (d->hotadd.has_altmap && r->arch.reserve_struct_page_size >
					    r->arch.struct_page_size)
		warn(r, "reserve_oversized",
		     "%skernel %s reserves %u bytes per pfn (MAX_STRUCT_PAGE_SIZE) for %u-byte struct pages: about half the reserve stays unused",
		     who(r, d, w, sizeof(w)), in->kernel.name,
		     r->arch.reserve_struct_page_size,
		     r->arch.struct_page_size);
	/* mm/sparse-vmemmap.c:reuse_compound_section @6.1 counts compound
	 * pages from the range start and, in a section that does not start
	 * one, maps the whole memmap to the previous section's tail page: with
	 * a start that is not section-aligned, the head struct pages of every
	 * compound page after the first are that shared tail page. */
	if (d->hotadd.compound_pfns && r->geom.path == VP_PATH_X86 &&
	    d->hotadd.start_pfn % r->geom.section_pfns &&
	    d->hotadd.end_pfn - d->hotadd.start_pfn > d->hotadd.compound_pfns)
		warn(r, "compound_heads_shared",
		     "%scompound pages of %s counted from a start that is not section-aligned: after the first, their head struct pages are mapped to a shared tail page (reuse_compound_section); a start aligned to %s avoids it",
		     who(r, d, w, sizeof(w)),
		     vp_format_iec(d->hotadd.compound_pfns << r->arch.page_shift,
				   b1, sizeof(b1)),
		     vp_format_iec(d->hotadd.compound_pfns << r->arch.page_shift,
				   b2, sizeof(b2)));
	if (d->hotadd.remove_end_pfn)
		warn(r, "sections_left_added",
		     "%shot-removing it removes pfns below %#llx only: kernel %s's devm_memremap_pages release sizes the range as ALIGN(size, section) from the section below the start, one section short of what it added; the last section stays hot-added, with its memmap (and on 4.13 its pgmap key: re-adding fails with -EBUSY)",
		     who(r, d, w, sizeof(w)),
		     (unsigned long long)d->hotadd.remove_end_pfn,
		     in->kernel.name);
	/* 4.13 and 4.14.y before 19deaa217b (which came with 41fce90f2633,
	 * the end_trunc_misaligned row): nd_pfn_validate, on every later
	 * probe, wants the data offset itself a multiple of --align
	 * (pfn_devs.c @4.13.4 lines 451-457); the offset is aligned from
	 * S + start_pad, so a start off the alignment passes the first probe
	 * and comes back raw at the next. */
	if (in->kernel.b.section_layout && !in->kernel.b.end_trunc_misaligned &&
	    d->layout.dataoff % d->layout.align)
		warn(r, "reprobe_bad_offset",
		     "%sdata offset %llu is not a multiple of the %s alignment: kernel %s's nd_pfn_validate refuses the info block at the next probe (\"bad offset ... dax disabled\") and the namespace comes back raw; start it on a %s boundary",
		     who(r, d, w, sizeof(w)),
		     (unsigned long long)d->layout.dataoff,
		     vp_format_iec(d->layout.align, b1, sizeof(b1)),
		     in->kernel.name,
		     vp_format_iec(d->layout.align, b2, sizeof(b2)));
	/* 4.13's altmap reserve is PHYS_PFN(SZ_8K) pages, none with 64K
	 * pages (pfn_devs.c:init_altmap_reserve @4.13; ALIGN(SZ_8K,
	 * PAGE_SIZE) from "libnvdimm/pfn: Account for PAGE_SIZE >
	 * info-block-size in nd_pfn_init()"): the first struct pages land on
	 * the info block at namespace offset 4 KiB. */
	if (d->hotadd.has_altmap && d->populate.first_altmap_pfn != UINT64_MAX &&
	    (d->populate.first_altmap_pfn << r->arch.page_shift) <
		    d->start + (8ULL << 10))
		warn(r, "info_block_overwritten",
		     "%sthe first altmap block starts at pfn %#llx, inside the namespace's first 8 KiB: struct pages overwrite its info block (kernel %s reserves PHYS_PFN(8 KiB) = %llu pages for it), and the namespace is lost at the next probe",
		     who(r, d, w, sizeof(w)),
		     (unsigned long long)d->populate.first_altmap_pfn,
		     in->kernel.name,
		     (unsigned long long)((8ULL << 10) >> r->arch.page_shift));
	if (d->hotadd.has_altmap && in->kernel.b.cross_boundary_test &&
	    in->kernel.b.cross_boundary_off_by_one &&
	    r->geom.path == VP_PATH_INIT64)
		warn(r, "cross_boundary_off_by_one",
		     "%skernel %s has the altmap_cross_boundary off-by-one (fixed by c8eebc4a99f1 in 6.1.39): a block-aligned device's last block goes to DRAM",
		     who(r, d, w, sizeof(w)), in->kernel.name);
}

/* The input as one device of it: the layout functions read size, start,
 * mode, map and align from a struct vp_input. */
static void device_input(const struct vp_input *in,
			 const struct vp_device_spec *ds, struct vp_input *out)
{
	*out = *in;
	out->size = ds->size;
	out->start = ds->start;
	out->start_given = true;
	out->mode = ds->mode;
	out->map = ds->map;
	out->align = ds->align;
}

/* Prefixes err's message with the device (and the step), when the plan
 * has several. */
static enum vp_status about(const struct vp_result *r, unsigned k,
			    const struct vp_device_result *d,
			    struct vp_error *err)
{
	char msg[sizeof(err->msg) + 96];

	if (r->ndev < 2 && r->in.nsteps < 2)
		return err->status;
	if (k == UINT32_MAX)
		snprintf(msg, sizeof(msg), "%s: %s", d->name, err->msg);
	else
		snprintf(msg, sizeof(msg), "step %u (%s %s): %s", k + 1,
			 r->in.steps[k].op == VP_STEP_ADD ? "add" : "remove",
			 d->name, err->msg);
	msg[sizeof(err->msg) - 1] = '\0';
	memcpy(err->msg, msg, sizeof(err->msg));
	return err->status;
}

static uint64_t dram_in_use(const struct vp_mem_state *st, unsigned shift)
{
	uint64_t sum = 0;
	unsigned i;

	for (i = 0; i < st->nruns; i++)
		if (st->runs[i].backing == VP_BACK_DRAM)
			sum += (st->runs[i].count * st->runs[i].nr) << shift;
	return sum;
}

/*
 * Hazards after a step (issue "several devices"), with the step and the
 * blocks: a device's struct pages living in another device's altmap, and
 * what removing that other device first does.
 */
static void foreign_altmap_warnings(struct vp_result *r, unsigned k,
				    const struct vp_mem_state *st,
				    uint32_t *warned)
{
	unsigned i, j;

	for (i = 0; i < st->nruns; i++) {
		const struct vp_block_run *run = &st->runs[i];

		if (run->backing != VP_BACK_ALTMAP)
			continue;
		for (j = 0; j < r->ndev; j++) {
			const struct vp_device_result *b = &r->dev[j];
			uint64_t lo = vp_run_lo(run), hi = vp_run_hi(run);

			if (j == run->dev || !b->live)
				continue;
			if (lo < b->hotadd.start_pfn)
				lo = b->hotadd.start_pfn;
			if (hi > b->hotadd.end_pfn)
				hi = b->hotadd.end_pfn;
			/* Once per owner and victim. */
			if (hi <= lo || (warned[run->dev] & 1u << j))
				continue;
			warned[run->dev] |= 1u << j;
			warn(r, "foreign_altmap",
			     "step %u: the struct pages of %s's pfns %#llx-%#llx live in %s's altmap (vmemmap blocks from pfn %#llx); removing %s first leaves them mapped on memory that is given back",
			     k + 1, b->name, (unsigned long long)lo,
			     (unsigned long long)hi - 1,
			     r->dev[run->dev].name,
			     (unsigned long long)run->phys_pfn,
			     r->dev[run->dev].name);
		}
	}
}

static void snapshot(struct vp_result *r, struct vp_step_result *sr,
		     const struct vp_mem_state *st,
		     const struct vp_hotadd *hot)
{
	unsigned i;

	sr->dram_in_use_bytes = dram_in_use(st, r->arch.page_shift);
	for (i = 0; i < r->ndev; i++) {
		sr->altmap[i].live = r->dev[i].live;
		sr->altmap[i].has_altmap = hot[i].has_altmap;
		sr->altmap[i].alloc = hot[i].altmap.alloc;
		sr->altmap[i].align = hot[i].altmap.align;
	}
}

/* Totals of the devices live after the last add (kernel-model.md §7). */
static void totals(struct vp_result *r, const struct vp_mem_state *st)
{
	struct vp_totals *t = &r->totals;
	unsigned i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < r->ndev; i++) {
		const struct vp_device_result *d = &r->dev[i];

		if (!d->live)
			continue;
		t->size_bytes += d->size;
		t->memmap_bytes += d->memmap_bytes;
		t->moved_to_device_bytes += d->altmap_bytes;
		t->reserved_pfns += d->reserved_pfns;
		t->alignment_waste_bytes +=
			d->align_waste_bytes + d->unused_altmap_bytes +
			d->dataoff_pad_bytes + d->layout.end_trunc +
			d->layout.start_pad;
		t->usable_bytes += d->layout.usable_bytes;
	}
	t->dram_bytes = dram_in_use(st, r->arch.page_shift);
}

enum vp_status vp_plan(const struct vp_input *request, struct vp_result *res,
		       struct vp_error *err)
{
	const struct vp_input *in = &res->in;
	struct vp_mem_state state, *st = &state;
	struct vp_hotadd hot[VP_MAX_DEVICES];	/* the live altmaps */
	/* Each device's range and altmap as __nvdimm_setup_pfn builds them,
	 * before any populate: what every (re-)add starts from. */
	struct vp_hotadd fresh[VP_MAX_DEVICES];
	uint32_t warned[VP_MAX_DEVICES] = { 0 };	/* foreign_altmap pairs */
	unsigned i, j, k, last_add = 0;
	enum vp_status s;

	/* The device and step arrays are large and mostly unused: zero the
	 * rest, and each entry once it is used. */
	memset(res, 0, offsetof(struct vp_result, dev));
	res->nsteps = 0;
	memset(&res->leftover, 0,
	       sizeof(*res) - offsetof(struct vp_result, leftover));
	memset(err, 0, sizeof(*err));
	memset(st, 0, sizeof(*st));
	res->in = *request;
	vp_input_resolve(&res->in);
	if ((s = vp_arch_params(in, &res->arch, err)))
		return s;
	/* 4.13 finds a block's altmap through the pgmap of its first
	 * section; with several namespaces a block can then take another's
	 * altmap, and sections can be shared: not replayed. */
	if (in->kernel.b.section_layout && in->ndevs > 1)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "several namespaces on kernel %s are not modelled (before 5.3 the altmap lookups and section sharing are replayed for one device)",
			       in->kernel.name);
	vp_vmemmap_geom(&res->arch, &res->geom);
	for (i = 0; i < in->plat.nram; i++)
		if ((s = vp_vmemmap_boot(&res->geom, st,
					 in->plat.ram[i].start >> res->arch.page_shift,
					 (in->plat.ram[i].start + in->plat.ram[i].size) >>
						 res->arch.page_shift,
					 err)))
			return s;
	/* Every device's layout first: a device the kernel refuses refuses
	 * the plan. */
	res->ndev = in->ndevs;
	memset(res->dev, 0, in->ndevs * sizeof(res->dev[0]));
	memset(hot, 0, in->ndevs * sizeof(hot[0]));
	memset(fresh, 0, in->ndevs * sizeof(fresh[0]));
	for (i = 0; i < in->ndevs; i++) {
		const struct vp_device_spec *ds = &in->devs[i];
		struct vp_device_result *d = &res->dev[i];
		struct vp_input din;

		memcpy(d->name, ds->name, sizeof(d->name));
		d->start = ds->start;
		d->size = ds->size;
		d->start_given = ds->start_given;
		d->mode = ds->mode;
		d->map = ds->map;
		device_input(in, ds, &din);
		if ((s = check_input(&din, &res->arch, err)) ||
		    (s = vp_nd_pfn_init(&din, &res->arch, &d->layout, err)) ||
		    (s = struct_page_modelled(&din, &res->arch, err)) ||
		    (s = vp_nvdimm_setup_pfn(&din, &res->arch, &d->layout,
					     &d->hotadd, err)) ||
		    (s = compound_pfns(&din, &res->arch, &d->layout,
				       &d->hotadd, &d->hotadd.compound_pfns,
				       err)))
			return about(res, UINT32_MAX, d, err);
		/* 4.14-4.15: vmemmap_populate looks the altmap up by the
		 * block's first pfn, over the resource's pfns only
		 * (kernel/memremap.c @4.14.5: radix keys for
		 * [res.start, res.end]), vmemmap_free by its section's first
		 * pfn (init_64.c @4.14.5).  They differ for blocks smaller
		 * than a section's memmap in a first or last section the
		 * resource fills only in part. */
		if (in->kernel.b.altmap_lookup == VP_ALTMAP_BY_PFN &&
		    d->hotadd.has_altmap &&
		    res->geom.pfns_per_block < res->geom.section_pfns &&
		    (d->hotadd.altmap.res_start_pfn % res->geom.section_pfns ||
		     (d->hotadd.altmap.end_pfn + 1) % res->geom.section_pfns))
			return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
				       "%s [%#llx, %#llx) on kernel %s: the data range does not start and end on section boundaries and its vmemmap blocks (%llu bytes) are smaller than a section's memmap, where vmemmap_populate and vmemmap_free look the altmap up by different pfns; not modelled",
				       d->name,
				       (unsigned long long)(d->hotadd.altmap.res_start_pfn
							    << res->arch.page_shift),
				       (unsigned long long)((d->hotadd.altmap.end_pfn + 1)
							    << res->arch.page_shift),
				       in->kernel.name,
				       (unsigned long long)res->geom.block_bytes);
		fresh[i] = d->hotadd;
		for (j = 0; j < i; j++)
			if (d->start < res->dev[j].start + res->dev[j].size &&
			    res->dev[j].start < d->start + d->size)
				return vp_fail(err, VP_BADINPUT, 0, NULL,
					       "devices %s and %s overlap ([%#llx, %#llx) and [%#llx, %#llx))",
					       res->dev[j].name, d->name,
					       (unsigned long long)res->dev[j].start,
					       (unsigned long long)(res->dev[j].start + res->dev[j].size),
					       (unsigned long long)d->start,
					       (unsigned long long)(d->start + d->size));
	}
	/* The steps, over one machine state. */
	res->nsteps = in->nsteps;
	memset(res->step, 0, in->nsteps * sizeof(res->step[0]));
	for (k = 0; k < in->nsteps; k++) {
		struct vp_step_result *sr = &res->step[k];
		unsigned di = in->steps[k].dev;
		struct vp_device_result *d = &res->dev[di];

		sr->op = in->steps[k].op;
		sr->dev = di;
		if (sr->op == VP_STEP_ADD) {
			if (d->live)
				return vp_fail(err, VP_BADINPUT, 0, NULL,
					       "step %u adds %s, which is already added",
					       k + 1, d->name);
			/* 4.13: pgmap_radix_release deletes the section keys
			 * from the unaligned res->start (kernel/memremap.c
			 * @4.13.4 lines 194-195), one short exactly when the
			 * release is: the last section's key survives and the
			 * next devm_memremap_pages over it finds a pgmap there
			 * (lines 331-338): -EBUSY. */
			if (d->removed && fresh[di].remove_end_pfn &&
			    in->kernel.b.altmap_lookup == VP_ALTMAP_BY_SECTION) {
				vp_fail(err, VP_REFUSED, EBUSY,
					"kernel/memremap.c:devm_memremap_pages",
					"step %u re-adds %s: the removal left the section at pfn %#llx with its old pgmap key (pgmap_radix_release starts at the unaligned start), so the collision check finds it",
					k + 1, d->name,
					(unsigned long long)fresh[di].remove_end_pfn);
				return about(res, k, d, err);
			}
			/* __nvdimm_setup_pfn builds a new altmap each probe. */
			hot[di] = fresh[di];
			if ((s = vp_vmemmap_populate(&res->geom,
						     &in->kernel.b, in->engine,
						     st, di, &hot[di],
						     &sr->populate, err)))
				return about(res, k, d, err);
			d->populate = sr->populate;
			d->hotadd = hot[di];
			d->live = true;
			d->removed = false;
			d->unbacked_pfns = (hot[di].end_pfn - hot[di].start_pfn) -
					   vp_state_covered(st, hot[di].start_pfn,
						   hot[di].end_pfn);
			derive(&res->arch, d);
			last_add = k;
			totals(res, st);
			if (d->unbacked_pfns)
				warn(res, "unbacked_vmemmap",
				     "step %u: %llu pfns of %s have struct pages no vmemmap block maps: their sub-sections were already valid, so vmemmap_populated() skipped blocks nobody had mapped (kernel-model.md D9); touching them faults",
				     k + 1, (unsigned long long)d->unbacked_pfns,
				     d->name);
			add_warnings(res, d, &sr->populate);
			foreign_altmap_warnings(res, k, st, warned);
		} else {
			struct vp_free_stats *fs = &sr->freed;

			if (!d->live)
				return vp_fail(err, VP_BADINPUT, 0, NULL,
					       "step %u removes %s, which is not added",
					       k + 1, d->name);
			if ((s = vp_vmemmap_free(&res->geom, &in->kernel.b,
						 in->engine, st, &hot[di], fs,
						 err)))
				return about(res, k, d, err);
			d->live = false;
			d->removed = true;
			d->after_free.alloc = hot[di].altmap.alloc;
			d->after_free.align = hot[di].altmap.align;
			d->after_free.altmap_freed_pfns = fs->altmap_pfns;
			d->after_free.dram_freed_bytes = fs->dram_bytes;
			d->after_free.kept_blocks = fs->kept_blocks;
			if (fs->foreign_blocks)
				warn(res, "foreign_pages_freed",
				     "step %u: removing %s hands %llu vmemmap block(s) (%llu bytes) that live in another device's altmap to the page allocator (they fail %s's altmap bound): device memory in the buddy allocator",
				     k + 1, d->name,
				     (unsigned long long)fs->foreign_blocks,
				     (unsigned long long)fs->foreign_bytes,
				     d->name);
			if (fs->in_use_blocks)
				warn(res, "memmap_freed_in_use",
				     "step %u: removing %s unmaps %llu vmemmap block(s) that still describe valid pfns of another namespace: before 5f5d6e40a01e (5.5) vmemmap_populated asks only about section-start pfns; that namespace's struct pages are then gone (use after free)",
				     k + 1, d->name,
				     (unsigned long long)fs->in_use_blocks);
			if (hot[di].has_altmap && hot[di].altmap.alloc)
				warn(res, "altmap_kept",
				     "step %u: removing %s leaves %llu pfns of its altmap mapped (blocks that still describe valid pfns); the kernel does not give them back",
				     k + 1, d->name,
				     (unsigned long long)hot[di].altmap.alloc);
		}
		snapshot(res, sr, st, hot);
	}
	(void)last_add;
	/* Devices still live: what removing each alone would give back, on
	 * a copy of the state. */
	for (i = 0; i < res->ndev; i++) {
		struct vp_device_result *d = &res->dev[i];
		struct vp_mem_state copy;
		struct vp_hotadd h;
		struct vp_free_stats fs;

		if (!d->live)
			continue;
		copy = *st;
		h = hot[i];
		if ((s = vp_vmemmap_free(&res->geom, &in->kernel.b, in->engine,
					 &copy, &h, &fs, err)))
			return about(res, UINT32_MAX, d, err);
		d->after_free.alloc = h.altmap.alloc;
		d->after_free.align = h.altmap.align;
		d->after_free.altmap_freed_pfns = fs.altmap_pfns;
		d->after_free.dram_freed_bytes = fs.dram_bytes;
		d->after_free.kept_blocks = fs.kept_blocks;
	}
	/* What the last step leaves behind. */
	for (i = 0; i < st->nruns; i++) {
		const struct vp_block_run *run = &st->runs[i];

		if (run->backing == VP_BACK_BOOT)
			continue;
		res->leftover.mapped_blocks += run->count;
		if (run->backing == VP_BACK_DRAM)
			res->leftover.mapped_dram_bytes +=
				(run->count * run->nr) << res->arch.page_shift;
		else
			res->leftover.mapped_altmap_pfns += run->count * run->nr;
	}
	for (i = 0; i < res->ndev; i++)
		if (res->dev[i].removed)
			res->leftover.align_pfns += res->dev[i].after_free.align;
	if (in->numa.known) {
		res->dram_share_of_node = (double)res->totals.dram_bytes /
					  (double)in->numa.node_bytes;
		res->dram_share_of_total = (double)res->totals.dram_bytes /
					   (double)in->numa.memtotal_bytes;
	}
	global_warnings(res);
	for (i = 0; i < res->ndev; i++)
		device_warnings(res, &res->dev[i]);
	return vp_check(res, err);
}
