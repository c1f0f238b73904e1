// SPDX-License-Identifier: GPL-2.0-only
#include "memstate.h"

#include <string.h>

static enum vp_status full(struct vp_error *err, const char *what, int max)
{
	return vp_fail(err, VP_INTERNAL, 0, NULL, "more than %d %s", max, what);
}

/* ---- the valid-pfn set ------------------------------------------------ */

bool vp_valid_intersects(const struct vp_mem_state *st, uint64_t lo,
			 uint64_t hi)
{
	unsigned i;

	for (i = 0; i < st->nvalid; i++)
		if (st->valid[i].lo < hi && st->valid[i].hi > lo)
			return true;
	return false;
}

enum vp_status vp_valid_add(struct vp_mem_state *st, uint64_t lo, uint64_t hi,
			    struct vp_error *err)
{
	unsigned i = 0, j;

	while (i < st->nvalid && st->valid[i].hi < lo)
		i++;
	/* Merge every interval that touches [lo, hi). */
	j = i;
	while (j < st->nvalid && st->valid[j].lo <= hi) {
		if (st->valid[j].lo < lo)
			lo = st->valid[j].lo;
		if (st->valid[j].hi > hi)
			hi = st->valid[j].hi;
		j++;
	}
	if (j == i) {
		if (st->nvalid == VP_MAX_INTERVALS)
			return full(err, "valid pfn intervals", VP_MAX_INTERVALS);
		memmove(&st->valid[i + 1], &st->valid[i],
			(st->nvalid - i) * sizeof(st->valid[0]));
		st->nvalid++;
	} else if (j > i + 1) {
		memmove(&st->valid[i + 1], &st->valid[j],
			(st->nvalid - j) * sizeof(st->valid[0]));
		st->nvalid -= j - i - 1;
	}
	st->valid[i].lo = lo;
	st->valid[i].hi = hi;
	return VP_OK;
}

enum vp_status vp_valid_remove(struct vp_mem_state *st, uint64_t lo,
			       uint64_t hi, struct vp_error *err)
{
	unsigned i;

	for (i = 0; i < st->nvalid; i++) {
		struct vp_pfn_interval *v = &st->valid[i];

		if (v->hi <= lo || v->lo >= hi)
			continue;
		if (v->lo < lo && v->hi > hi) {	/* split in two */
			if (st->nvalid == VP_MAX_INTERVALS)
				return full(err, "valid pfn intervals",
					    VP_MAX_INTERVALS);
			memmove(&st->valid[i + 1], &st->valid[i],
				(st->nvalid - i) * sizeof(st->valid[0]));
			st->nvalid++;
			st->valid[i].hi = lo;
			st->valid[i + 1].lo = hi;
			return VP_OK;
		}
		if (v->lo < lo) {
			v->hi = lo;
		} else if (v->hi > hi) {
			v->lo = hi;
		} else {
			memmove(&st->valid[i], &st->valid[i + 1],
				(st->nvalid - i - 1) * sizeof(st->valid[0]));
			st->nvalid--;
			i--;
		}
	}
	return VP_OK;
}

void vp_valid_section_starts(const struct vp_pfn_interval *v, unsigned n,
			     uint64_t S, struct vp_pfn_interval *out,
			     unsigned *nout)
{
	unsigned i, k = 0;

	for (i = 0; i < n; i++) {
		uint64_t lo = vp_div_up(v[i].lo, S) * S;
		uint64_t hi = vp_div_up(v[i].hi, S) * S;

		if (lo >= hi)
			continue;
		if (k && out[k - 1].hi >= lo) {
			if (hi > out[k - 1].hi)
				out[k - 1].hi = hi;
			continue;
		}
		out[k].lo = lo;
		out[k].hi = hi;
		k++;
	}
	*nout = k;
}

bool vp_blocks_populated(const struct vp_pfn_interval *v, unsigned n,
			 uint64_t W, uint64_t c, uint64_t e, uint64_t *stop)
{
	uint64_t lo = c * W;
	unsigned i;

	*stop = e;
	for (i = 0; i < n; i++) {
		if (v[i].hi <= lo)
			continue;
		if (v[i].lo < lo + W) {
			/* Blocks c .. ceil(hi/W) - 1 all describe part of it. */
			if (vp_div_up(v[i].hi, W) < e)
				*stop = vp_div_up(v[i].hi, W);
			return true;
		}
		if (v[i].lo / W < e)
			*stop = v[i].lo / W;
		return false;
	}
	return false;
}

/* ---- the mapped-block runs -------------------------------------------- */

int vp_state_find(const struct vp_mem_state *st, uint64_t pfn)
{
	unsigned i;

	for (i = 0; i < st->nruns; i++)
		if (vp_run_lo(&st->runs[i]) <= pfn &&
		    pfn < vp_run_hi(&st->runs[i]))
			return (int)i;
	return -1;
}

int vp_state_next(const struct vp_mem_state *st, uint64_t pfn)
{
	unsigned i;

	for (i = 0; i < st->nruns; i++)
		if (vp_run_hi(&st->runs[i]) > pfn)
			return (int)i;
	return -1;
}

static bool can_merge(const struct vp_block_run *a,
		      const struct vp_block_run *b)
{
	return a->unit == b->unit && a->nr == b->nr &&
	       a->first + a->count == b->first && a->backing == b->backing &&
	       a->dev == b->dev &&
	       (a->backing != VP_BACK_ALTMAP ||
		a->phys_pfn + a->count * a->nr == b->phys_pfn);
}

enum vp_status vp_runs_append(struct vp_block_run *runs, unsigned *n,
			      unsigned max, const struct vp_block_run *r,
			      struct vp_error *err)
{
	if (*n && can_merge(&runs[*n - 1], r)) {
		runs[*n - 1].count += r->count;
		return VP_OK;
	}
	if (*n == max)
		return full(err, "runs of vmemmap blocks", (int)max);
	runs[(*n)++] = *r;
	return VP_OK;
}

enum vp_status vp_state_add_run(struct vp_mem_state *st,
				const struct vp_block_run *r,
				struct vp_error *err)
{
	unsigned i = st->nruns;

	while (i > 0 && vp_run_lo(&st->runs[i - 1]) > vp_run_lo(r))
		i--;
	if (i > 0 && can_merge(&st->runs[i - 1], r)) {
		st->runs[i - 1].count += r->count;
		if (i < st->nruns && can_merge(&st->runs[i - 1], &st->runs[i])) {
			st->runs[i - 1].count += st->runs[i].count;
			memmove(&st->runs[i], &st->runs[i + 1],
				(st->nruns - i - 1) * sizeof(st->runs[0]));
			st->nruns--;
		}
		return VP_OK;
	}
	if (st->nruns == VP_MAX_RUNS)
		return full(err, "runs of vmemmap blocks", VP_MAX_RUNS);
	memmove(&st->runs[i + 1], &st->runs[i],
		(st->nruns - i) * sizeof(st->runs[0]));
	st->runs[i] = *r;
	st->nruns++;
	return VP_OK;
}

enum vp_status vp_state_remove_blocks(struct vp_mem_state *st, unsigned i,
				      uint64_t first, uint64_t count,
				      struct vp_error *err)
{
	struct vp_block_run *r = &st->runs[i];
	uint64_t end = first + count, rend = r->first + r->count;

	if (first == r->first && end == rend) {
		memmove(&st->runs[i], &st->runs[i + 1],
			(st->nruns - i - 1) * sizeof(st->runs[0]));
		st->nruns--;
	} else if (first == r->first) {
		if (r->backing == VP_BACK_ALTMAP)
			r->phys_pfn += count * r->nr;
		r->first = end;
		r->count -= count;
	} else if (end == rend) {
		r->count -= count;
	} else {
		struct vp_block_run tail = *r;

		if (st->nruns == VP_MAX_RUNS)
			return full(err, "runs of vmemmap blocks", VP_MAX_RUNS);
		r->count = first - r->first;
		tail.first = end;
		tail.count = rend - end;
		if (tail.backing == VP_BACK_ALTMAP)
			tail.phys_pfn += (end - r->first) * r->nr;
		memmove(&st->runs[i + 2], &st->runs[i + 1],
			(st->nruns - i - 1) * sizeof(st->runs[0]));
		st->runs[i + 1] = tail;
		st->nruns++;
	}
	return VP_OK;
}

uint64_t vp_state_covered(const struct vp_mem_state *st, uint64_t lo,
			  uint64_t hi)
{
	uint64_t sum = 0;
	unsigned i;

	for (i = 0; i < st->nruns; i++) {
		uint64_t a = vp_run_lo(&st->runs[i]), b = vp_run_hi(&st->runs[i]);

		if (a < lo)
			a = lo;
		if (b > hi)
			b = hi;
		if (b > a)
			sum += b - a;
	}
	return sum;
}
