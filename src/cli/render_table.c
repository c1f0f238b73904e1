// SPDX-License-Identifier: GPL-2.0-only
/*
 * The table of --compare and --sweep: one row of headline numbers per
 * plan, as aligned text or as CSV (RFC 4180, sizes in bytes).
 */
#include <inttypes.h>
#include <string.h>

#include "../core/units.h"
#include "many.h"
#include "out.h"

void vp_row_fill(struct vp_row *row, const struct vp_result *r,
		 enum vp_status s, const struct vp_error *e)
{
	const struct vp_totals *t = &r->totals;
	unsigned i;
	size_t n = 0;

	row->status = s;
	row->kerrno = s == VP_OK || !e ? 0 : e->kerrno;
	row->detail[0] = '\0';
	if (s != VP_OK) {
		snprintf(row->detail, sizeof(row->detail), "%s%s%s", e->where ? e->where : "",
			 e->where ? ": " : "", e->msg);
		return;
	}
	/* Every device live after the last add (one, without --plan). */
	row->size = t->size_bytes;
	row->usable = t->usable_bytes;
	row->device = t->moved_to_device_bytes;
	row->dram = t->dram_bytes;
	row->reserved = t->reserved_pfns << r->arch.page_shift;
	row->waste = t->alignment_waste_bytes;
	row->overhead = 100.0 * ((double)(row->size - row->usable) +
				 (double)row->dram) / (double)row->size;
	row->nwarn = r->nwarn;
	for (i = 0; i < r->nwarn && n < sizeof(row->detail); i++)
		n += (size_t)snprintf(row->detail + n, sizeof(row->detail) - n,
				      "%s%s", i ? ";" : "", r->warn[i].code);
}

static const char *verdict(const struct vp_row *r)
{
	switch (r->status) {
	case VP_OK:
		return "ok";
	case VP_REFUSED:
		return "refused";
	case VP_UNSUPPORTED:
		return "unsupported";
	case VP_BADINPUT:
		return "invalid";
	default:
		return "internal";
	}
}


static const char *num(const struct vp_options *opt, uint64_t v, char *buf,
		       size_t len)
{
	if (opt->bytes)
		snprintf(buf, len, "%" PRIu64, v);
	else
		vp_format_iec(v, buf, len);
	return buf;
}

#define NCOLS 7

int vp_render_rows_text(FILE *f, const struct vp_options *opt,
			const struct vp_row *rows, unsigned n)
{
	static const char *const head[NCOLS] = { "size", "usable", "on device",
						 "in DRAM", "reserved",
						 "waste", "overhead" };
	struct vp_out o = { f, 0 };
	unsigned w[VP_MAX_AXES] = { 0 }, i, k, notes = 0;
	char b[VP_IEC_BUFSZ + 24];

	for (k = 0; k < opt->naxes; k++) {
		w[k] = (unsigned)strlen(opt->axes[k].name);
		for (i = 0; i < opt->axes[k].n; i++)
			if (strlen(opt->axes[k].values[i]) > w[k])
				w[k] = (unsigned)strlen(opt->axes[k].values[i]);
	}
	for (k = 0; k < opt->naxes; k++)
		vp_put(&o, "%-*s  ", (int)w[k], opt->axes[k].name);
	for (k = 0; k < NCOLS; k++)
		vp_put(&o, "%12s  ", head[k]);
	vp_put(&o, "verdict\n");
	for (i = 0; i < n; i++) {
		const struct vp_row *r = &rows[i];

		for (k = 0; k < opt->naxes; k++)
			vp_put(&o, "%-*s  ", (int)w[k],
			    vp_combo_value(opt, r->combo, k));
		if (r->status != VP_OK) {
			vp_put(&o, "%12s  ", r->size ? num(opt, r->size, b, sizeof(b)) : "-");
			for (k = 1; k < NCOLS; k++)
				vp_put(&o, "%12s  ", "-");
			vp_put(&o, "%s [%u]\n", verdict(r), ++notes);
			continue;
		}
		vp_put(&o, "%12s  ", num(opt, r->size, b, sizeof(b)));
		vp_put(&o, "%12s  ", num(opt, r->usable, b, sizeof(b)));
		vp_put(&o, "%12s  ", num(opt, r->device, b, sizeof(b)));
		vp_put(&o, "%12s  ", num(opt, r->dram, b, sizeof(b)));
		vp_put(&o, "%12s  ", num(opt, r->reserved, b, sizeof(b)));
		vp_put(&o, "%12s  ", num(opt, r->waste, b, sizeof(b)));
		vp_put(&o, "%11.3f%%  ", r->overhead);
		if (r->nwarn)
			vp_put(&o, "ok (%s)\n", r->detail);
		else
			vp_put(&o, "ok\n");
	}
	if (notes) {
		vp_put(&o, "\n");
		for (i = 0, notes = 0; i < n; i++)
			if (rows[i].status != VP_OK)
				vp_put(&o, "[%u] %s\n", ++notes, rows[i].detail);
	}
	vp_put(&o, "\noverhead = (size - usable + in DRAM) / size\n");
	return o.err;
}

/* A CSV field: quoted when it holds a comma, a quote or a line break. */
static void csv_field(struct vp_out *o, const char *s, bool last)
{
	const char *p;

	if (!strpbrk(s, ",\"\r\n")) {
		vp_put(o, "%s%s", s, last ? "\r\n" : ",");
		return;
	}
	vp_put(o, "\"");
	for (p = s; *p; p++)
		vp_put(o, *p == '"' ? "\"\"" : "%c", *p);
	vp_put(o, "\"%s", last ? "\r\n" : ",");
}

int vp_render_rows_csv(FILE *f, const struct vp_options *opt,
		       const struct vp_row *rows, unsigned n)
{
	static const char *const head[] = {
		"size_bytes", "usable_bytes", "device_bytes", "dram_bytes",
		"reserved_bytes", "waste_bytes", "overhead_percent", "verdict",
		"detail",
	};
	struct vp_out o = { f, 0 };
	unsigned i, k;
	char b[64];

	for (k = 0; k < opt->naxes; k++)
		csv_field(&o, opt->axes[k].name, false);
	for (k = 0; k < sizeof(head) / sizeof(head[0]); k++)
		csv_field(&o, head[k], k + 1 == sizeof(head) / sizeof(head[0]));
	for (i = 0; i < n; i++) {
		const struct vp_row *r = &rows[i];
		bool ok = r->status == VP_OK;

		for (k = 0; k < opt->naxes; k++)
			csv_field(&o, vp_combo_value(opt, r->combo, k), false);
		if (r->size)
			vp_put(&o, "%" PRIu64 ",", r->size);
		else
			vp_put(&o, ",");
		if (ok)
			vp_put(&o, "%" PRIu64 ",%" PRIu64 ",%" PRIu64 ",%" PRIu64
			    ",%" PRIu64 ",%.6f,", r->usable, r->device, r->dram,
			    r->reserved, r->waste, r->overhead);
		else
			vp_put(&o, ",,,,,,");
		snprintf(b, sizeof(b), "%s", verdict(r));
		csv_field(&o, b, false);
		csv_field(&o, r->detail, true);
	}
	return o.err;
}
