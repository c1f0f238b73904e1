// SPDX-License-Identifier: GPL-2.0-only
/*
 * --compare and --sweep: the cross product of the compared values, times
 * the swept sizes, each planned exactly as a single plan is (vp_answer),
 * then rendered as one table, CSV, JSON document or SVG picture.
 */
#include "many.h"

#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"
#include "render.h"
#include "values.h"

unsigned vp_combo_count(const struct vp_options *o)
{
	unsigned k, n = 1;

	for (k = 0; k < o->naxes; k++)
		n *= o->axes[k].n;
	return n;
}

const char *vp_combo_value(const struct vp_options *o, unsigned c,
			   unsigned k)
{
	unsigned j;

	for (j = o->naxes; j-- > k + 1;)
		c /= o->axes[j].n;
	return o->axes[k].values[c % o->axes[k].n];
}

void vp_combo_label(const struct vp_options *o, unsigned c, char *buf,
		    size_t len)
{
	size_t n = 0;
	unsigned k;

	buf[0] = '\0';
	for (k = 0; k < o->naxes && n < len; k++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s=%s", k ? " " : "",
				      o->axes[k].name, vp_combo_value(o, c, k));
}

/* The input of combination c; -1 with err filled when a value does not
 * apply (an option of the other architecture). */
static int combo_input(const struct vp_options *o, unsigned c,
		       struct vp_input *in, struct vp_error *err)
{
	unsigned k, given = o->keys_given;

	*in = o->in;
	memset(err, 0, sizeof(*err));
	for (k = 0; k < o->naxes; k++) {
		given |= 1u << o->axes[k].key;
		/* Checked when parsed: cannot fail here. */
		if (vp_value_set(in, (enum vp_value_key)o->axes[k].key,
				 vp_combo_value(o, c, k), err->msg,
				 sizeof(err->msg))) {
			err->status = VP_BADINPUT;
			return -1;
		}
	}
	if (vp_values_check_arch(in, given, false, err->msg,
				 sizeof(err->msg))) {
		err->status = VP_BADINPUT;
		return -1;
	}
	return 0;
}

/* Plans combination c at size (0: as given); fills row, and res. */
static enum vp_status plan_one(const struct vp_options *o, unsigned c,
			       uint64_t size, struct vp_result *res,
			       struct vp_row *row, struct vp_error *err)
{
	struct vp_input in;
	enum vp_status s;

	memset(row, 0, sizeof(*row));
	row->combo = c;
	row->size = size;
	if (combo_input(o, c, &in, err)) {
		memset(res, 0, sizeof(*res));
		vp_row_fill(row, res, err->status, err);
		return err->status;
	}
	if (size)
		in.size = size;
	s = vp_answer(&in, res, err);
	vp_row_fill(row, res, s, err);
	if (s != VP_OK && !row->size && !in.usable)
		row->size = in.size;
	return s;
}

static json_object *combination(const struct vp_options *o, unsigned c)
{
	json_object *j = json_object_new_object();
	unsigned k;

	for (k = 0; k < o->naxes; k++)
		json_object_object_add(j, o->axes[k].name,
				       json_object_new_string(
					       vp_combo_value(o, c, k)));
	return j;
}

static json_object *u64(uint64_t v)
{
	return json_object_new_uint64(v);
}

static json_object *row_json(const struct vp_row *r)
{
	json_object *j = json_object_new_object();
	bool ok = r->status == VP_OK;

	json_object_object_add(j, "size", r->size ? u64(r->size) : NULL);
	json_object_object_add(j, "usable_bytes", ok ? u64(r->usable) : NULL);
	json_object_object_add(j, "device_bytes", ok ? u64(r->device) : NULL);
	json_object_object_add(j, "dram_bytes", ok ? u64(r->dram) : NULL);
	json_object_object_add(j, "reserved_bytes",
			       ok ? u64(r->reserved) : NULL);
	json_object_object_add(j, "waste_bytes", ok ? u64(r->waste) : NULL);
	json_object_object_add(j, "overhead_percent",
			       ok ? json_object_new_double(r->overhead) : NULL);
	json_object_object_add(j, "verdict", json_object_new_string(
		ok ? "ok" : r->status == VP_REFUSED ? "refused" :
		r->status == VP_UNSUPPORTED ? "unsupported" :
		r->status == VP_BADINPUT ? "invalid" : "internal"));
	json_object_object_add(j, "detail", json_object_new_string(r->detail));
	return j;
}

static int status_of(const struct vp_row *rows, unsigned n)
{
	int st = VP_EXIT_OK;
	unsigned i;

	for (i = 0; i < n; i++) {
		if (rows[i].status == VP_INTERNAL)
			return VP_EXIT_INTERNAL;
		if (rows[i].status != VP_OK)
			st = VP_EXIT_REFUSED;
	}
	return st;
}

/* --compare without --sweep: one full plan per combination. */
static int run_compare(const struct vp_options *o, FILE *f)
{
	unsigned n = vp_combo_count(o), c;
	struct vp_result *res = calloc(n, sizeof(*res));
	struct vp_row *rows = calloc(n, sizeof(*rows));
	json_object *arr = NULL;
	int st, werr = 0;

	if (!res || !rows) {
		free(res);
		free(rows);
		fprintf(stderr, "vmemplan: out of memory\n");
		return VP_EXIT_INTERNAL;
	}
	if (o->format == VP_FMT_JSON)
		arr = json_object_new_array();
	for (c = 0; c < n; c++) {
		struct vp_error err;
		enum vp_status s = plan_one(o, c, 0, &res[c], &rows[c], &err);

		if (arr) {
			json_object *doc = s == VP_OK ?
				vp_json_result(&res[c]) :
				vp_json_error(s == VP_REFUSED ? &res[c] : NULL,
					      &err);

			json_object_object_add(doc, "combination",
					       combination(o, c));
			json_object_array_add(arr, doc);
		}
	}
	switch (o->format) {
	case VP_FMT_JSON:
		werr = vp_json_emit(f, arr, true);
		break;
	case VP_FMT_CSV:
		werr = vp_render_rows_csv(f, o, rows, n);
		break;
	case VP_FMT_SVG: {
		const struct vp_result **pr = calloc(n, sizeof(*pr));
		char (*titles)[320] = calloc(n, sizeof(*titles));

		if (!pr || !titles) {
			werr = -1;
		} else {
			for (c = 0; c < n; c++) {
				char l[256];

				vp_combo_label(o, c, l, sizeof(l));
				pr[c] = rows[c].status == VP_OK ? &res[c] : NULL;
				if (pr[c])
					snprintf(titles[c], sizeof(titles[c]),
						 "%s", l);
				else
					snprintf(titles[c], sizeof(titles[c]),
						 "%s: %s", l, rows[c].detail);
			}
			werr = vp_render_svg_plans(f, pr,
						   (const char(*)[320])titles, n);
		}
		free(pr);
		free(titles);
		break;
	}
	default:
		werr = vp_render_rows_text(f, o, rows, n);
		break;
	}
	st = werr ? VP_EXIT_IO : status_of(rows, n);
	free(res);
	free(rows);
	return st;
}

static uint64_t sweep_next(const struct vp_sweep *sw, uint64_t v, bool *end)
{
	uint64_t next;

	*end = sw->step ? __builtin_add_overflow(v, sw->step, &next) :
			  __builtin_mul_overflow(v, sw->factor, &next);
	if (!*end && next > sw->to)
		*end = true;
	return next;
}

static int run_sweep(const struct vp_options *o, FILE *f)
{
	unsigned ncombo = vp_combo_count(o), npts = 0, c, i, n;
	struct vp_result *res = malloc(sizeof(*res));
	struct vp_row *rows;
	uint64_t v;
	bool end = false;
	int werr = 0, st;

	for (v = o->sweep.from; !end; v = sweep_next(&o->sweep, v, &end))
		npts++;
	rows = calloc((size_t)ncombo * npts, sizeof(*rows));
	if (!rows || !res) {
		free(rows);
		free(res);
		fprintf(stderr, "vmemplan: out of memory\n");
		return VP_EXIT_INTERNAL;
	}
	n = 0;
	for (c = 0; c < ncombo; c++) {
		end = false;
		for (v = o->sweep.from; !end; v = sweep_next(&o->sweep, v, &end)) {
			struct vp_error err;

			plan_one(o, c, v, res, &rows[n++], &err);
		}
	}
	switch (o->format) {
	case VP_FMT_JSON: {
		json_object *doc = json_object_new_object(), *sw, *series;

		json_object_object_add(doc, "schema_version",
				       json_object_new_int(VP_SCHEMA_VERSION));
		sw = json_object_new_object();
		json_object_object_add(sw, "from", u64(o->sweep.from));
		json_object_object_add(sw, "to", u64(o->sweep.to));
		json_object_object_add(sw, "step", o->sweep.step ?
					       u64(o->sweep.step) : NULL);
		json_object_object_add(sw, "factor", o->sweep.step ? NULL :
					       json_object_new_int((int)o->sweep.factor));
		json_object_object_add(doc, "sweep", sw);
		series = json_object_new_array();
		for (c = 0; c < ncombo; c++) {
			json_object *s = json_object_new_object();
			json_object *pts = json_object_new_array();

			json_object_object_add(s, "combination",
					       combination(o, c));
			for (i = 0; i < npts; i++)
				json_object_array_add(
					pts, row_json(&rows[c * npts + i]));
			json_object_object_add(s, "points", pts);
			json_object_array_add(series, s);
		}
		json_object_object_add(doc, "series", series);
		werr = vp_json_emit(f, doc, true);
		break;
	}
	case VP_FMT_CSV:
		werr = vp_render_rows_csv(f, o, rows, n);
		break;
	case VP_FMT_SVG:
		werr = vp_render_svg_sweep(f, o, rows, ncombo, npts);
		break;
	default:
		werr = vp_render_rows_text(f, o, rows, n);
		break;
	}
	st = werr ? VP_EXIT_IO : status_of(rows, n);
	free(rows);
	free(res);
	return st;
}

int vp_run_many(const struct vp_options *o, FILE *f)
{
	return o->sweep.on ? run_sweep(o, f) : run_compare(o, f);
}
