# bash completion for vmemplan(1)                          -*- shell-script -*-
# SPDX-License-Identifier: GPL-2.0-only
#
# Uses bash-completion's _init_completion when it is loaded; otherwise falls
# back to plain COMP_WORDS/COMP_CWORD and compgen, so that it also works when
# sourced into "bash --norc".  tests/docs/check-options.sh checks that every
# option of "vmemplan --help" is listed here.

_vmemplan()
{
    local cur prev words cword split=false
    local prefix=

    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s || return
    else
        COMPREPLY=()
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
        cur=${words[cword]}
        prev=
        ((cword > 0)) && prev=${words[cword - 1]}
        # With '=' in COMP_WORDBREAKS (the default), "--mmu=ha" arrives as
        # the words "--mmu" "=" "ha".
        if [[ $cur == = && $prev == --* ]]; then
            cur=
            split=true
        elif [[ $prev == = ]] && ((cword > 1)) &&
            [[ ${words[cword - 2]} == --* ]]; then
            prev=${words[cword - 2]}
            split=true
        elif [[ $cur == --*=* ]]; then
            # '=' is not a word break here: the reply must keep "--opt=".
            prev=${cur%%=*}
            cur=${cur#*=}
            prefix=$prev=
            split=true
        fi
    fi

    local values=
    case $prev in
        --help | --usage | --version | -'?' | -h | -V)
            return
            ;;
        --topology)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            return
            ;;
        --sysroot)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -d -- "$cur"))
            return
            ;;
        --node)
            values='0 1 2 3'
            ;;
        --device | -d | --usable | -u)
            # SIZE[@START]: nothing sensible to offer.
            return
            ;;
        --region-align)
            values='16M 32M 64M'
            ;;
        --ways)
            values='1 2 4 6 8 12 16'
            ;;
        --struct-page-size)
            values='64 80 128 256'
            ;;
        --boot-ram)
            values='1G 4G 16G 64G 256G'
            ;;
        --hash-16m)
            values='no yes'
            ;;
        --kernel-has | --kernel-lacks)
            values='6acd7d5ef264 2522afb86a8c 4917f55b4ef9 6e9f05dc66f9 c91d71363084 2045a3b8911b 87a7ae75d738 c8eebc4a99f1 6722b2571205
                368a0590d954 27af67f35631 f2b79c0d7968 e96d9a938e89
                9cf7e13fecba f5164797284d'
            ;;
        --align | -a)
            values='4K 64K 2M 16M'
            ;;
        --arch)
            values='ppc64 ppc64le x86_64'
            ;;
        --engine)
            values='reference runlength'
            ;;
        --format)
            values='text json csv svg'
            ;;
        --compare)
            values='mmu=radix,hash page-size=4K,64K map=dev,mem mode=fsdax,devdax
                kernel=6.1.192,6.12.117 align=2M,1G arch=ppc64,x86_64'
            ;;
        --sweep)
            values='16G..64T:x2 1G..1T:x4 16G..1T:16G'
            ;;
        --plan | --from-ndctl)
            compopt -o default 2>/dev/null
            return
            ;;
        --from-sysfs)
            compopt -o dirnames 2>/dev/null
            return
            ;;
        --ram)
            values='1G@0 4G@0 64G@0'
            ;;
        --output | -o)
            # A file name: let readline complete it.
            compopt -o default 2>/dev/null
            return
            ;;
        --kernel | -k)
            values='6.1.192 6.1.184 6.1.45 6.1.39 6.1.12 6.1.0 4.13 4.14 4.16 4.19 4.20 5.1 5.3 5.4 5.14 5.15 6.6 6.8 6.12.117 6.15 6.17'
            ;;
        --map)
            values='dev mem'
            ;;
        --mmu | -m)
            values='hash radix'
            ;;
        --mode)
            values='devdax fsdax'
            ;;
        --page-size | -p)
            values='4K 64K'
            ;;
        *)
            if $split; then
                # --json=, --bytes=...: these take no value.
                return
            fi
            ;;
    esac

    # Read compgen's lines into COMPREPLY without word splitting or
    # globbing ("-?" is a pattern).
    local line
    if [[ -n $values ]]; then
        while IFS= read -r line; do
            COMPREPLY+=("$line")
        done < <(compgen -P "$prefix" -W "$values" -- "$cur")
        return
    fi

    # vmemplan takes no operands: offer the options for an empty word too.
    if [[ -z $cur || $cur == -* ]]; then
        local opts='--align --arch --batch --bytes --device --engine --help --json
            --region-align --usable --ways -u --boot-ram --hash-16m --kfence
            --radix-only --struct-page-size --la57 --kernel-has --kernel-lacks --explain --node
            --topology --sysroot --host --format --output --compare --sweep
            --plan --ram --from-ndctl --from-sysfs
            --kernel --map --mmu --mode --page-size --usage --version
            -a -b -d -h -j -k -m -o -p -V -?'
        while IFS= read -r line; do
            COMPREPLY+=("$line")
        done < <(compgen -W "$opts" -- "$cur")
    fi
} &&
    complete -F _vmemplan vmemplan

# ex: filetype=sh
