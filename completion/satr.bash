# Bash completion for the satr programs. Source it, or install it as
# share/bash-completion/completions/PROGRAM (make install does).
#
# The options are read from each program's --help, once a shell, so they
# are always the program's own; so are the choices written a|b|c in its
# usage lines. The values of the other options are in the table below,
# which tests/cli/completion checks against the programs.

# What an option's value is: a word list, or one of the kinds below.
declare -gA _satr_value_kind=(
	[--invalid]="fail replace skip"
	[--from]="auto"
	[-p]=profiles [--profile]=profiles [--norm]=profiles
	[-s]=steps [--steps]=steps
	[--types]="types PER ORG LOC MISC MONEY DATE TIME PERCENT"
)

# Per program: its options, the options that take a value, and the
# choices of the usage lines (option, then its choices, a line each).
declare -gA _satr_options _satr_takes_value _satr_choices

_satr_read_help() {	# program
	local help line opt
	help=$("$1" --help 2>/dev/null) || return 1
	_satr_options[$1]= _satr_takes_value[$1]= _satr_choices[$1]=
	while IFS= read -r line; do
		# "  -H, --header    ..." or "      --invalid=MODE  ..."
		[[ $line =~ ^\ +((-[[:alnum:]]),\ )?(--[[:alnum:]-]+)(=?)(\ [A-Z]+)? ]] ||
		    continue
		opt=${BASH_REMATCH[3]}${BASH_REMATCH[4]}
		_satr_options[$1]+=" ${BASH_REMATCH[2]} $opt"
		[ -n "${BASH_REMATCH[4]}${BASH_REMATCH[5]}" ] &&
		    _satr_takes_value[$1]+=" ${BASH_REMATCH[2]} ${BASH_REMATCH[3]}"
	done <<<"$help"
	# "[--unit sentence|paragraph|line]" in the usage lines.
	while IFS= read -r line; do
		opt=${line%% *}
		_satr_choices[$1]+=$'\n'"$opt ${line#* }"
	done < <(grep -oE -- '--?[[:alnum:]-]+ [a-z]+(\|[a-z]+)+' \
	    <<<"${help%%Options:*}" | tr '|' ' ')
}

# The words an option's value may be; none for files and free text.
_satr_values() {	# program, option
	local line kind
	while IFS= read -r line; do
		[ "${line%% *}" = "$2" ] && { echo "${line#* }"; return; }
	done <<<"${_satr_choices[$1]}"
	kind=${_satr_value_kind[$2]-}
	case $kind in
	profiles|steps)
		satr-norm --list 2>/dev/null |
		    awk -F '\t' -v k="${kind%s}" '$1 == k { printf "%s ", $2 }' ;;
	types\ *) echo "${kind#types }" ;;
	*) echo "$kind" ;;
	esac
}

_satr() {
	local prog=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} opt= values prefix=
	local prev=${COMP_WORDS[COMP_CWORD - 1]-}
	COMPREPLY=()
	[ -n "${_satr_options[$prog]+set}" ] || _satr_read_help "$1" || return
	# --opt=value is three words, as = breaks words.
	if [ "$cur" = = ]; then
		opt=$prev cur=
	elif [ "$prev" = = ] && [ "$COMP_CWORD" -ge 2 ]; then
		opt=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ " ${_satr_takes_value[$prog]} " = *" $prev "* ]]; then
		opt=$prev
	fi
	if [ -n "$opt" ]; then
		values=$(_satr_values "$prog" "$opt")
		[ -n "$values" ] || { compopt -o default 2>/dev/null; return; }
		# Lists (--types PER,ORG): complete the last item.
		if [[ $opt = --types || $opt = -s || $opt = --steps ]]; then
			prefix=${cur%"${cur##*,}"}
			cur=${cur##*,}
		fi
		mapfile -t COMPREPLY < <(compgen -P "$prefix" -W "$values" -- "$cur")
		return
	fi
	if [[ $cur = -* ]]; then
		mapfile -t COMPREPLY < <(compgen -W "${_satr_options[$prog]}" -- "$cur")
		[[ ${COMPREPLY[0]-} = *= ]] && compopt -o nospace 2>/dev/null
		return
	fi
	compopt -o default 2>/dev/null
}

complete -F _satr satr-count satr-dedup satr-ent satr-norm satr-split satr-tok satr-train \
    satr-daily-entities satr-load-postgres satr-parallel
