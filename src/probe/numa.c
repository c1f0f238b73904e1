// SPDX-License-Identifier: GPL-2.0-only
/*
 * NUMA node sizes, from libnuma on the running machine, from a captured
 * /sys + /proc tree (--sysroot), or from a topology file (--topology):
 *
 *   # comment
 *   node 0 128G
 *   node 1 128G
 *   memtotal 256G        (optional; default: the sum of the nodes)
 *
 * Sizes use vmemplan's SIZE grammar.
 */
#include "numa.h"

#include <errno.h>
#include <inttypes.h>
#include <numa.h>
#include <stdio.h>
#include <string.h>

#include "../core/units.h"

/* "KEY:   N kB" from a meminfo-style file; the key may be preceded by a
 * "Node N " prefix as in /sys/devices/system/node/nodeN/meminfo. */
static int meminfo_kb(const char *path, const char *key, uint64_t *bytes,
		      char *msg, size_t len)
{
	FILE *f = fopen(path, "r");
	char line[256];
	int found = 0;

	if (!f) {
		snprintf(msg, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *p = strstr(line, key);
		unsigned long long kb;

		if (!p || p[strlen(key)] != ':')
			continue;
		if (sscanf(p + strlen(key) + 1, "%llu kB", &kb) != 1 ||
		    kb > UINT64_MAX / 1024)
			break;
		*bytes = (uint64_t)kb * 1024;
		found = 1;
		break;
	}
	fclose(f);
	if (!found) {
		snprintf(msg, len, "%s: no readable '%s: N kB' line", path, key);
		return -1;
	}
	return 0;
}

static int from_libnuma(struct vp_numa *n, unsigned node, char *msg,
			size_t len, char *note, size_t note_len)
{
	long long size, free_bytes;

	if (meminfo_kb("/proc/meminfo", "MemTotal", &n->memtotal_bytes, msg,
		       len))
		return -1;
	if (numa_available() < 0) {
		snprintf(note, note_len,
			 "libnuma reports no NUMA here: treating the machine as one node");
		if (node != 0) {
			snprintf(msg, len, "--node %u: without NUMA there is only node 0",
				 node);
			return -1;
		}
		n->node_bytes = n->memtotal_bytes;
		snprintf(n->source, sizeof(n->source), "/proc/meminfo (no NUMA)");
		return 0;
	}
	if ((int)node > numa_max_node()) {
		snprintf(msg, len, "--node %u: this machine's nodes are 0 to %d",
			 node, numa_max_node());
		return -1;
	}
	size = numa_node_size64((int)node, &free_bytes);
	if (size <= 0) {
		snprintf(msg, len, "--node %u: libnuma reports no memory on it",
			 node);
		return -1;
	}
	n->node_bytes = (uint64_t)size;
	snprintf(n->source, sizeof(n->source), "libnuma");
	return 0;
}

static int from_sysroot(struct vp_numa *n, const char *dir, unsigned node,
			char *msg, size_t len, char *note, size_t note_len)
{
	char path[4096], key[32];
	FILE *probe;

	snprintf(path, sizeof(path), "%s/proc/meminfo", dir);
	if (meminfo_kb(path, "MemTotal", &n->memtotal_bytes, msg, len))
		return -1;
	snprintf(path, sizeof(path), "%s/sys/devices/system/node/node0/meminfo",
		 dir);
	probe = fopen(path, "r");
	if (!probe) {
		snprintf(note, note_len,
			 "%s has no /sys/devices/system/node: treating the machine as one node",
			 dir);
		if (node != 0) {
			snprintf(msg, len, "--node %u: without NUMA there is only node 0",
				 node);
			return -1;
		}
		n->node_bytes = n->memtotal_bytes;
	} else {
		fclose(probe);
		snprintf(path, sizeof(path),
			 "%s/sys/devices/system/node/node%u/meminfo", dir, node);
		snprintf(key, sizeof(key), "Node %u MemTotal", node);
		if (meminfo_kb(path, key, &n->node_bytes, msg, len))
			return -1;
	}
	snprintf(n->source, sizeof(n->source), "sysroot %.80s", dir);
	return 0;
}

static int from_topology(struct vp_numa *n, const char *file, unsigned node,
			 char *msg, size_t len)
{
	FILE *f = fopen(file, "r");
	char line[256];
	unsigned lineno = 0;
	uint64_t sum = 0, total = 0;
	int have_node = 0, have_total = 0;

	if (!f) {
		snprintf(msg, len, "%s: %s", file, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char w1[32], w2[64], w3[64], extra[2];
		unsigned id;
		uint64_t v;
		int k;

		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			snprintf(msg, len, "%s:%u: line too long", file, lineno);
			goto bad;
		}
		if (line[strspn(line, " \t\r\n")] == '\0' ||
		    line[strspn(line, " \t")] == '#')
			continue;
		k = sscanf(line, "%31s %63s %63s %1s", w1, w2, w3, extra);
		if (k == 3 && strcmp(w1, "node") == 0 &&
		    sscanf(w2, "%u%1s", &id, extra) == 1 && id < 4096 &&
		    vp_parse_size(w3, &v) == VP_PARSE_OK) {
			if (__builtin_add_overflow(sum, v, &sum)) {
				snprintf(msg, len, "%s:%u: node sizes overflow",
					 file, lineno);
				goto bad;
			}
			if (id == node) {
				n->node_bytes = v;
				have_node = 1;
			}
			continue;
		}
		if (k == 2 && strcmp(w1, "memtotal") == 0 &&
		    vp_parse_size(w2, &total) == VP_PARSE_OK) {
			have_total = 1;
			continue;
		}
		snprintf(msg, len,
			 "%s:%u: expected 'node N SIZE' or 'memtotal SIZE' (SIZE like 128G)",
			 file, lineno);
		goto bad;
	}
	fclose(f);
	if (!have_node) {
		snprintf(msg, len, "%s: no line for node %u", file, node);
		return -1;
	}
	n->memtotal_bytes = have_total ? total : sum;
	snprintf(n->source, sizeof(n->source), "topology %.80s", file);
	return 0;
bad:
	fclose(f);
	return -1;
}

int vp_probe_numa(struct vp_input *in, enum vp_numa_source src,
		  const char *source_arg, unsigned node, char *msg, size_t len,
		  char *note, size_t note_len)
{
	struct vp_numa n;
	int rc;

	memset(&n, 0, sizeof(n));
	note[0] = '\0';
	n.node = node;
	switch (src) {
	case VP_NUMA_SYSROOT:
		rc = from_sysroot(&n, source_arg, node, msg, len, note,
				  note_len);
		break;
	case VP_NUMA_TOPOLOGY:
		rc = from_topology(&n, source_arg, node, msg, len);
		break;
	case VP_NUMA_LIBNUMA:
	default:
		rc = from_libnuma(&n, node, msg, len, note, note_len);
		break;
	}
	if (rc)
		return rc;
	if (n.node_bytes == 0 || n.memtotal_bytes == 0) {
		snprintf(msg, len, "node %u: no memory (%s)", node, n.source);
		return -1;
	}
	n.known = true;
	in->numa = n;
	return 0;
}
