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

#include "../core/plan.h"

int vp_render_text(FILE *f, const struct vp_result *r, bool bytes);
int vp_render_json(FILE *f, const struct vp_result *r);
/* {"schema_version", "config", "error"} for a kernel refusal. */
int vp_render_json_error(FILE *f, const struct vp_result *r,
			 const struct vp_error *e);

#define VP_SCHEMA_VERSION 1

#endif
