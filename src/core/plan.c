// SPDX-License-Identifier: GPL-2.0-only
#include "plan.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "altmap.h"
#include "check.h"
#include "units.h"


static void warn(struct vp_result *r, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void warn(struct vp_result *r, const char *code, const char *fmt, ...)
{
	va_list ap;
	struct vp_warning *w;

	if (r->nwarn == VP_MAX_WARNINGS)
		return;
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
	if (vp_region_align(in->region_align, in->ways) == 0)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "region alignment x ways overflows 64 bits");
	if (in->align && !vp_arch_align_supported(p, in->align)) {
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
 * x86-64 is replayed (vmemmap_x86.c); on ppc64 the path is refused.
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
	if (in->arch != VP_ARCH_X86_64)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "devdax map=mem with align %s on ppc64 kernel %s takes the compound-page vmemmap path (vmemmap_can_optimize), which is modelled on x86_64 only; use map=dev, --align %s, or a kernel where it does not apply (before 5.19; 6.1.184 and later 6.1.y; hash before 6.6)",
			       vp_format_iec(lay->align, a, sizeof(a)),
			       in->kernel.name,
			       vp_format_iec(p->page_size, b, sizeof(b)));
	/*
	 * mm/sparse-vmemmap.c:reuse_compound_section @6.1 counts compound
	 * pages from the range start and, past the first section of one,
	 * reuses "the previous section's" tail page.  When the range start
	 * is not a multiple of the compound size, a later compound page
	 * starts inside a section that only reuses: its head struct page
	 * would alias a tail page.  The model keeps compound pages on
	 * absolute multiples of their size and refuses that layout.
	 */
	if (h->start_pfn % n)
		return vp_fail(err, VP_UNSUPPORTED, 0,
			       "mm/sparse-vmemmap.c:reuse_compound_section",
			       "devdax map=mem with align %s needs a start aligned to %s for the compound-page vmemmap to be modelled (the kernel counts compound pages from the namespace start, and reuses whole sections' tail pages)",
			       vp_format_iec(lay->align, a, sizeof(a)), a);
	*out = n;
	return VP_OK;
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

static void add_warnings(struct vp_result *r, const struct vp_device_result *d)
{
	const struct vp_input *in = &r->in;
	const struct vp_populate_stats *s = &d->populate;
	char b1[VP_IEC_BUFSZ], b2[VP_IEC_BUFSZ];
	uint64_t cover = (r->geom.path == VP_PATH_RADIX ? r->geom.pmd_pfns :
				r->geom.pfns_per_block) << r->arch.page_shift;

	if (in->kernel.caveat[0])
		warn(r, "kernel_caveat", "%s", in->kernel.caveat);
	if (in->kernel.ver.suffix[0])
		warn(r, "distro_kernel",
		     "kernel %s has a distribution suffix: modelled as upstream %u.%u.%u; distribution backports are not known (--kernel-has/--kernel-lacks set them)",
		     in->kernel.name, in->kernel.ver.major, in->kernel.ver.minor,
		     in->kernel.ver.patch);
	if (in->size % vp_region_align(in->region_align, in->ways))
		warn(r, "region_align",
		     "size %s is not a multiple of the %s region alignment namespaces are carved in (region_devs.c:default_align)",
		     vp_format_iec(in->size, b1, sizeof(b1)),
		     vp_format_iec(vp_region_align(in->region_align, in->ways),
				   b2, sizeof(b2)));
	if (s->cross_blocks)
		warn(r, "edge_blocks_dram",
		     "%llu vmemmap %s at the device's edges also describe pfns outside it and come from DRAM (altmap_cross_boundary); a start and end aligned to %s avoid this",
		     (unsigned long long)s->cross_blocks,
		     r->geom.path == VP_PATH_RADIX ? "page(s)" : "block(s)",
		     vp_format_iec(cover, b2, sizeof(b2)));
	if (s->fallback_blocks)
		warn(r, "altmap_exhausted",
		     "the altmap ran out: %llu vmemmap %s fell back to DRAM",
		     (unsigned long long)s->fallback_blocks,
		     r->geom.path == VP_PATH_RADIX ? "page(s)" : "block(s)");
	if (d->hotadd.has_altmap && r->arch.reserve_struct_page_size >
					    r->arch.struct_page_size)
		warn(r, "reserve_oversized",
		     "kernel %s reserves %u bytes per pfn (MAX_STRUCT_PAGE_SIZE) for %u-byte struct pages: about half the reserve stays unused",
		     in->kernel.name, r->arch.reserve_struct_page_size,
		     r->arch.struct_page_size);
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
	if (d->hotadd.has_altmap && in->kernel.b.cross_boundary_off_by_one)
		warn(r, "cross_boundary_off_by_one",
		     "kernel %s has the altmap_cross_boundary off-by-one (fixed by c8eebc4a99f1 in 6.1.39): a block-aligned device's last block goes to DRAM",
		     in->kernel.name);
}

enum vp_status vp_plan(const struct vp_input *request, struct vp_result *res,
		       struct vp_error *err)
{
	const struct vp_input *in = &res->in;
	struct vp_device_result *d = &res->dev[0];
	struct vp_mem_state state, *st = &state;
	struct vp_free_stats fs;
	enum vp_status s;

	memset(res, 0, sizeof(*res));
	memset(err, 0, sizeof(*err));
	memset(st, 0, sizeof(*st));
	res->in = *request;
	vp_input_resolve(&res->in);
	if ((s = vp_arch_params(in, &res->arch, err)) ||
	    (s = check_input(in, &res->arch, err)))
		return s;
	vp_vmemmap_geom(&res->arch, &res->geom);
	res->ndev = 1;
	d->start = in->start;
	d->size = in->size;
	d->start_given = in->start_given;
	if ((s = vp_vmemmap_boot(&res->geom, st,
				 in->plat.boot_ram_bytes >> res->arch.page_shift,
				 err)) ||
	    (s = vp_nd_pfn_init(in, &res->arch, &d->layout, err)) ||
	    (s = vp_nvdimm_setup_pfn(in, &res->arch, &d->layout, &d->hotadd,
				     err)) ||
	    (s = compound_pfns(in, &res->arch, &d->layout, &d->hotadd,
			       &d->hotadd.compound_pfns, err)) ||
	    (s = vp_vmemmap_populate(&res->geom, &in->kernel.b, in->engine, st,
				     0, &d->hotadd, &d->populate, err)))
		return s;
	derive(&res->arch, d);
	{
		/* Hot-remove on a copy of the altmap: the result shows the
		 * altmap as populate left it, and the removal separately. */
		struct vp_hotadd h = d->hotadd;

		if ((s = vp_vmemmap_free(&res->geom, &in->kernel.b, in->engine,
					 st, &h, &fs, err)))
			return s;
		d->after_free.alloc = h.altmap.alloc;
		d->after_free.align = h.altmap.align;
		d->after_free.altmap_freed_pfns = fs.altmap_pfns;
		d->after_free.dram_freed_bytes = fs.dram_bytes;
		d->after_free.kept_blocks = fs.kept_blocks;
	}
	res->totals.memmap_bytes = d->memmap_bytes;
	res->totals.moved_to_device_bytes = d->altmap_bytes;
	res->totals.dram_bytes = d->dram_bytes;
	res->totals.reserved_pfns = d->reserved_pfns;
	res->totals.alignment_waste_bytes =
		d->align_waste_bytes + d->unused_altmap_bytes +
		d->dataoff_pad_bytes + d->layout.end_trunc +
		d->layout.start_pad;
	res->totals.usable_bytes = d->layout.usable_bytes;
	if (in->numa.known) {
		res->dram_share_of_node = (double)res->totals.dram_bytes /
					  (double)in->numa.node_bytes;
		res->dram_share_of_total = (double)res->totals.dram_bytes /
					   (double)in->numa.memtotal_bytes;
	}
	add_warnings(res, d);
	return vp_check(res, err);
}
