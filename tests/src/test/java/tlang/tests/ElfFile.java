package tlang.tests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Just enough ELF reading to check what tcc produced: class, machine, type, interpreter. */
record ElfFile(int machine, int type, boolean hasInterpreter, boolean hasDynamic) {
    static final int EM_X86_64 = 62, EM_AARCH64 = 183;
    static final int ET_REL = 1, ET_EXEC = 2, ET_DYN = 3;

    static ElfFile read(Path p) throws IOException {
        byte[] bytes = Files.readAllBytes(p);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 64 || b.getInt(0) != 0x464c457f) throw new AssertionError(p + " is not an ELF file");
        if (bytes[4] != 2) throw new AssertionError(p + " is not a 64-bit ELF file");
        int type = Short.toUnsignedInt(b.getShort(16));
        int machine = Short.toUnsignedInt(b.getShort(18));
        long phoff = b.getLong(32);
        int phentsize = Short.toUnsignedInt(b.getShort(54)), phnum = Short.toUnsignedInt(b.getShort(56));
        boolean interp = false, dynamic = false;
        for (int i = 0; i < phnum; i++) {
            int ptype = b.getInt((int) (phoff + (long) i * phentsize));
            if (ptype == 3) interp = true;  // PT_INTERP
            if (ptype == 2) dynamic = true; // PT_DYNAMIC
        }
        return new ElfFile(machine, type, interp, dynamic);
    }

    boolean isStaticExecutable() { return type == ET_EXEC && !hasInterpreter && !hasDynamic; }
}
