/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A stream that remembers a failed write, so that a renderer can print on
 * and report the failure once at the end (render_table.c, render_svg.c).
 */
#ifndef VP_OUT_H
#define VP_OUT_H

#include <stdio.h>

struct vp_out {
	FILE *f;
	int err;	/* -1 after any failed write */
};

void vp_put(struct vp_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
