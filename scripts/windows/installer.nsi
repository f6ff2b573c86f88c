; The Taza Field installer for Windows (issue 12), made by scripts/windows-build with makensis:
;
;     makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSOURCE=dist\windows\TazaField -DOUTFILE=...setup.exe
;              -DICON=app.ico -DSTRINGS=installer-strings.nsh -DLANGDIR=scripts\windows\nsis installer.nsi
;
; For the person at the laptop, who has no administrator rights: the program goes into
; %LOCALAPPDATA%\Programs\TazaField, a Start-menu entry and an uninstaller (Settings > Apps) come with it.
; The data folder, %LOCALAPPDATA%\TazaField (fieldapp/paths.py), is never touched: an upgrade replaces
; the program only, and the uninstaller leaves the records, photos and backups where they are.
; IT staff put the laptop's enrolment file (*.provision.json) beside the installer; it is copied beside
; the program, where the first start picks it up. Silent: Setup.exe /S [/D=folder]; the exit code is not
; 0 when nothing was installed (the app open, a newer version there).

; 64-bit like the app (a 32-bit Windows cannot run it); and Wine without its 32-bit half runs it.
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all
RequestExecutionLevel user
!ifdef QUICK  ; for tests that need another installer soon, not for shipping
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 32
!endif

!ifndef VERSION | VERSION4 | SOURCE | OUTFILE | ICON | STRINGS | LANGDIR
  !error "scripts/windows-build passes VERSION, VERSION4, SOURCE, OUTFILE, ICON, STRINGS and LANGDIR"
!endif

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh
!include WordFunc.nsh

!define APP "TazaField"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define SETTINGS_KEY "Software\${APP}"

Name "Taza Field"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "Taza Field ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

Var InstalledVersion
Var ProvisioningFile

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; The language chosen at the first install is offered again on upgrade and used by the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${SETTINGS_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES
; Asked before a language is known: in all three.
!define MUI_LANGDLL_WINDOWTITLE "Taza Field"
!define MUI_LANGDLL_INFO "Тілді таңдаңыз / Выберите язык / Choose a language"

!define MUI_WELCOMEPAGE_TEXT "$(TEXT_WELCOME)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\TazaField.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(TEXT_RUN)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(TEXT_UNINSTALL_KEEPS_DATA)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first is the one chosen when Windows' own language is none of the three.
!insertmacro MUI_LANGUAGEEX "${LANGDIR}" "Kazakh"
!insertmacro MUI_LANGUAGE "Russian"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL
!include "${STRINGS}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "Taza Field"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "Taza Field ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "Taza Field"

; The program's own files, as an upgrade removes them and the uninstaller does. What else is in the
; folder (an enrolment file not yet used, a portable data folder someone made there) stays.
!macro REMOVE_PROGRAM_FILES
  RMDir /r "$INSTDIR\_internal"
  RMDir /r "$INSTDIR\_internal.old"
  Delete "$INSTDIR\TazaField.exe"
  Delete "$INSTDIR\fieldapp.exe"
!macroend

; Error flag set when Taza Field is running: it holds the mutex Local\TazaField (fieldapp/running.py),
; and Windows refuses to open a running executable for writing (Wine does not, hence the mutex).
!macro CHECK_NOT_RUNNING
  ClearErrors
  System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "Local\TazaField") p .r0'
  ${If} $0 P<> 0
    System::Call 'kernel32::CloseHandle(p r0)'
    SetErrors
  ${Else}
    ${If} ${FileExists} "$INSTDIR\TazaField.exe"
      FileOpen $0 "$INSTDIR\TazaField.exe" a
      ${IfNot} ${Errors}
        FileClose $0
      ${EndIf}
    ${EndIf}
    ${IfNot} ${Errors}
    ${AndIf} ${FileExists} "$INSTDIR\fieldapp.exe"
      FileOpen $0 "$INSTDIR\fieldapp.exe" a
      ${IfNot} ${Errors}
        FileClose $0
      ${EndIf}
    ${EndIf}
  ${EndIf}
!macroend

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "Taza Field" SectionProgram
  SectionIn RO
  SetShellVarContext current

  ; Installing an older version over a newer one is asked first (its database may be too new).
  ReadRegStr $InstalledVersion HKCU "${UNINSTALL_KEY}" "DisplayVersion"
  ${If} $InstalledVersion != ""
    ${VersionCompare} "$InstalledVersion" "${VERSION}" $0
    ${If} $0 == 1
      MessageBox MB_YESNO|MB_ICONEXCLAMATION "$(TEXT_NEWER)" /SD IDNO IDYES older_confirmed
      DetailPrint "$(TEXT_NEWER)"
      SetErrorLevel 3
      Abort
      older_confirmed:
    ${EndIf}
  ${EndIf}

  retry_running:
  !insertmacro CHECK_NOT_RUNNING
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(TEXT_RUNNING)" /SD IDCANCEL IDRETRY retry_running
    DetailPrint "$(TEXT_RUNNING)"
    SetErrorLevel 4
    Abort
  ${EndIf}

  ; An older version's files go first: a library it had and this version has not would be loaded.
  ; Its library folder is moved aside in one step, which Windows refuses while any of it is in use, so
  ; a refusal leaves the old program whole; only then are the rest deleted.
  RMDir /r "$INSTDIR\_internal.old"
  ${If} ${FileExists} "$INSTDIR\_internal\*.*"
    ClearErrors
    Rename "$INSTDIR\_internal" "$INSTDIR\_internal.old"
    ${If} ${Errors}
      MessageBox MB_OK|MB_ICONSTOP "$(TEXT_REMOVE_FAILED)" /SD IDOK
      DetailPrint "$(TEXT_REMOVE_FAILED)"
      SetErrorLevel 5
      Abort
    ${EndIf}
  ${EndIf}
  !insertmacro REMOVE_PROGRAM_FILES

  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"

  ; The enrolment file IT staff left beside the installer (a USB stick, a shared folder).
  ${If} $EXEDIR != $INSTDIR
    FindFirst $1 $ProvisioningFile "$EXEDIR\*.provision.json"
    ${DoWhile} $ProvisioningFile != ""
      CopyFiles /SILENT "$EXEDIR\$ProvisioningFile" "$INSTDIR\$ProvisioningFile"
      DetailPrint "$(TEXT_PROVISIONING)"
      FindNext $1 $ProvisioningFile
    ${Loop}
    FindClose $1
  ${EndIf}

  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateShortcut "$SMPROGRAMS\Taza Field.lnk" "$INSTDIR\TazaField.exe" "" "$INSTDIR\TazaField.exe" 0

  ; Settings > Apps lists it for this user.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Taza Field"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Taza Field"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\TazaField.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext current

  retry_running:
  !insertmacro CHECK_NOT_RUNNING
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(TEXT_RUNNING)" /SD IDCANCEL IDRETRY retry_running
    DetailPrint "$(TEXT_RUNNING)"
    SetErrorLevel 4
    Abort
  ${EndIf}

  !insertmacro REMOVE_PROGRAM_FILES
  Delete "$INSTDIR\*.provision.json"
  Delete "$INSTDIR\Uninstall.exe"
  ; Only when empty: whatever else someone keeps there stays.
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\Taza Field.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegValue HKCU "${SETTINGS_KEY}" "InstallerLanguage"
  DeleteRegKey /ifempty HKCU "${SETTINGS_KEY}"
  ; The data folder, $LOCALAPPDATA\TazaField, is not touched (the confirmation page says so).
SectionEnd
