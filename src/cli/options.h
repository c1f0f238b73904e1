/* SPDX-License-Identifier: GPL-2.0-only */
/* Command line: argv -> struct vp_input, with strict value checks. */
#ifndef VP_OPTIONS_H
#define VP_OPTIONS_H

#include <stdbool.h>

#include "../core/input.h"

struct vp_options {
	struct vp_input in;
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
};

/* Parses argv; on a usage error prints it and exits VP_EXIT_USAGE. */
void vp_options_parse(int argc, char **argv, struct vp_options *o);

#endif
