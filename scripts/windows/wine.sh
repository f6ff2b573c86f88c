# Shared by scripts/windows-build, windows-python and windows-run: the Wine prefix, the Windows
# CPython the build makes in build/windows/python, and how to run Windows programs there.
# Sourced after scripts/bootstrap.sh (which sets ROOT). Wine names a new prefix's Windows user after
# $USER (the tests make one for «Әсел»); USER must then be the same for every program run there.

WIN="$ROOT/build/windows"
DOWNLOADS="$WIN/downloads"
PY="$WIN/python"

# The build's Wine prefix lives outside the repository: its dosdevices/z: is a link to /, and a tool
# that walks the repository following links (setuptools does, for an editable install) would walk
# the whole disk. TAZA_WINEPREFIX names another.
export WINEPREFIX="${TAZA_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/taza-field/wine-prefix}"
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

# ensure_prefix: the Wine prefix $WINEPREFIX, made on first use, as the build and the tests need it.
ensure_prefix() {
    if [ ! -d "$WINEPREFIX/drive_c" ]; then
        echo "Making the Wine prefix $WINEPREFIX"
        mkdir -p "$WINEPREFIX"
        local log
        log="$(mktemp)"
        wineboot --init >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; exit 1; }
        rm -f "$log"
        wineserver --wait
        # No X display here: Wine's null graphics driver lets Windows programs make their windows
        # anyway (Qt's own Windows platform, not its offscreen one: Wine hides QT_* variables from
        # Windows programs, so QT_QPA_PLATFORM set here would not reach them).
        wine reg add 'HKCU\Software\Wine\Drivers' /v Graphics /d null /f >/dev/null 2>&1
    fi
    # Two DLLs every Windows 10/11 has and Wine 8.0 (Debian 12) lacks, as small stand-ins compiled once
    # from scripts/windows/*.c into build/windows/stand-ins/ and copied into the prefix's system32
    # (where PyInstaller leaves DLLs out of the app): bcryptprimitives.dll (ProcessPrng, which
    # pydantic-core's Rust needs) and icuuc.dll (Qt6Core's ucnv_*). A Wine that has its own keeps it.
    local system32="$WINEPREFIX/drive_c/windows/system32" stub builtin dir src made
    for stub in bcryptprimitives icuuc; do
        builtin=""
        for dir in /usr/lib/x86_64-linux-gnu/wine/x86_64-windows /usr/lib/wine/x86_64-windows /usr/lib64/wine/x86_64-windows; do
            [ -f "$dir/$stub.dll" ] && builtin="$dir/$stub.dll"
        done
        [ -n "$builtin" ] && continue
        src="$ROOT/scripts/windows/$stub.c"
        made="$WIN/stand-ins/$stub.dll"
        if [ ! -f "$made" ] || [ "$src" -nt "$made" ]; then
            echo "Wine has no $stub.dll: compiling the stand-in $src"
            mkdir -p "$WIN/stand-ins"
            x86_64-w64-mingw32-gcc -O2 -shared -s -o "$made" "$src" -ladvapi32
        fi
        cmp -s "$made" "$system32/$stub.dll" || cp "$made" "$system32/$stub.dll"
    done
}
