// SPDX-License-Identifier: GPL-2.0-only
/*
 * /sys/bus/nd/devices, as Debian's linux-source-6.1 6.1.192 writes it:
 *   namespaceX.Y/size      "%llu", the raw size (namespace_devs.c:size_show)
 *   namespaceX.Y/resource  "%#llx", its start (resource_show)
 *   namespaceX.Y/mode      "memory" (fsdax), "dax" (devdax), "safe"
 *                          (sector) or "raw" (namespace_devs.c:mode_show)
 *   namespaceX.Y/numa_node
 *   pfnX.Y/, daxX.Y/       namespace (the claimed one), mode "pmem" (map=dev)
 *                          or "ram" (map=mem), align "%ld", resource
 *                          "%#llx" = start + start_pad + dataoff, size
 *                          "%llu" = raw - start_pad - end_trunc - dataoff
 *                          (pfn_devs.c:mode_show ... size_show, lines
 *                          39-245)
 *   regionX/align          "%#lx" (region_devs.c:align_show @6.12)
 * A namespace's region is the X of its name.
 */
#include "nd_sysfs.h"

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first line of DIR/sys/bus/nd/devices/DEV/ATTR, without '\n';
 * -1 when it cannot be read. */
static int attr(const char *root, const char *dev, const char *name,
		char *buf, size_t len)
{
	char path[4096];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/sys/bus/nd/devices/%s/%s", root, dev,
		 name);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (!fgets(buf, (int)len, f)) {
		fclose(f);
		return -1;
	}
	fclose(f);
	n = strcspn(buf, "\n");
	buf[n] = '\0';
	return 0;
}

/* A number attribute (decimal or 0x hex); -1 when missing or malformed. */
static int attr_u64(const char *root, const char *dev, const char *name,
		    uint64_t *out)
{
	char buf[64], *end;

	if (attr(root, dev, name, buf, sizeof(buf)))
		return -1;
	errno = 0;
	*out = strtoull(buf, &end, 0);
	return errno || end == buf || *end ? -1 : 0;
}

static int fail(char *msg, size_t len, const char *root, const char *dev,
		const char *name, const char *why)
{
	snprintf(msg, len, "%s/sys/bus/nd/devices/%s/%s: %s", root, dev, name,
		 why);
	return -1;
}

/* The pfn or dax device that claims namespace ns, into *e. */
static int claim(const char *root, struct vp_nd_namespace *e, char *msg,
		 size_t len)
{
	char path[4096], buf[64];
	struct dirent *de;
	DIR *d;

	snprintf(path, sizeof(path), "%s/sys/bus/nd/devices", root);
	d = opendir(path);
	if (!d)
		return fail(msg, len, root, "", "", strerror(errno));
	while ((de = readdir(d))) {
		const char *n = de->d_name;

		if ((strncmp(n, "pfn", 3) && strncmp(n, "dax", 3)) ||
		    strlen(n) >= sizeof(e->claim))
			continue;
		if (attr(root, n, "namespace", buf, sizeof(buf)) ||
		    strcmp(buf, e->name))
			continue;
		memcpy(e->claim, n, strlen(n) + 1);
		break;
	}
	closedir(d);
	if (!e->claim[0]) {
		snprintf(e->skip, sizeof(e->skip),
			 "no pfn or dax device claims it (disabled?)");
		return 0;
	}
	if (attr(root, e->claim, "mode", buf, sizeof(buf)))
		return fail(msg, len, root, e->claim, "mode", "cannot be read");
	if (strcmp(buf, "pmem") == 0)
		e->map = VP_MAP_DEV;
	else if (strcmp(buf, "ram") == 0)
		e->map = VP_MAP_MEM;
	else
		return fail(msg, len, root, e->claim, "mode",
			    "expected pmem or ram");
	if (attr_u64(root, e->claim, "align", &e->align))
		return fail(msg, len, root, e->claim, "align",
			    "expected a number");
	/* A disabled pfn/dax device has no size (-ENXIO): skip it. */
	if (attr_u64(root, e->claim, "size", &e->size)) {
		char c[sizeof(e->claim)];

		memcpy(c, e->claim, sizeof(c));
		snprintf(e->skip, sizeof(e->skip), "%s has no size (disabled?)",
			 c);
		return 0;
	}
	e->data_start_known =
		attr_u64(root, e->claim, "resource", &e->data_start) == 0;
	e->usable = true;
	return 0;
}

static int cmp_ns(const void *a, const void *b)
{
	return strcmp(((const struct vp_nd_namespace *)a)->name,
		      ((const struct vp_nd_namespace *)b)->name);
}

int vp_probe_nd_sysfs(const char *root, struct vp_nd_list *out, char *msg,
		      size_t len)
{
	char path[4096], buf[64];
	struct dirent *de;
	DIR *d;

	memset(out, 0, sizeof(*out));
	if (strcmp(root, "/") == 0)
		root = "";
	snprintf(path, sizeof(path), "%s/sys/bus/nd/devices", root);
	d = opendir(path);
	if (!d) {
		snprintf(msg, len, "%s: %s (is libnvdimm loaded?)", path,
			 strerror(errno));
		return -1;
	}
	while ((de = readdir(d))) {
		struct vp_nd_namespace *e;
		unsigned region;

		if (strncmp(de->d_name, "namespace", 9) ||
		    strlen(de->d_name) >= sizeof(out->ns[0].name))
			continue;
		if (out->n == VP_MAX_IMPORTS) {
			closedir(d);
			snprintf(msg, len, "%s: more than %d namespaces", path,
				 VP_MAX_IMPORTS);
			return -1;
		}
		e = &out->ns[out->n++];
		memset(e, 0, sizeof(*e));
		e->numa_node = -1;
		memcpy(e->name, de->d_name, strlen(de->d_name) + 1);
		if (sscanf(e->name, "namespace%u.", &region) == 1)
			snprintf(e->region, sizeof(e->region), "region%u",
				 region);
	}
	closedir(d);
	qsort(out->ns, out->n, sizeof(out->ns[0]), cmp_ns);
	for (unsigned i = 0; i < out->n; i++) {
		struct vp_nd_namespace *e = &out->ns[i];
		uint64_t v;

		if (attr(root, e->name, "mode", buf, sizeof(buf)))
			return fail(msg, len, root, e->name, "mode",
				    "cannot be read");
		if (strcmp(buf, "memory") == 0) {
			e->mode = VP_MODE_FSDAX;
		} else if (strcmp(buf, "dax") == 0) {
			e->mode = VP_MODE_DEVDAX;
		} else {
			snprintf(e->skip, sizeof(e->skip),
				 "mode %s: no struct pages", buf);
			continue;
		}
		if (attr_u64(root, e->name, "size", &e->raw_size) ||
		    attr_u64(root, e->name, "resource", &e->start))
			return fail(msg, len, root, e->name, "size or resource",
				    "expected numbers");
		e->raw_known = true;
		if (attr_u64(root, e->name, "numa_node", &v) == 0 && v < 4096)
			e->numa_node = (int)v;
		if (e->region[0])
			attr_u64(root, e->region, "align", &e->region_align);
		if (claim(root, e, msg, len))
			return -1;
	}
	return 0;
}
