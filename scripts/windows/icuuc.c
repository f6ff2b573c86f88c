/* A stand-in for Windows' icuuc.dll under Wine 8.0, which has none.
 *
 * Qt 6's Windows build links the ICU that Windows 10 (1903 and later) and 11 carry in System32, for
 * the text converters of legacy encodings only (ucnv_*; Qt6Core imports nothing else from it). Wine
 * 8.0 has no icuuc.dll, so Qt6Core does not load at all. This stand-in opens no converter: ucnv_open
 * fails with U_FILE_ACCESS_ERROR and Qt keeps to its own UTF-8, UTF-16 and Latin-1 codecs, which are
 * all Taza Field uses. scripts/windows-build compiles it into the Wine prefix's system32 only: it is
 * never part of the app (PyInstaller leaves system32's DLLs out, and the build's check says so). */
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

static void *failing(int *status)
{
    if (status && *status <= 0)
        *status = U_FILE_ACCESS_ERROR;
    return 0;
}

EXPORT void *ucnv_open(const char *name, int *status) { (void)name; return failing(status); }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, int *status)
{
    (void)name; (void)standard; return failing(status);
}
EXPORT int ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int n) { (void)n; return 0; }

/* Everything else takes a converter, and none can exist: nothing to do, nothing to return. */
#define NOTHING(name) EXPORT void *name(void) { return 0; }
NOTHING(ucnv_close)
NOTHING(ucnv_reset)
NOTHING(ucnv_getMaxCharSize)
NOTHING(ucnv_getName)
NOTHING(ucnv_getToUCallBack)
NOTHING(ucnv_getFromUCallBack)
NOTHING(ucnv_setToUCallBack)
NOTHING(ucnv_setFromUCallBack)
NOTHING(ucnv_cbToUWriteUChars)
NOTHING(ucnv_cbFromUWriteUChars)
NOTHING(ucnv_toUnicode)
NOTHING(ucnv_fromUnicode)
NOTHING(ucnv_toUCountPending)
NOTHING(ucnv_fromUCountPending)
NOTHING(UCNV_FROM_U_CALLBACK_SUBSTITUTE)
NOTHING(UCNV_TO_U_CALLBACK_SUBSTITUTE)
