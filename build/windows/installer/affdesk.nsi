; AffDesk's Windows installer, built by `make release` with makensis, which
; gets the built files and the version as defines:
;
;   makensis -DVERSION=1.2.0 -DWINVERSION=1.2.0.0 -DEXE=AffDesk.exe
;            -DICON=affdesk.ico -DWEBVIEW2=MicrosoftEdgeWebview2Setup.exe
;            -DOUTFILE=AffDesk-1.2.0-windows-amd64-installer.exe affdesk.nsi
;
; It installs for all users under Program Files, adds Start-menu and desktop
; shortcuts, installs the WebView2 Runtime when it is missing, and registers
; an uninstaller that keeps the user's data unless asked to remove it.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"

!define PRODUCT "AffDesk"
!define APP_EXE "AffDesk.exe"
!define UNINSTALL_EXE "Uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\AffDesk"
; The WebView2 Runtime's client ID in EdgeUpdate's registry keys.
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_PAGE "https://developer.microsoft.com/microsoft-edge/webview2/"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails show

VIProductVersion "${WINVERSION}"
VIFileVersion "${WINVERSION}"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "CompanyName" "${PRODUCT}"
VIAddVersionKey "LegalCopyright" "${PRODUCT}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!define MUI_COMPONENTSPAGE_TEXT_TOP "AffDesk's program files and shortcuts will be removed. Your data (connections, templates, automations, run history and backups, in %AppData%\AffDesk) is kept unless you tick the box below."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "${PRODUCT} needs Windows 10 or later." /SD IDOK
    Abort
  ${EndIf}
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "${PRODUCT} needs 64-bit Windows (x64)." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

; HasWebView2 sets $0 to the installed WebView2 Runtime's version, or to ""
; when neither the machine-wide nor the user's install is there.
Function HasWebView2
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
FunctionEnd

; The WebView2 Runtime draws AffDesk's window. Windows 11 and updated
; Windows 10 have it; otherwise Microsoft's bootstrapper, carried in this
; installer, downloads and installs it (this needs the internet).
Section "-WebView2 Runtime"
  Call HasWebView2
  ${If} $0 != ""
    DetailPrint "WebView2 Runtime $0 is installed."
    Return
  ${EndIf}
  DetailPrint "Installing the WebView2 Runtime (Microsoft's bootstrapper downloads it)..."
  InitPluginsDir
  File "/oname=$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" "${WEBVIEW2}"
  ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
  Call HasWebView2
  ${If} $0 == ""
    MessageBox MB_OK|MB_ICONEXCLAMATION "The WebView2 Runtime could not be installed (code $1). AffDesk needs it to open its window: install it from ${WEBVIEW2_PAGE} and start AffDesk again." /SD IDOK
  ${EndIf}
SectionEnd

Section "-AffDesk"
  SetOutPath "$INSTDIR"
  File "/oname=${APP_EXE}" "${EXE}"
  WriteUninstaller "$INSTDIR\${UNINSTALL_EXE}"
  SetShellVarContext all
  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}"
  CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PRODUCT}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALL_EXE}"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALL_EXE}" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; The program, its shortcuts and its registration always go.
Section "un.Program files and shortcuts" UnProgram
  SectionIn RO
  SetShellVarContext all
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${UNINSTALL_EXE}"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd

; Unticked by default, and never chosen by a silent uninstall (/S): the
; data folder of the user running the uninstaller, and the window's
; WebView2 data (%AppData%\AffDesk.exe). Secrets kept in Windows
; Credential Manager are not touched.
Section /o "un.Also remove my AffDesk data" UnData
  SetShellVarContext current
  RMDir /r "$APPDATA\${PRODUCT}"
  RMDir /r "$APPDATA\${APP_EXE}"
  SetShellVarContext all
SectionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${UnProgram} "AffDesk.exe, the uninstaller and the Start-menu and desktop shortcuts."
  !insertmacro MUI_DESCRIPTION_TEXT ${UnData} "Deletes %AppData%\AffDesk (the data file, its backups and settings) and the window's cache. This cannot be undone."
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
