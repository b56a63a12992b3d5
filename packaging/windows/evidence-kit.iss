; Inno Setup 6 script of the Windows installer. build.py compiles it after the frozen build:
;   ISCC /DAppVersion=0.1.0 /DSourceDir=dist\evidence-kit /DOutputDir=dist /DIconFile=...\evidence-kit.ico evidence-kit.iss
; A per-user install: no administrator rights, into %LOCALAPPDATA%\Programs\Evidence Kit, with a
; Start-menu entry and an uninstaller (Settings > Apps). The file associations are optional tasks,
; off by default, and registered for this user only (HKCU\Software\Classes).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\evidence-kit"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\evidence_kit\icons\evidence-kit.ico"
#endif
#define AppName "Evidence Kit"
#define AppExe "Evidence Kit.exe"
#define ProgId "EvidenceKit.Case"

[Setup]
; the AppId stays the same for every release, so an update replaces the old version
AppId={{504138A9-CA81-44A6-829E-E10C42C2C7F6}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The Evidence Kit developers
AppPublisherURL=https://github.com/evidencekit/evidence-kit
AppSupportURL=https://github.com/evidencekit/evidence-kit/issues
VersionInfoVersion={#AppVersion}
; lowest: no UAC prompt; {autopf} then means the user's own Programs folder
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=Evidence-Kit-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
InfoBeforeFile={#SourceDir}\SOURCE-OFFER.txt
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[CustomMessages]
english.AssocGroup=Open with Evidence Kit:
russian.AssocGroup=Открывать в Evidence Kit:
english.AssocFolders=Folders: an "Open in Evidence Kit" entry in the folder menu
russian.AssocFolders=Папки: пункт «Открыть в Evidence Kit» в меню папки
english.AssocCase=Case files (case.json): Evidence Kit in the "Open with" list
russian.AssocCase=Файлы дел (case.json): Evidence Kit в списке «Открыть с помощью»
english.OpenInApp=Open in Evidence Kit
russian.OpenInApp=Открыть в Evidence Kit

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "assocfolders"; Description: "{cm:AssocFolders}"; GroupDescription: "{cm:AssocGroup}"; Flags: unchecked
Name: "assoccase"; Description: "{cm:AssocCase}"; GroupDescription: "{cm:AssocGroup}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open in Evidence Kit" on folders (a case is a folder)
Root: HKA; Subkey: "Software\Classes\Directory\shell\EvidenceKit"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenInApp}"; Flags: uninsdeletekey; Tasks: assocfolders
Root: HKA; Subkey: "Software\Classes\Directory\shell\EvidenceKit"; ValueType: string; ValueName: "Icon"; ValueData: """{app}\{#AppExe}"",0"; Tasks: assocfolders
Root: HKA; Subkey: "Software\Classes\Directory\shell\EvidenceKit\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""; Tasks: assocfolders
; case.json: offered in "Open with", never made the default app for .json files
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Evidence Kit case"; Flags: uninsdeletekey; Tasks: assoccase
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: assoccase
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" open ""%1"""; Tasks: assoccase
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: assoccase

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
