# bash completion for qingdan                               -*- shell-script -*-
_qingdan() {
    local cur prev words cword
    _init_completion || return
    local commands="compile validate text grammars checklist units diff"
    local global="-q --quiet --diagnostics -V --version -h --help"
    local cmd="" w
    for w in "${words[@]:1:cword-1}"; do
        case " $commands " in *" $w "*) cmd=$w; break ;; esac
    done
    case $prev in
        --format|-f)
            case $cmd in
                compile) COMPREPLY=($(compgen -W "json jsonl csv md" -- "$cur")) ;;
                checklist) COMPREPLY=($(compgen -W "csv md json html xlsx" -- "$cur")) ;;
                units) COMPREPLY=($(compgen -W "csv md json" -- "$cur")) ;;
                diff) COMPREPLY=($(compgen -W "md csv json html xlsx" -- "$cur")) ;;
            esac
            return ;;
        --by) [[ $cmd == diff ]] && COMPREPLY=(unit) || COMPREPLY=($(compgen -W "unit province" -- "$cur")); return ;;
        --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
        --diagnostics) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
        --grammars|--data|--out-dir) _filedir -d; return ;;
        -o|--output|--profile) _filedir; return ;;
        --unit|--province|--layout|--threshold) return ;;
    esac
    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        local opts="-h --help"
        case $cmd in
            compile) opts+=" --format -f -o --output --lang --plain --excel --grammars --data --layout" ;;
            validate) opts+=" --strict --grammars --data --layout" ;;
            text) opts+=" --lines --no-join -o --output" ;;
            grammars) opts+=" --grammars" ;;
            checklist) opts+=" --by --unit --province --profile --format -f --out-dir --clean -o --output --lang --plain --excel --grammars --data --layout" ;;
            units) opts+=" --format -f -o --output --lang --plain --excel --grammars --data --layout" ;;
            diff) opts+=" --format -f --unit --by --threshold --summary -o --output --lang --plain --excel --grammars --data --layout" ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    _filedir
} && complete -F _qingdan qingdan
