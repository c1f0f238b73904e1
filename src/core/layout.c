// SPDX-License-Identifier: GPL-2.0-only
/*
 * Line numbers refer to Debian's linux-source-6.1 6.1.192-2 ("@6.1").
 */
#include "layout.h"

#include <errno.h>
#include <string.h>

#define SZ_8K (8ULL << 10)
#define PFN_DEV_WHERE "drivers/nvdimm/pfn_devs.c:nd_pfn_init"

/* ALIGN(x, a) for a power of two a; false on overflow. */
static bool align_up(uint64_t x, uint64_t a, uint64_t *out)
{
	uint64_t t;

	if (__builtin_add_overflow(x, a - 1, &t))
		return false;
	*out = t & ~(a - 1);
	return true;
}

/* The info block area nd_pfn_init and __nvdimm_setup_pfn count: SZ_8K
 * before "libnvdimm/pfn: Account for PAGE_SIZE > info-block-size in
 * nd_pfn_init()" (5.1; pfn_devs.c @5.0.1 vs @5.1.0), ALIGN(SZ_8K,
 * PAGE_SIZE) after (nd.h:nd_info_block_reserve @6.1 line 481). */
static uint64_t info_block_bytes(const struct vp_input *in,
				 const struct vp_arch_params *p)
{
	return in->kernel.b.info_block_8k ?
		       SZ_8K :
		       (SZ_8K + p->page_size - 1) & ~(p->page_size - 1);
}

/* Whether [start, start + size) meets boot RAM: kernel/resource.c:
 * region_intersects @4.13 counts System RAM and the other top-level
 * resources the range meets; with the namespace's own resource in the
 * range too (the callers make sure), any System RAM makes it
 * REGION_MIXED. */
static bool meets_ram(const struct vp_input *in, uint64_t start,
		      uint64_t size)
{
	unsigned i;

	for (i = 0; i < in->plat.nram; i++) {
		const struct vp_ram *r = &in->plat.ram[i];

		if (r->size && start < r->start + r->size &&
		    r->start < start + size)
			return true;
	}
	return false;
}

/*
 * drivers/nvdimm/pfn_devs.c:nd_pfn_init before 5.3, new info block
 * (read in 4.13.4, 4.14.5, 4.15, 4.20 and 5.1.0 trees; docs/kernel-
 * changes.md "v4.13" and the rows), SEC = SECTION_SIZE, end = S + Z:
 *   start_pad = ALIGN(S, SEC) - S  if region_intersects(ALIGN_DOWN(S, SEC),
 *               Z, System RAM) == REGION_MIXED (4.20, trim_pfn_device: the
 *               range runs to S + Z)
 *   end_trunc = end - ALIGN_DOWN(end, SEC)  if region_intersects(S,
 *               ALIGN(end, SEC) - S) == REGION_MIXED; from 4.15 also when
 *               end is not a multiple of align, and then down to
 *               min(ALIGN_DOWN(end, SEC), ALIGN_DOWN(end, align))
 *               (phys_pmem_align_down)
 *   R         = SZ_8K (ALIGN(SZ_8K, PAGE_SIZE) from 5.1)
 *   npfns     = PFN_SECTION_ALIGN_UP((Z - start_pad - end_trunc - R) / PAGE_SIZE)
 *   L         = 128 KiB for devdax (dax_label_reserve, gone in 5.1)
 *   PMEM: offset = ALIGN(start + R + 64 * npfns + L,
 *                        max(align, HPAGE_SIZE; PMD_SIZE from 4.14)) - start
 *   RAM:  offset = ALIGN(start + R + L, align) - start
 *   offset + start_pad + end_trunc >= Z  -> -ENXIO
 *   sb.npfns  = (Z - offset - start_pad - end_trunc) / SZ_4K
 * with start = S + start_pad.  The region-conflict half of 4.20's
 * trim_pfn_device needs another region within the namespace's sections:
 * vmemplan plans one namespace, whose region has no such neighbour.
 */
static enum vp_status nd_pfn_init_sections(const struct vp_input *in,
					   const struct vp_arch_params *p,
					   struct vp_layout *out,
					   struct vp_error *err)
{
	const struct vp_kbehaviour *b = &in->kernel.b;
	uint64_t S = in->start, Z = in->size, SEC = 1ULL << p->section_shift;
	uint64_t end, start, sec_pfns = SEC >> p->page_shift, label, t;
	uint64_t R = info_block_bytes(in, p);
	uint64_t sdown, rlen;

	if (__builtin_add_overflow(S, Z, &end) || end > UINT64_MAX - SEC)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "start + size overflows 64 bits");
	sdown = S & ~(SEC - 1);
	rlen = b->start_pad_to_end ? end - sdown : Z;
	/* REGION_MIXED needs RAM and another top-level resource in the
	 * range: the namespace's own (devm_nsio_enable requests it before
	 * nd_pfn_init).  Before 4.20 a namespace smaller than its offset in
	 * the section is out of [sdown, sdown + Z): RAM alone there is
	 * REGION_INTERSECTS, and no pad (devm_memremap_pages then refuses
	 * the mixed hot-add range). */
	if (meets_ram(in, sdown, rlen) && sdown + rlen > S)
		out->start_pad = ((S + SEC - 1) & ~(SEC - 1)) - S;
	if (meets_ram(in, S, ((end + SEC - 1) & ~(SEC - 1)) - S) ||
	    (b->end_trunc_misaligned && end % out->align)) {
		uint64_t down = end & ~(SEC - 1);

		if (b->end_trunc_misaligned && (end & ~(out->align - 1)) < down)
			down = end & ~(out->align - 1);
		out->end_trunc = end - down;
	}
	if (out->start_pad + out->end_trunc + R >= Z)
		/* The kernel's size - start_pad - end_trunc - R wraps: npfns
		 * is then about 2^64 / PAGE_SIZE (rounded to a section), the
		 * offset some 2^54 bytes or more, and the -ENXIO test below
		 * fails it. */
		return vp_fail(err, VP_REFUSED, ENXIO, PFN_DEV_WHERE,
			       "unable to satisfy requested alignment: the namespace [%#llx, %#llx) keeps nothing once padded (start_pad %llu, end_trunc %llu, info block %llu): npfns wraps and the data offset passes the size",
			       (unsigned long long)S, (unsigned long long)end,
			       (unsigned long long)out->start_pad,
			       (unsigned long long)out->end_trunc,
			       (unsigned long long)R);
	start = S + out->start_pad;
	t = (Z - out->start_pad - out->end_trunc - R) >> p->page_shift;
	out->reserve_npfns = (t + sec_pfns - 1) / sec_pfns * sec_pfns;
	label = b->dax_label_reserve && in->mode == VP_MODE_DEVDAX ?
			128ULL << 10 : 0;
	out->data_align = in->map == VP_MAP_DEV && p->data_floor > out->align ?
				  p->data_floor : out->align;
	out->page_map_bytes = in->map == VP_MAP_DEV ? 64 * out->reserve_npfns : 0;
	if (!align_up(start + R + out->page_map_bytes + label,
		      out->data_align, &t))
		return vp_fail(err, VP_BADINPUT, 0, PFN_DEV_WHERE,
			       "the data offset overflows 64 bits");
	out->dataoff = t - start;
	if (out->dataoff + out->start_pad + out->end_trunc >= Z)
		return vp_fail(err, VP_REFUSED, ENXIO, PFN_DEV_WHERE,
			       "unable to satisfy requested alignment: data offset %llu (info block%s%s, aligned to %llu) + start_pad %llu + end_trunc %llu is not below the namespace size %llu",
			       (unsigned long long)out->dataoff,
			       in->map == VP_MAP_DEV ? " + memmap reserve" : "",
			       label ? " + 128 KiB devdax label reserve" : "",
			       (unsigned long long)out->data_align,
			       (unsigned long long)out->start_pad,
			       (unsigned long long)out->end_trunc,
			       (unsigned long long)Z);
	/* sb.npfns counts 4 KiB units before 5.3 whatever PAGE_SIZE
	 * ("/ SZ_4K" in every pre-5.3 tree read). */
	out->npfns = (Z - out->dataoff - out->start_pad - out->end_trunc) >> 12;
	out->usable_bytes = Z - out->start_pad - out->end_trunc - out->dataoff;
	return VP_OK;
}

/*
 * drivers/nvdimm/pfn_devs.c:nd_pfn_init @6.1 (lines 722-841), new info
 * block (no valid one on the media):
 *   npfns     = PHYS_PFN(size - SZ_8K)
 *   align     = max(nd_pfn->align, memremap_compat_align())
 *   start not aligned to memremap_compat_align()  -> -EINVAL
 *   end_trunc = start + size - ALIGN_DOWN(start + size, align)
 *   PMEM:  offset = ALIGN(start + SZ_8K + MAX_STRUCT_PAGE_SIZE*npfns, align) - start
 *   RAM:   offset = ALIGN(start + SZ_8K, align) - start
 *   offset >= size  -> -ENXIO "unable to satisfy requested alignment"
 *   sb.npfns  = PHYS_PFN(size - offset - end_trunc)
 * The namespace itself must be at least ND_MIN_NAMESPACE_SIZE = PAGE_SIZE
 * (include/linux/ndctl.h line 19; namespace_devs.c:
 * nvdimm_namespace_common_probe line 1477, -ENODEV).
 */
enum vp_status vp_nd_pfn_init(const struct vp_input *in,
			      const struct vp_arch_params *p,
			      struct vp_layout *out, struct vp_error *err)
{
	uint64_t S = in->start, Z = in->size, end, t;

	memset(out, 0, sizeof(*out));
	out->align = in->align ? in->align : p->default_align;
	if (Z < p->page_size)
		return vp_fail(err, VP_REFUSED, ENODEV,
			       "drivers/nvdimm/namespace_devs.c:nvdimm_namespace_common_probe",
			       "namespace size %llu is below ND_MIN_NAMESPACE_SIZE (PAGE_SIZE, %llu): too small",
			       (unsigned long long)Z, (unsigned long long)p->page_size);
	if (in->kernel.b.section_layout && Z > SZ_8K)
		return nd_pfn_init_sections(in, p, out, err);
	if (Z <= SZ_8K)
		/* size - SZ_8K would wrap in the kernel's arithmetic. */
		return vp_fail(err, VP_UNSUPPORTED, 0, PFN_DEV_WHERE,
			       "a namespace of %llu bytes leaves no room after the 8 KiB info-block area; nd_pfn_init's npfns would underflow",
			       (unsigned long long)Z);
	out->data_align = out->align > p->compat_align ? out->align :
							 p->compat_align;
	/* 6acd7d5ef264 (5.7); before, only __add_pages's sub-section check
	 * (vp_nvdimm_setup_pfn) stands. */
	if (in->kernel.b.compat_align_enforced && (S & (p->compat_align - 1)))
		return vp_fail(err, VP_REFUSED, EINVAL, PFN_DEV_WHERE,
			       "start %#llx misaligned to %#llx (memremap_compat_align)",
			       (unsigned long long)S,
			       (unsigned long long)p->compat_align);
	if (__builtin_add_overflow(S, Z, &end))
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "start + size overflows 64 bits");
	out->reserve_npfns = (Z - SZ_8K) >> p->page_shift;
	out->end_trunc = end - (end & ~(out->data_align - 1));
	/* pfn_devs.c:nd_pfn_init @6.1 (lines 798-804), from c91d71363084:
	 * without CONFIG_NVDIMM_KMSAN (page_struct_override) a struct page
	 * above MAX_STRUCT_PAGE_SIZE cannot live in the reserve. */
	if (in->map == VP_MAP_DEV && in->kernel.b.struct_page_check == VP_SPS_RUNTIME &&
	    p->struct_page_size > p->reserve_struct_page_size)
		return vp_fail(err, VP_REFUSED, EINVAL, PFN_DEV_WHERE,
			       "Memory debug options prevent using pmem for the page map: sizeof(struct page) %u > MAX_STRUCT_PAGE_SIZE %u (map=mem works)",
			       p->struct_page_size, p->reserve_struct_page_size);
	if (in->map == VP_MAP_DEV) {
		if (__builtin_mul_overflow(out->reserve_npfns,
					   (uint64_t)p->reserve_struct_page_size,
					   &out->page_map_bytes) ||
		    __builtin_add_overflow(S + SZ_8K, out->page_map_bytes, &t) ||
		    !align_up(t, out->data_align, &t))
			return vp_fail(err, VP_BADINPUT, 0, PFN_DEV_WHERE,
				       "the memmap reserve overflows 64 bits");
	} else if (!align_up(S + SZ_8K, out->data_align, &t)) {
		return vp_fail(err, VP_BADINPUT, 0, PFN_DEV_WHERE,
			       "the data offset overflows 64 bits");
	}
	out->dataoff = t - S;
	/* A namespace that holds no multiple of the data alignment has an
	 * end_trunc larger than itself.  Before 6.6 the data offset then
	 * exceeds the size (-ENXIO below); from e96d9a938e89 the kernel's
	 * "size - end_trunc" wraps around, the test passes and sb.npfns wraps
	 * too: what happens next is not modelled. */
	if (out->end_trunc > Z && in->kernel.b.enxio_excludes_end_trunc)
		return vp_fail(err, VP_UNSUPPORTED, 0, PFN_DEV_WHERE,
			       "the namespace [%#llx, %#llx) holds no multiple of its %llu-byte data alignment: end_trunc exceeds the size, nd_pfn_init's size - end_trunc wraps around (6.6 and later) and the kernel's next steps are not modelled; ndctl refuses a size that is not a multiple of --align",
			       (unsigned long long)S, (unsigned long long)end,
			       (unsigned long long)out->data_align);
	/* e96d9a938e89 (6.6, "Prevent the creation of zero-sized
	 * namespaces", pfn_devs.c line 818 @6.12): dataoff >= size - end_trunc. */
	if (out->dataoff >= (in->kernel.b.enxio_excludes_end_trunc ?
				     Z - out->end_trunc : Z))
		return vp_fail(err, VP_REFUSED, ENXIO, PFN_DEV_WHERE,
			       "unable to satisfy requested alignment: data offset %llu (info block%s, aligned to %llu) is not below the namespace size %llu%s",
			       (unsigned long long)out->dataoff,
			       in->map == VP_MAP_DEV ? " + memmap reserve" : "",
			       (unsigned long long)out->data_align,
			       (unsigned long long)Z,
			       in->kernel.b.enxio_excludes_end_trunc ?
				       " less end_trunc" : "");
	/* S + dataoff and S + Z - end_trunc are both data_align multiples:
	 * before 6.6, S + dataoff < S + Z puts the first at or below the
	 * second (a zero-sized device is possible, which e96d9a938e89 then
	 * refused); from 6.6 the test above says so directly. */
	out->npfns = (Z - out->dataoff - out->end_trunc) >> p->page_shift;
	out->usable_bytes = Z - out->start_pad - out->end_trunc - out->dataoff;
	return VP_OK;
}

/*
 * drivers/nvdimm/pfn_devs.c:__nvdimm_setup_pfn @6.1 (lines 677-720), with
 * init_altmap_base (661), init_altmap_reserve (668) and
 * drivers/nvdimm/nd.h:nd_info_block_reserve (481):
 *   range    = [res.start + start_pad, res.end - end_trunc]
 *   base_pfn = SUBSECTION_ALIGN_DOWN(PHYS_PFN(base))
 *   reserve  = PHYS_PFN(ALIGN(SZ_8K, PAGE_SIZE)) + PHYS_PFN(base) - base_pfn
 *   end_pfn  = PHYS_PFN(range.end)
 *   free     = PHYS_PFN(dataoff - ALIGN(SZ_8K, PAGE_SIZE)), alloc = 0
 *   RAM mode: -EINVAL if dataoff < ALIGN(SZ_8K, PAGE_SIZE); no altmap.
 * mm/memremap.c:pagemap_range @6.1 refuses a range that intersects boot
 * RAM (line 195, -ENXIO) and one beyond
 * PHYSMEM_END = 2^MAX_PHYSMEM_BITS - 1 (mhp_range_allowed, -EINVAL), and
 * mm/memory_hotplug.c:__add_pages @6.1 (lines 315-330) checks
 * base_pfn == first pfn, vmem_altmap_offset <= nr_pages and
 * check_pfn_span (sub-section aligned start and length).
 */
enum vp_status vp_nvdimm_setup_pfn(const struct vp_input *in,
				   const struct vp_arch_params *p,
				   const struct vp_layout *lay,
				   struct vp_hotadd *out, struct vp_error *err)
{
	uint64_t base = in->start + lay->start_pad;
	uint64_t last = in->start + in->size - 1 - lay->end_trunc;
	uint64_t sub_pfns = 1ULL << (p->subsection_shift - p->page_shift);
	uint64_t base_pfn = base >> p->page_shift, nr;
	uint64_t limit = (1ULL << p->max_physmem_bits) - 1;
	uint64_t ib = info_block_bytes(in, p), lo = base, hi = last;
	unsigned i;

	memset(out, 0, sizeof(*out));
	out->start_pfn = base_pfn;
	out->end_pfn = (last >> p->page_shift) + 1;
	if (in->kernel.b.section_layout) {
		/*
		 * kernel/memremap.c:devm_memremap_pages before 5.3 (@4.13.4
		 * lines 291-293) hot-adds align_start = res.start &
		 * ~(SECTION_SIZE - 1) and align_size = ALIGN(res.end + 1,
		 * SECTION_SIZE) - align_start, and refuses (-ENXIO) when
		 * region_intersects() of that range with System RAM is
		 * REGION_MIXED.  Until 4.16 its release (@4.13.4 lines
		 * 239-243) removes ALIGN(resource_size(res), SECTION_SIZE)
		 * from align_start: one section less when the resource is not
		 * section-aligned and its size's remainder pushes it over a
		 * boundary.  (The altmap's free is PHYS_PFN(offset - SZ_8K)
		 * until 5.1, pfn_devs.c:__nvdimm_setup_pfn @4.13.4: ib.)
		 */
		uint64_t SEC = 1ULL << p->section_shift;
		uint64_t astart = base & ~(SEC - 1);
		uint64_t aend = (last + SEC) & ~(SEC - 1);
		uint64_t rsize = (last - base + SEC) & ~(SEC - 1);

		lo = astart;
		hi = aend - 1;
		out->start_pfn = astart >> p->page_shift;
		out->end_pfn = aend >> p->page_shift;
		if (in->kernel.b.release_short && astart + rsize < aend)
			out->remove_end_pfn = (astart + rsize) >> p->page_shift;
	}
	/* mm/memremap.c:pagemap_range @6.1 (lines 195-203): a range that
	 * intersects System RAM is refused before anything is mapped. */
	for (i = 0; i < in->plat.nram; i++) {
		const struct vp_ram *ram = &in->plat.ram[i];
		uint64_t rlast = ram->start + ram->size - 1;

		if (ram->size && lo <= rlast && hi >= ram->start)
			return vp_fail(err, VP_REFUSED, ENXIO,
				       in->kernel.b.section_layout ?
					       "kernel/memremap.c:devm_memremap_pages" :
					       "mm/memremap.c:pagemap_range",
				       "attempted on %s region %#llx-%#llx (boot RAM [%#llx, %#llx))",
				       lo >= ram->start && hi <= rlast ?
					       "ram" : "mixed",
				       (unsigned long long)lo,
				       (unsigned long long)hi,
				       (unsigned long long)ram->start,
				       (unsigned long long)rlast + 1);
	}
	/* mhp_range_allowed's check (5.10 on, with the MAX_PHYSMEM split);
	 * before, nothing checks, and sections past MAX_PHYSMEM_BITS index
	 * beyond mem_section[]: still a range vmemplan does not plan. */
	if (last > limit)
		return vp_fail(err, VP_BADINPUT, EINVAL,
			       in->arch == VP_ARCH_X86_64 ||
					       in->kernel.b.physmem == VP_PHYSMEM_51 ?
				       "mm/memremap.c:pagemap_range" :
				       "MAX_PHYSMEM_BITS (no check before 5.10: sections past it overrun mem_section[])",
			       "hotplug memory [%#llx-%#llx] exceeds maximum addressable range [0-%#llx] (MAX_PHYSMEM_BITS %u)",
			       (unsigned long long)base,
			       (unsigned long long)last + 1,
			       (unsigned long long)limit, p->max_physmem_bits);
	if (in->map == VP_MAP_MEM) {
		if (lay->dataoff < ib)
			return vp_fail(err, VP_REFUSED, EINVAL,
				       "drivers/nvdimm/pfn_devs.c:__nvdimm_setup_pfn",
				       "data offset %llu is below the info block reserve %llu",
				       (unsigned long long)lay->dataoff,
				       (unsigned long long)ib);
	} else {
		struct vp_altmap *a = &out->altmap;

		out->has_altmap = true;
		a->base_pfn = base_pfn & ~(sub_pfns - 1);
		a->reserve = (p->info_block_reserve >> p->page_shift) +
			     (base_pfn - a->base_pfn);
		a->end_pfn = last >> p->page_shift;
		a->free = (lay->dataoff - ib) >> p->page_shift;
		a->res_start_pfn = base_pfn;
	}
	nr = out->end_pfn - out->start_pfn;
	if (out->has_altmap &&
	    (out->altmap.base_pfn != out->start_pfn ||
	     out->altmap.reserve + out->altmap.free > nr))
		return vp_fail(err, VP_REFUSED, EINVAL,
			       "mm/memory_hotplug.c:__add_pages",
			       "memory add fail, invalid altmap (base_pfn %llu, first pfn %llu, reserve + free %llu, pages %llu)",
			       (unsigned long long)out->altmap.base_pfn,
			       (unsigned long long)out->start_pfn,
			       (unsigned long long)(out->altmap.reserve + out->altmap.free),
			       (unsigned long long)nr);
	/* mm/memory_hotplug.c:check_pfn_span @6.1 (line 232). */
	if ((out->start_pfn | nr) & (sub_pfns - 1))
		return vp_fail(err, VP_REFUSED, EINVAL,
			       "mm/memory_hotplug.c:check_pfn_span",
			       "misaligned __add_pages start %#llx or length %llu (sub-section is %llu pfns)",
			       (unsigned long long)out->start_pfn,
			       (unsigned long long)nr,
			       (unsigned long long)sub_pfns);
	return VP_OK;
}
