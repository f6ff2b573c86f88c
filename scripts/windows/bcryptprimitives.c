/* ProcessPrng for Wine 8.0, which has no bcryptprimitives.dll (Debian 12's Wine; Wine 9 has it).
 *
 * Extensions built with Rust >= 1.78 (pydantic-core) import ProcessPrng from bcryptprimitives.dll,
 * which every Windows 10/11 has. Under Wine 8.0 they fail to load ("DLL load failed ... Module not
 * found"). scripts/windows-build compiles this into the Wine prefix's system32 only: it is part of the
 * Windows that the build runs on, never of the app (PyInstaller leaves system32's DLLs out, and
 * tests/test_windows_build.py checks that it did). */
#include <windows.h>

/* advapi32's RtlGenRandom, exported as SystemFunction036; Wine fills it from the system's generator. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length) {
        ULONG part = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, part))
            return FALSE;
        data += part;
        length -= part;
    }
    return TRUE;
}
