// SPDX-License-Identifier: GPL-2.0-only
/*
 * Why a binary search is exact.  Write A for the data alignment (max of
 * --align and memremap_compat_align()), R for the region alignment, S for
 * the start.  The data start S + dataoff and the data end
 * ALIGN_DOWN(S + Z, A) are multiples of A (drivers/nvdimm/pfn_devs.c:
 * nd_pfn_init), so usable(Z) = A * (e(Z) - b(Z)) with e(Z) = (S + Z) / A
 * and b(Z) = (S + dataoff) / A, both non-decreasing in Z; the memmap
 * reserve grows by 64 bytes per page, so b grows by at most 1 while Z
 * grows by A.
 *  - R a multiple of A (every ppc64 case, x86 at 2M): one step Z -> Z + R
 *    moves e by exactly R/A and b by at most R/A, so usable(k R) never
 *    decreases in k, and the sizes refused with -ENXIO ("unable to satisfy
 *    requested alignment": dataoff >= Z) form a prefix.  Bisect over k.
 *  - A a multiple of R (--align 1G with 16 MiB regions): usable can drop
 *    by A when b steps before e.  Group the sizes by their data end E:
 *    within a group b only grows, so the group's smallest size
 *    Z(E) = ALIGN(E A - S, R) is its best; and Z(E + 1) = Z(E) + A moves
 *    E - b by at least 0.  So "Z(E) gives the target" is monotone in E.
 *    Bisect over E; every smaller size lies in a group that falls short.
 * Either way, planning the next smaller multiple of R proves minimality.
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

uint64_t vp_region_granule(const struct vp_input *in)
{
	unsigned shift = in->page_shift ? in->page_shift :
			 in->arch == VP_ARCH_X86_64 ? 12 : 16;

	if (!in->region_align && !in->kernel.b.region_align_16m)
		return (1ULL << shift) * (in->ways ? in->ways : 1);
	return vp_region_align(in->region_align, in->ways);
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

/* The sizes searched: k R, or (by data end) Z(k) = ALIGN(k A - S, R). */
struct grid {
	uint64_t R, A, S;
	bool by_end;
};

static uint64_t grid_size(const struct grid *g, uint64_t k)
{
	if (!g->by_end)
		return k * g->R;
	return vp_div_up(k * g->A - g->S, g->R) * g->R;
}

enum vp_status vp_inverse(const struct vp_input *in, uint64_t target,
			  uint64_t region_align, struct vp_inverse *out,
			  struct vp_result *res, struct vp_error *err)
{
	struct vp_input rin = *in;
	struct vp_arch_params p;
	struct grid g = { .R = region_align };
	uint64_t limit, lo, hi, k;
	char b1[VP_IEC_BUFSZ], b2[VP_IEC_BUFSZ];
	enum vp_status s;
	int r;

	memset(out, 0, sizeof(*out));
	out->requested_usable = target;
	out->region_align = region_align;
	/* A refusal below carries the configuration it was asked with. */
	res->in = *in;
	vp_input_resolve(&res->in);
	res->ndev = res->nsteps = res->nwarn = res->nwarn_dropped = 0;
	memset(&res->arch, 0, sizeof(res->arch));
	if (target == 0 || region_align == 0)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "the usable target and the region alignment must be greater than 0");
	vp_input_resolve(&rin);
	if ((s = vp_arch_params(&rin, &p, err)))
		return s;
	res->arch = p;
	/* Before 5.3 nd_pfn_init does not always cut the data end to the
	 * alignment and (before 4.20) the altmap can fail a size with
	 * -ENOMEM: neither bisection above holds. */
	if (rin.kernel.b.section_layout)
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "--usable on kernel %s is not modelled: its usable size is not monotone in the namespace size (the data end is not cut to the alignment) and some sizes fail with -ENOMEM, so the search here does not hold; plan sizes directly (--sweep)",
			       rin.kernel.name);
	limit = 1ULL << p.max_physmem_bits;
	g.S = rin.start;
	g.A = rin.align ? rin.align : p.default_align;
	if (g.A < p.compat_align)
		g.A = p.compat_align;
	if (g.S >= limit)
		return vp_fail(err, VP_BADINPUT, 0, NULL,
			       "start %#llx is beyond the physical address limit",
			       (unsigned long long)g.S);
	if (g.R % g.A == 0) {
		/* k in (lo, hi]: usable(lo R) < target <= usable(hi R). */
		lo = 0;
		hi = (limit - g.S) / g.R;
	} else if (g.A % g.R == 0) {
		/* E in (lo, hi], with Z(lo) <= 0 and data ends up to limit. */
		g.by_end = true;
		lo = g.S / g.A;
		hi = limit / g.A;
		if (grid_size(&g, hi) > limit - g.S)
			hi--;
		if (hi < lo)
			hi = lo;
	} else {
		return vp_fail(err, VP_UNSUPPORTED, 0, NULL,
			       "--usable with a region alignment of %s, which is neither a multiple nor a divisor of the data alignment %s, is not modelled",
			       vp_format_iec(g.R, b1, sizeof(b1)),
			       vp_format_iec(g.A, b2, sizeof(b2)));
	}
	if (hi == lo)
		return vp_fail(err, VP_REFUSED, 0, NULL,
			       "no namespace fits between the start and the physical address limit");
	r = probe(in, grid_size(&g, hi), target, res, err, &out->probes);
	if (r < 0)
		return err->status;
	if (r == 0)
		return vp_fail(err, VP_REFUSED, 0, NULL,
			       "no size reaches %s usable: the largest namespace that fits below the physical address limit (%s) gives less",
			       vp_format_iec(target, b1, sizeof(b1)),
			       vp_format_iec(grid_size(&g, hi), b2, sizeof(b2)));
	while (hi - lo > 1) {
		k = lo + (hi - lo) / 2;
		r = probe(in, grid_size(&g, k), target, res, err,
			  &out->probes);
		if (r < 0)
			return err->status;
		if (r)
			hi = k;
		else
			lo = k;
	}
	out->size = grid_size(&g, hi);
	/* The proof: the next smaller size falls short (or is refused). */
	if (out->size > region_align) {
		out->smaller_size = out->size - region_align;
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
	s = vp_inverse(in, in->usable, vp_region_granule(in), &inv, res, err);
	if (s == VP_OK) {
		res->has_inverse = true;
		res->inverse = inv;
	}
	return s;
}
