/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Renderers: they only print a struct vp_result (or a refusal); they
 * compute nothing the core did not.  Each returns 0, or -1 when a write
 * failed.
 */
#ifndef VP_RENDER_H
#define VP_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include <json-c/json.h>

#include "../core/plan.h"

int vp_render_text(FILE *f, const struct vp_result *r, bool bytes);

/* The JSON document of a plan (schema_version 1). */
json_object *vp_json_result(const struct vp_result *r);
/* {"schema_version", "config", "error"}: config is null when r is. */
json_object *vp_json_error(const struct vp_result *r, const struct vp_error *e);
/* --explain: the table of kernel changes and which apply to k. */
int vp_render_explain(FILE *f, const struct vp_kernel *k);
json_object *vp_json_explain(const struct vp_kernel *k);

/* A device from its first byte, for pictures of it (regions.c): info
 * block, memmap on the device, padding (altmap alignment, unused reserve,
 * data alignment), data, and the end cut to the data alignment (with
 * start_pad).  Empty regions have bytes 0. */
#define VP_NREGIONS 5
struct vp_region {
	const char *name;
	const char *color;	/* for SVG */
	uint64_t bytes;
	double w;		/* drawn width (filled by the renderer) */
	char letter;		/* for the text bar */
};
void vp_device_regions(const struct vp_result *r,
		       const struct vp_device_result *d,
		       struct vp_region rg[VP_NREGIONS]);

/* SVG 1.1: one picture per plan, stacked; a NULL plan prints its title
 * as a line of text (render_svg.c). */
int vp_render_svg_plans(FILE *f, const struct vp_result *const *r,
			const char (*titles)[320], unsigned n);

/* Prints root (pretty, or on one line) and releases it. */
int vp_json_emit(FILE *f, json_object *root, bool pretty);

#define VP_SCHEMA_VERSION 1

#endif
