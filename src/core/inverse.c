// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why a binary search is exact.  Over sizes Z that are multiples of the
 * region alignment R (itself a multiple of the data alignment A on ppc64:
 * A is 2 or 16 MiB, R a multiple of 16 MiB), end_trunc = (S + Z) mod A does
 * not change, and one step Z -> Z + R grows the memmap reserve by
 * 64 * R / PAGE_SIZE <= R / 64 bytes, so dataoff grows by at most A <= R
 * (drivers/nvdimm/pfn_devs.c:nd_pfn_init).  usable = Z - dataoff -
 * end_trunc therefore never decreases, and the sizes the kernel refuses
 * with -ENXIO ("unable to satisfy requested alignment": dataoff >= Z) form
 * a prefix.  So usable(k * R) is monotone in k, and the smallest k with
 * usable >= target is found by bisection; planning (k - 1) * R proves it.
 */
#include "inverse.h"

#include <errno.h>
#include <string.h>

#include "plan.h"
#include "units.h"

#define SZ_16M (16ULL << 20)

uint64_t vp_region_align(uint64_t base_align, unsigned ways)
{
	uint64_t a = base_align ? base_align : SZ_16M;

	/* 0 (refused by the callers) rather than a wrapped product. */
	if (ways > 1 && a % ways && __builtin_mul_overflow(a, ways, &a))
		return 0;
	return a;
}

/* 1: planned and usable >= target; 0: below target or refused by the
 * kernel's size checks; -1: another error (left in err). */
static int probe(const struct vp_input *base, uint64_t size, uint64_t target,
		 struct vp_result *res, struct vp_error *err, unsigned *n)
{
	struct vp_input in = *base;
	enum vp_status s;

	in.size = size;
	(*n)++;
	s = vp_plan(&in, res, err);
	if (s == VP_OK)
		return res->totals.usable_bytes >= target;
	if (s == VP_REFUSED && err->kerrno == ENXIO &&
	    strstr(err->where, "nd_pfn_init"))
		return 0;
	return -1;
}

enum vp_status vp_inverse(const struct vp_input *in, uint64_t target,
			  uint64_t region_align, struct vp_inverse *out,
			  struct vp_result *res, struct vp_error *err)
{
	uint64_t limit = 1ULL << 51, lo, hi, k;
	uint64_t start = in->start_given ? in->start : vp_default_start(&in->plat);
	char b1[VP_IEC_BUFSZ], b2[VP_IEC_BUFSZ];
	int r;

	memset(out, 0, sizeof(*out));
	out->requested_usable = target;
	out->region_align = region_align;
	if (target == 0 || region_align == 0)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "the usable target and the region alignment must be greater than 0");
	if (start >= limit)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "start %#llx is beyond the physical address limit",
			       (unsigned long long)start);
	/* k in (lo, hi]: usable(lo * R) < target <= usable(hi * R). */
	lo = 0;
	hi = (limit - start) / region_align;
	if (hi == 0)
		return vp_fail(err, VP_REFUSED, 0, NULL,
			       "no namespace fits between the start and the physical address limit");
	r = probe(in, hi * region_align, target, res, err, &out->probes);
	if (r < 0)
		return err->status;
	if (r == 0)
		return vp_fail(err, VP_REFUSED, 0, NULL,
			       "no size reaches %s usable: the largest namespace that fits below the physical address limit (%s) gives less",
			       vp_format_iec(target, b1, sizeof(b1)),
			       vp_format_iec(hi * region_align, b2, sizeof(b2)));
	while (hi - lo > 1) {
		k = lo + (hi - lo) / 2;
		r = probe(in, k * region_align, target, res, err, &out->probes);
		if (r < 0)
			return err->status;
		if (r)
			hi = k;
		else
			lo = k;
	}
	/* The proof: the next smaller size falls short (or is refused). */
	if (hi > 1) {
		out->smaller_size = (hi - 1) * region_align;
		r = probe(in, out->smaller_size, target, res, err,
			  &out->probes);
		if (r != 0)
			return r < 0 ? err->status :
				       vp_fail(err, VP_INTERNAL, 0, NULL,
					       "inverse search is not minimal");
		if (err->status == VP_REFUSED)
			out->smaller_refused = true;
		else
			out->smaller_usable = res->totals.usable_bytes;
	}
	out->size = hi * region_align;
	if (probe(in, out->size, target, res, err, &out->probes) != 1)
		return vp_fail(err, VP_INTERNAL, 0, NULL,
			       "inverse answer does not reach the target");
	out->usable = res->totals.usable_bytes;
	memset(err, 0, sizeof(*err));
	return VP_OK;
}

enum vp_status vp_answer(const struct vp_input *in, struct vp_result *res,
			 struct vp_error *err)
{
	struct vp_inverse inv;
	enum vp_status s;

	if (!in->usable)
		return vp_plan(in, res, err);
	s = vp_inverse(in, in->usable,
		       vp_region_align(in->region_align, in->ways), &inv, res,
		       err);
	if (s == VP_OK) {
		res->has_inverse = true;
		res->inverse = inv;
	}
	return s;
}
