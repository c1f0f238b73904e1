/* SPDX-License-Identifier: GPL-2.0-only */
/* Command line: argv -> struct vp_input, with strict value checks. */
#ifndef VP_OPTIONS_H
#define VP_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/input.h"

enum vp_format { VP_FMT_TEXT, VP_FMT_JSON, VP_FMT_CSV, VP_FMT_SVG };

/* --compare KEY=V1,V2,...: one axis of the cross product. */
#define VP_MAX_AXES 4
#define VP_MAX_AXIS_VALUES 16
#define VP_MAX_COMBINATIONS 256
struct vp_axis {
	const char *name;		/* "mmu", "page-size", ... */
	unsigned key;			/* enum vp_value_key */
	unsigned n;
	char values[VP_MAX_AXIS_VALUES][64];
};

/* --sweep FROM..TO[:STEP|xFACTOR] */
#define VP_MAX_SWEEP_POINTS 4096
struct vp_sweep {
	bool on;
	uint64_t from, to, step;	/* step 0: geometric, by factor */
	unsigned factor;
};

struct vp_options {
	struct vp_input in;
	enum vp_format format;
	const char *output;	/* -o FILE; NULL: stdout */
	struct vp_axis axes[VP_MAX_AXES];
	unsigned naxes;
	struct vp_sweep sweep;
	bool json;
	bool bytes;
	bool batch;
	bool explain;
	/* NUMA: read by the probe layer after parsing (main.c). */
	bool numa_wanted;
	unsigned numa_node;
	const char *numa_file;	/* --topology or --sysroot argument */
	bool numa_sysroot;
	bool host;		/* --host */
	unsigned given;		/* VP_HOST_* bits given explicitly */
	unsigned keys_given;	/* 1u << enum vp_value_key, for each given */
	const char *plan_file;	/* --plan FILE ("-": stdin) */
	const char *from_ndctl;	/* --from-ndctl FILE */
	const char *from_sysfs;	/* --from-sysfs[=DIR] ("/" by default) */
};

/* Parses argv; on a usage error prints it and exits VP_EXIT_USAGE. */
void vp_options_parse(int argc, char **argv, struct vp_options *o);

#endif
