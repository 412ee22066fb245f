#!/bin/sh
# run-tests.sh — build the runtime and every test-c/*.c for both targets,
# run each with arguments `a bc` and compare stdout, stderr and exit status
# with the .expected, .expected_stderr and .expected_status files.
#
# This is the by-hand twin of the Java harness, with the same commands.
# Needs the bundled LLVM tools (clang, ld.lld) and, unless the host is
# AArch64, qemu-aarch64-static.  Usage, from anywhere:
#
#   LLVM_BIN=/path/to/llvm/bin [LD_LIBRARY_PATH=...] native-runtime/test-c/run-tests.sh
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

fail=0
for arch in x86_64 aarch64; do
	triple=$arch-unknown-linux-gnu
	obj=$work/$arch
	rm -rf "$obj" && mkdir -p "$obj/rt"
	for src in "$rt"/src/*.c "$rt"/arch/$arch/*.S; do
		name=$(basename "$src")
		"$bin/clang" --target=$triple $cflags -I"$rt/include" -I"$rt/src" \
			-I"$rt/arch/$arch" -c "$src" -o "$obj/rt/$name.o"
	done
	if [ "$arch" = "$host" ]; then run=""; else run="qemu-$arch-static"; fi
	for test in "$here"/*.c; do
		name=$(basename "$test" .c)
		"$bin/clang" --target=$triple $cflags -I"$rt/include" -I"$rt/src" \
			-I"$rt/arch/$arch" -c "$test" -o "$obj/$name.o"
		"$bin/ld.lld" -static -e _start --gc-sections \
			-o "$obj/$name" "$obj"/rt/*.o "$obj/$name.o"
		status=0
		$run "$obj/$name" a bc >"$obj/$name.out" 2>"$obj/$name.err" || status=$?
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
