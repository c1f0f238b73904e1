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
	/* 64K pages on ppc64 (distribution kernels), 4K on x86-64. */
	if (!in->page_shift)
		in->page_shift = in->arch == VP_ARCH_X86_64 ? 12 : 16;
	if (!in->start_given)
		in->start = vp_default_start(&in->plat);
}

uint64_t vp_default_start(const struct vp_platform *plat)
{
	const uint64_t step = 16ULL << 30;

	return (plat->boot_ram_bytes / step + 1) * step;
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
