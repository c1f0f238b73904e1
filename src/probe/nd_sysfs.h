/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Existing namespaces, as /sys/bus/nd/devices shows them (--from-sysfs):
 * each fsdax or devdax namespace's raw size and physical start, and the pfn
 * or dax device that claims it (its mode, align, data start and size).
 * The ndctl JSON reader (src/cli/import.c) fills the same records from
 * `ndctl list`, where the raw size and the start are not known.
 */
#ifndef VP_PROBE_ND_SYSFS_H
#define VP_PROBE_ND_SYSFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/input.h"

#define VP_MAX_IMPORTS 64

struct vp_nd_namespace {
	char name[32];		/* "namespace0.0" */
	char region[32];	/* "region0", or "" */
	char claim[32];		/* "pfn0.0", "dax0.0", or "" */
	bool usable;		/* fsdax or devdax: planned */
	char skip[96];		/* why not, when !usable */
	enum vp_mode mode;
	enum vp_map map;
	uint64_t align;		/* 0: not reported (the kernel's default) */
	uint64_t region_align;	/* 0: not reported (16 MiB) */
	int numa_node;		/* -1: not reported */
	uint64_t size;		/* the data size: ndctl's "size", pfn's size */
	bool raw_known;		/* sysfs: the namespace's own size and start */
	uint64_t raw_size, start;
	bool data_start_known;	/* sysfs: the pfn/dax device's resource */
	uint64_t data_start;
};

struct vp_nd_list {
	unsigned n;
	struct vp_nd_namespace ns[VP_MAX_IMPORTS];
};

/*
 * Reads DIR/sys/bus/nd/devices (DIR "/" for the running system).
 * Returns 0, or -1 with a message naming the file and the problem.
 */
int vp_probe_nd_sysfs(const char *dir, struct vp_nd_list *out, char *msg,
		      size_t len);

#endif
