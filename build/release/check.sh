#!/usr/bin/env bash
# Checks the artefacts `make release` wrote: build/release/check.sh VERSION COMMIT DIST STAGE.
# Each check prints "ok: ..." or "FAIL: ..."; the last line counts them, and
# the exit status is 1 when any failed. Installing the .deb needs root or
# sudo -n; without either that part is skipped, and said so loudly.
set -uo pipefail
version=$1 commit=$2 dist=$3 stage=$4
want="AffDesk $version ($commit)"
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
# check DESCRIPTION COMMAND...: runs the command quietly and records the result.
check() {
	local what=$1
	shift
	if out=$("$@" 2>&1); then ok "$what"; else fail "$what"; echo "$out" | sed 's/^/    /' | tail -20; fi
}
release() { go run ./build/release "$@"; }

installer=$dist/AffDesk-$version-windows-amd64-installer.exe
portable=$dist/AffDesk-$version-windows-amd64-portable.zip
deb=$dist/AffDesk-$version-linux-amd64.deb
tarball=$dist/AffDesk-$version-linux-amd64.tar.gz
cli=$dist/affdesk-cli-$version-linux

check "SHA256SUMS lists $(wc -l <"$dist/SHA256SUMS" 2>/dev/null) files and each matches" \
	bash -c "cd '$dist' && sha256sum --strict -c SHA256SUMS"
check "SHA256SUMS covers every artefact in $dist" \
	bash -c "cd '$dist' && diff <(ls | grep -vx SHA256SUMS) <(awk '{print \$2}' SHA256SUMS | sort)"

# Windows: the exe from the portable zip, then what the installer carries.
7z x -y -o"$tmp/portable" "$portable" >/dev/null
check "portable zip holds only AffDesk.exe" \
	test "$(ls "$tmp/portable")" = AffDesk.exe
check "AffDesk.exe is a GUI-subsystem PE with icon, manifest and version $version" \
	release check-exe "$tmp/portable/AffDesk.exe" "$version"
listing=$(7z l -slt "$installer" | sed -n 's/^Path = //p')
for f in AffDesk.exe Uninstall.exe '$PLUGINSDIR/MicrosoftEdgeWebview2Setup.exe'; do
	check "installer carries $f (7z l)" grep -qxF "$f" <<<"$listing"
done
7z x -y -o"$tmp/installer" "$installer" AffDesk.exe Uninstall.exe >/dev/null
check "installer's AffDesk.exe is the portable one" cmp "$tmp/installer/AffDesk.exe" "$tmp/portable/AffDesk.exe"
# 7z shows files only: shortcuts and the uninstaller are instructions run at
# install time, so they are read from makensis's log of this build.
log=$stage/windows/makensis.log
for line in 'CreateShortcut: "$SMPROGRAMS\AffDesk.lnk"->"$INSTDIR\AffDesk.exe"' \
	'CreateShortcut: "$DESKTOP\AffDesk.lnk"->"$INSTDIR\AffDesk.exe"' \
	'WriteUninstaller: "$INSTDIR\Uninstall.exe"' \
	'Section: "un.Also remove my AffDesk data"' \
	'RMDir: /r "$APPDATA\AffDesk"'; do
	check "installer script compiled: ${line%%->*}" grep -qF "$line" "$log"
done
check "data removal is unticked by default (/o)" grep -qE '^Section /o "un\.Also remove my AffDesk data"' build/windows/installer/affdesk.nsi

# The command-line builds: static, and the amd64 one runs.
check "affdesk-cli amd64 is static" release check-elf "$cli-amd64" amd64
check "affdesk-cli amd64 version prints $want" test "$("$cli-amd64" version)" = "$want"
check "affdesk-cli arm64 is a static arm64 ELF" release check-elf "$cli-arm64" arm64
if qemu=$(command -v qemu-aarch64 || command -v qemu-aarch64-static); then
	check "affdesk-cli arm64 version prints $version (qemu)" test "$("$qemu" "$cli-arm64" version)" = "$want"
else
	echo "note: no qemu-user here: the arm64 CLI's ELF header was checked, it was not run"
fi

# The tarball: a prefix layout for ~/.local.
contents=$(tar -tzf "$tarball")
top=AffDesk-$version-linux-amd64
for f in bin/affdesk share/applications/affdesk.desktop share/icons/hicolor/256x256/apps/affdesk.png; do
	check "tarball holds $top/$f" grep -qxF "$top/$f" <<<"$contents"
done

# The .deb: its control data, then a real install and removal.
debver=$(release debversion "$version")
check "deb: package affdesk, version $debver" test "$(dpkg-deb -f "$deb" Package Version | tr '\n' ' ')" = "Package: affdesk Version: $debver "
check "deb depends on libgtk-3-0 and libwebkit2gtk-4.1-0" \
	bash -c "dpkg-deb -f '$deb' Depends | grep -q libgtk-3-0 && dpkg-deb -f '$deb' Depends | grep -q libwebkit2gtk-4.1-0"
check "deb maintainer and description are set" \
	bash -c "dpkg-deb -f '$deb' Maintainer | grep -q '<' && dpkg-deb -f '$deb' Description | grep -q AffDesk"
debfiles=$(dpkg-deb -c "$deb")
check "deb carries its license in /usr/share/doc/affdesk/copyright" grep -q ' ./usr/share/doc/affdesk/copyright$' <<<"$debfiles"
check "deb folders are all drwxr-xr-x" bash -c "! grep '^d' <<<\"\$1\" | grep -v '^drwxr-xr-x'" _ "$debfiles"

if [ "$(id -u)" = 0 ]; then
	sudo=()
elif sudo -n true 2>/dev/null; then
	sudo=(sudo -n)
else
	sudo=(none)
fi
if [ "${sudo[0]:-}" = none ]; then
	echo "!!!!!!!! SKIPPED: installing the .deb needs root or passwordless sudo; dpkg -i / dpkg -r were NOT checked !!!!!!!!"
elif dpkg-query -W -f='${Status}' affdesk 2>/dev/null | grep -q 'install ok installed'; then
	echo "!!!!!!!! SKIPPED: affdesk is already installed from a package here; not replacing it, so dpkg -i / dpkg -r were NOT checked !!!!!!!!"
else
	check "dpkg -i installs the .deb" "${sudo[@]}" dpkg -i "$deb"
	check "affdesk on PATH is /usr/bin/affdesk" test "$(command -v affdesk)" = /usr/bin/affdesk
	check "affdesk version prints $want" test "$(affdesk version 2>&1)" = "$want"
	check "desktop-file-validate passes on the installed .desktop" desktop-file-validate /usr/share/applications/affdesk.desktop
	check "hicolor icons installed in 8 sizes" test "$(ls /usr/share/icons/hicolor/*/apps/affdesk.png | wc -l)" = 8
	check "dpkg -r removes it" "${sudo[@]}" dpkg -r affdesk
	check "/usr/bin/affdesk is gone" test ! -e /usr/bin/affdesk
	check "no affdesk files left" bash -c "! ls /usr/share/applications/affdesk.desktop /usr/share/icons/hicolor/*/apps/affdesk.png 2>/dev/null | grep -q ."
fi

echo "release-check: $passed passed, $failed failed"
[ "$failed" = 0 ]
