/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Several plans from one command line: --compare (a cross product of
 * option values) and --sweep (a range of device sizes), and the headline
 * row each plan contributes to their tables, CSV, JSON and charts.
 */
#ifndef VP_MANY_H
#define VP_MANY_H

#include <stdio.h>

#include "../core/plan.h"
#include "options.h"

/* The headline numbers of one plan (or why there is none). */
struct vp_row {
	unsigned combo;		/* index into the cross product */
	enum vp_status status;
	int kerrno;
	uint64_t size;		/* the device size (the answer for --usable) */
	uint64_t usable, device, dram, reserved, waste;
	double overhead;	/* (size - usable + DRAM) / size, percent */
	unsigned nwarn;
	char detail[448];	/* warning codes, or where: the error message */
};

/* The value of axis k in combination c (the last axis varies fastest). */
const char *vp_combo_value(const struct vp_options *o, unsigned c,
			   unsigned k);
unsigned vp_combo_count(const struct vp_options *o);
/* "mmu=hash page-size=4K" (empty without --compare). */
void vp_combo_label(const struct vp_options *o, unsigned c, char *buf,
		    size_t len);

/* Runs --compare and/or --sweep and writes the chosen format to f;
 * returns the exit status (exitcodes.h). */
int vp_run_many(const struct vp_options *o, FILE *f);

/* Renderers of rows (render_table.c). */
int vp_render_rows_text(FILE *f, const struct vp_options *o,
			const struct vp_row *rows, unsigned n);
int vp_render_rows_csv(FILE *f, const struct vp_options *o,
		       const struct vp_row *rows, unsigned n);
void vp_row_fill(struct vp_row *row, const struct vp_result *r,
		 enum vp_status s, const struct vp_error *e);
/* The overhead chart of a sweep: rows[c * npts + i] is size i of
 * combination c (render_svg.c). */
int vp_render_svg_sweep(FILE *f, const struct vp_options *o,
			const struct vp_row *rows, unsigned ncombo,
			unsigned npts);

#endif
