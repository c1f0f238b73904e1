/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * --host: defaults from the running system, each with where it came from.
 * Under --sysroot DIR the /proc files are read below DIR (a captured
 * system), and the architecture and kernel version come from
 * DIR/proc/sys/kernel/{arch,osrelease}; otherwise from uname(2).
 */
#ifndef VP_PROBE_HOST_H
#define VP_PROBE_HOST_H

#include <stddef.h>

#include "../core/input.h"

/* Which values the command line gave explicitly (they win over --host). */
enum {
	VP_HOST_ARCH = 1 << 0,
	VP_HOST_PAGE_SIZE = 1 << 1,
	VP_HOST_MMU = 1 << 2,
	VP_HOST_KERNEL = 1 << 3,
	VP_HOST_BOOT_RAM = 1 << 4,
};

/*
 * Fills what is not in `given` into *in and in->host.  Returns 0, or -1
 * with msg when the system says something the model cannot take (an
 * unknown architecture, a page size other than 4K/64K, an unparsable
 * version).
 */
int vp_probe_host(struct vp_input *in, unsigned given, const char *sysroot,
		  char *msg, size_t len);

#endif
