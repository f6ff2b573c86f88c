# Shared by scripts/windows-build and scripts/windows-python: the Wine prefix and the Windows
# CPython the build makes in build/windows/, and how to run Windows programs there.
# Sourced after scripts/bootstrap.sh (which sets ROOT).

WIN="$ROOT/build/windows"
DOWNLOADS="$WIN/downloads"
PY="$WIN/python"

export WINEPREFIX="$WIN/prefix"
export WINEDEBUG=-all
# No prompts to install Mono or Gecko: nothing here needs .NET or an HTML engine.
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64
# Windows programs see the Unix environment: a Linux path in these would mean nothing to them.
unset PIP_FIND_LINKS PIP_CONSTRAINT PIP_CERT PIP_CONFIG_FILE PYTHONPATH VIRTUAL_ENV
export PIP_CONFIG_FILE=NUL
export PIP_DISABLE_PIP_VERSION_CHECK=1

winpath() { # a Linux path as Windows programs under Wine name it (Z: is the root)
    printf 'Z:%s' "${1//\//\\}"
}

# wine_run DIR PROGRAM ARGS...: PROGRAM run in DIR. Wine hands a Windows program an invalid handle for
# a closed descriptor or a redirected regular file (Python then dies in init_sys_streams, WinError 6),
# so stdin is /dev/null and stdout and stderr reach the caller through pipes.
wine_run() {
    local dir="$1"
    shift
    (cd "$dir" && wine "$@" </dev/null 2> >(cat >&2) | cat)
}

wpython() { wine_run "$PY" "$PY/python.exe" "$@"; }
