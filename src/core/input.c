// SPDX-License-Identifier: GPL-2.0-only
#include "input.h"

#include <string.h>

void vp_input_defaults(struct vp_input *in)
{
	struct vp_kver v;

	memset(in, 0, sizeof(*in));
	in->arch = VP_ARCH_PPC64;
	in->mmu = VP_MMU_RADIX;
	in->page_shift = 0;	/* the architecture's default */
	in->mode = VP_MODE_FSDAX;
	in->map = VP_MAP_DEV;
	in->plat.hash_16m = true;
	in->plat.boot_ram_bytes = VP_DEFAULT_BOOT_RAM;
	in->plat.radix_2m = true;
	in->plat.radix_1g = true;
	in->plat.kfence = false;
	in->engine = VP_ENGINE_RUNLENGTH;
	in->ways = 1;
	/* The default version is a constant that resolves by construction. */
	if (vp_kver_parse(VP_KERNEL_DEFAULT, &v) == VP_KVER_OK)
		vp_kernel_resolve(&v, &in->kernel);
}

void vp_input_resolve(struct vp_input *in)
{
	struct vp_platform *pl = &in->plat;
	uint64_t after;
	unsigned i;

	/* 64K pages on ppc64 (distribution kernels), 4K on x86-64. */
	if (!in->page_shift)
		in->page_shift = in->arch == VP_ARCH_X86_64 ? 12 : 16;
	if (pl->nram == 0) {
		pl->ram[0].start = 0;
		pl->ram[0].size = pl->boot_ram_bytes;
		pl->nram = pl->boot_ram_bytes ? 1 : 0;
	} else {
		/* memblock_phys_mem_size(): the total. */
		pl->boot_ram_bytes = 0;
		for (i = 0; i < pl->nram; i++)
			pl->boot_ram_bytes += pl->ram[i].size;
	}
	if (!in->start_given)
		in->start = vp_default_start(pl);
	if (in->ndevs == 0) {
		struct vp_device_spec *d = &in->devs[0];

		memset(d, 0, sizeof(*d));
		strcpy(d->name, "pmem0");
		d->size = in->size;
		d->start = in->start;
		d->start_given = in->start_given;
		d->mode = in->mode;
		d->map = in->map;
		d->align = in->align;
		in->ndevs = 1;
	}
	after = vp_default_start(pl);
	for (i = 0; i < in->ndevs; i++) {
		struct vp_device_spec *d = &in->devs[i];

		if (!d->start_given)
			d->start = after;
		if (d->start + d->size >= d->start)
			after = vp_next_16g(d->start + d->size - 1);
	}
	if (in->nsteps == 0) {
		for (i = 0; i < in->ndevs && i < VP_MAX_STEPS; i++) {
			in->steps[i].op = VP_STEP_ADD;
			in->steps[i].dev = i;
		}
		in->nsteps = i;
	}
}

uint64_t vp_next_16g(uint64_t x)
{
	const uint64_t step = 16ULL << 30;

	return (x / step + 1) * step;
}

uint64_t vp_default_start(const struct vp_platform *plat)
{
	uint64_t end = plat->boot_ram_bytes;
	unsigned i;

	for (i = 0; i < plat->nram; i++)
		if (plat->ram[i].start + plat->ram[i].size > end)
			end = plat->ram[i].start + plat->ram[i].size;
	return vp_next_16g(end);
}

const char *vp_arch_name(enum vp_arch a)
{
	return a == VP_ARCH_PPC64 ? "ppc64" : "x86_64";
}

const char *vp_mmu_name(enum vp_mmu m)
{
	return m == VP_MMU_RADIX ? "radix" : "hash";
}

const char *vp_mode_name(enum vp_mode m)
{
	return m == VP_MODE_FSDAX ? "fsdax" : "devdax";
}

const char *vp_map_name(enum vp_map m)
{
	return m == VP_MAP_DEV ? "dev" : "mem";
}

const char *vp_engine_name(enum vp_engine e)
{
	return e == VP_ENGINE_RUNLENGTH ? "runlength" : "reference";
}
