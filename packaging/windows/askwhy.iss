; Inno Setup 6 script for AskWhy on Windows. Build the bundle first, on Windows:
;   python packaging\build.py --no-tarball
;   iscc /DAppVersion=0.1.0 packaging\windows\askwhy.iss
; (the version is desktop.__version__; packaging\README.md has a one-liner that reads it).
; Installs per user by default (no admin prompt), like the Linux tarball.

#define AppName "AskWhy"
#define AppId "io.github.askwhy.AskWhy"
#define AppExe "askwhy.exe"
#define BundleDir "..\..\dist\askwhy"
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<desktop.__version__> askwhy.iss
#endif

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The AskWhy developers
AppCopyright=The AskWhy developers, MIT License
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=askwhy-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\askwhy.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running AskWhy (it lives in the tray) is closed before files are replaced.
CloseApplications=yes
RestartApplications=no

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "autostart"; Description: "Start {#AppName} in the tray when I sign in, so reminders arrive on time"; GroupDescription: "Reminders:"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The AppUserModelID ties the Start-menu shortcut to the app's toasts and taskbar button.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"; Comment: "Track applications and ask why you were not selected"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Registry]
; The same Run value the app's own "Start at login" setting writes (desktop/native/autostart.py),
; so the setting and this task agree, and uninstall removes it either way.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"" --minimized"; Flags: uninsdeletevalue; Tasks: autostart

[UninstallRun]
; Stop the tray instance so its files can be removed.
Filename: "{sys}\taskkill.exe"; Parameters: "/IM {#AppExe} /F"; Flags: runhidden; RunOnceId: "StopAskWhy"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The user's data (database, backups) lives in %LOCALAPPDATA%\AskWhy and is never removed.
