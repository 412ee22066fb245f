#!/bin/sh
# run-tests.sh — build the runtime and every test-c/*.c for both targets,
# run each with arguments `a bc` and compare stdout, stderr and exit status
# with the .expected, .expected_stderr and .expected_status files.
#
# This is the by-hand twin of the Java harness, with the same commands.
# Needs the bundled LLVM tools (clang, ld.lld) and, unless the host is
# AArch64, qemu-aarch64-static.  Usage, from anywhere:
#
#   LLVM_BIN=/path/to/llvm/bin [LD_LIBRARY_PATH=...] native-runtime/test-c/run-tests.sh [NAME...]
#
# With NAMEs, only those tests run.  Optional companions of NAME.c:
#   NAME.cflags   extra clang flags for NAME.c (and NAME.ll), e.g. -fexceptions
#   NAME.ll       LLVM IR, linked in; compiled with the same clang for the
#                 same target: clang --target=T -O2 -fno-pic
#                 -Wno-override-module [NAME.cflags] -c NAME.ll (tcc's
#                 static relocation model)
#   NAME.env      KEY=VALUE lines added to the test's environment
# On stderr, the line qemu-user adds when a guest dies of a signal
# ("qemu: uncaught target signal N (...) - core dumped") is dropped before
# comparing, so one .expected_stderr serves both targets.
#
# Exits non-zero if any test fails.  Work files go to $TMPDIR/trt-tests.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
rt=$(dirname "$here")
bin=${LLVM_BIN:?set LLVM_BIN to the directory holding clang and ld.lld}
work=${TMPDIR:-/tmp}/trt-tests
host=$(uname -m)

# The runtime's compile flags (docs/runtime.md explains each).
cflags="-std=c11 -ffreestanding -nostdlib -fno-builtin -fno-stack-protector
        -fno-pic -O2 -funwind-tables -ffunction-sections -fdata-sections
        -Wall -Wextra -Werror"

if [ $# -gt 0 ]; then
	tests=""
	for n in "$@"; do tests="$tests $here/$n.c"; done
else
	tests="$here/*.c"
fi

fail=0
for arch in x86_64 aarch64; do
	triple=$arch-unknown-linux-gnu
	# Per-target flags, as RuntimeLibrary.cflags(target) adds them: inline
	# atomics on AArch64 (no calls to libgcc's outline helpers).
	case $arch in
	x86_64) emu=elf_x86_64; tflags="" ;;
	aarch64) emu=aarch64linux; tflags="-mno-outline-atomics" ;;
	esac
	obj=$work/$arch
	rm -rf "$obj" && mkdir -p "$obj/rt"
	for src in "$rt"/src/*.c "$rt"/arch/$arch/*.S; do
		name=$(basename "$src")
		"$bin/clang" --target=$triple $cflags $tflags -I"$rt/include" -I"$rt/src" \
			-I"$rt/arch/$arch" -c "$src" -o "$obj/rt/$name.o"
	done
	if [ "$arch" = "$host" ]; then run=""; else run="qemu-$arch-static"; fi
	for test in $tests; do
		name=$(basename "$test" .c)
		extra=""
		[ -f "$here/$name.cflags" ] && extra=$(cat "$here/$name.cflags")
		"$bin/clang" --target=$triple $cflags $tflags $extra -I"$rt/include" -I"$rt/src" \
			-I"$rt/arch/$arch" -c "$test" -o "$obj/$name.o"
		objs="$obj/$name.o"
		if [ -f "$here/$name.ll" ]; then
			"$bin/clang" --target=$triple -O2 -fno-pic -Wno-override-module \
				$extra -c "$here/$name.ll" -o "$obj/$name.ll.o"
			objs="$objs $obj/$name.ll.o"
		fi
		"$bin/ld.lld" -m $emu -static -e _start --gc-sections --eh-frame-hdr \
			-z noexecstack -o "$obj/$name" "$obj"/rt/*.o $objs
		env=""
		[ -f "$here/$name.env" ] && env=$(cat "$here/$name.env")
		# The redirections happen inside the inner shell, so that the
		# message a shell prints about a child killed by a signal
		# ("Aborted") goes to the outer, discarded stderr, not to the
		# program's captured stderr.
		status=0
		{ sh -c 'exec "$@" >"$0.out" 2>"$0.err.raw"' "$obj/$name" \
			env $env $run "$obj/$name" a bc; } 2>/dev/null || status=$?
		grep -v '^qemu: uncaught target signal [0-9]* (.*) - core dumped$' \
			"$obj/$name.err.raw" >"$obj/$name.err" || true
		ok=true
		cmp -s "$obj/$name.out" "$here/$name.expected" || ok=false
		cmp -s "$obj/$name.err" "$here/$name.expected_stderr" || ok=false
		[ "$status" = "$(cat "$here/$name.expected_status")" ] || ok=false
		if $ok; then
			echo "ok   $arch $name"
		else
			echo "FAIL $arch $name (status $status; output in $obj)"
			fail=1
		fi
	done
done
exit $fail
