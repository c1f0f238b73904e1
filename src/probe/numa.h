/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The probe layer: the only code that reads the machine.  It fills in
 * input values (here: NUMA node sizes and MemTotal) and says where each
 * came from; the core never calls it.
 */
#ifndef VP_PROBE_NUMA_H
#define VP_PROBE_NUMA_H

#include <stddef.h>

#include "../core/input.h"

enum vp_numa_source {
	VP_NUMA_LIBNUMA,	/* the running machine, through libnuma */
	VP_NUMA_SYSROOT,	/* a captured /sys and /proc tree */
	VP_NUMA_TOPOLOGY,	/* a topology file */
};

/*
 * Fills in->numa for node `node`.  source_arg is the sysroot directory or
 * the topology file (unused for libnuma).  Returns 0, or -1 with a message
 * naming the file and the problem.  note receives one line to show the
 * user (e.g. that libnuma reports no NUMA), or "".
 */
int vp_probe_numa(struct vp_input *in, enum vp_numa_source src,
		  const char *source_arg, unsigned node, char *msg, size_t len,
		  char *note, size_t note_len);

#endif
