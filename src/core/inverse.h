/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The inverse question: the smallest namespace size whose usable capacity
 * is at least a target, among the sizes a region hands out (multiples of
 * its alignment).
 */
#ifndef VP_INVERSE_H
#define VP_INVERSE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "input.h"

struct vp_result;
struct vp_input;

struct vp_inverse {
	uint64_t requested_usable;
	uint64_t region_align;	/* the granule sizes are multiples of */
	uint64_t size;		/* the answer */
	uint64_t usable;	/* its usable capacity (>= requested) */
	/* The proof of minimality: size - region_align, and what it gives
	 * (0 when the kernel refuses it, or when there is no smaller size). */
	uint64_t smaller_size;
	uint64_t smaller_usable;
	bool smaller_refused;
	unsigned probes;	/* plans computed by the search */
};

/*
 * drivers/nvdimm/region_devs.c:default_align @6.1 (line 913): 16 MiB
 * (MEMREMAP_COMPAT_ALIGN_MAX), multiplied by the interleave ways when they
 * do not divide it.
 */
uint64_t vp_region_align(uint64_t base_align, unsigned ways);
/* The granule of in's region: --region-align x ways when given; else, from
 * 2522afb86a8c (5.7), vp_region_align(0, ways); before it PAGE_SIZE x ways
 * (namespace_devs.c:__size_store).  0 on overflow. */
uint64_t vp_region_granule(const struct vp_input *in);

/*
 * Finds the answer for in (in->size is ignored) and leaves in res the full
 * plan for it.  VP_REFUSED with err when no size up to the physical address
 * limit reaches the target, or when the kernel refuses every size (a
 * misaligned start).
 */
enum vp_status vp_inverse(const struct vp_input *in, uint64_t target,
			  uint64_t region_align, struct vp_inverse *out,
			  struct vp_result *res, struct vp_error *err);

/* What a vp_input asks: vp_inverse when in->usable is set (the answer then
 * lands in res->inverse), else vp_plan. */
enum vp_status vp_answer(const struct vp_input *in, struct vp_result *res,
			 struct vp_error *err);

#endif
