/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * --from-ndctl and --from-sysfs: existing namespaces, their recovered raw
 * sizes and plans, and whether the kernel agrees with the model.
 */
#ifndef VP_IMPORT_H
#define VP_IMPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "../probe/nd_sysfs.h"
#include "options.h"

/* `ndctl list -RNv` JSON, in any of its shapes, from buf (name: for the
 * messages); at most 1 MiB. */
int vp_parse_ndctl(const char *buf, size_t n, const char *name,
		   struct vp_nd_list *out, char *msg, size_t len);
/* The same from path ("-": stdin). */
int vp_read_ndctl(const char *path, struct vp_nd_list *out, char *msg,
		  size_t len);

/* Plans each namespace and writes the report (text or JSON); returns the
 * exit status: 0 when every namespace matches, 1 when one does not
 * (*bad of the *total planned), 74 when the output failed. */
int vp_run_import(const struct vp_options *o, const struct vp_nd_list *l,
		  bool sysfs, const char *source, FILE *f, unsigned *bad,
		  unsigned *total);

#endif
