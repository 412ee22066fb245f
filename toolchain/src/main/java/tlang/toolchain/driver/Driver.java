package tlang.toolchain.driver;

import tlang.backend.BackendException;
import tlang.backend.CodeGenerator;
import tlang.backend.OptLevel;
import tlang.backend.Target;
import tlang.backend.tools.LlvmTools;
import tlang.frontend.Frontend;
import tlang.frontend.check.CheckedProgram;
import tlang.frontend.diag.Diagnostic;
import tlang.frontend.diag.DiagnosticRenderer;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.modules.Manifest;
import tlang.frontend.source.SourceFile;
import tlang.midend.PanicStrategy;
import tlang.midend.lower.AstToTir;
import tlang.midend.tir.TirModule;
import tlang.midend.tir.TirPrinter;
import tlang.midend.tir.TirVerifier;
import tlang.toolchain.CompileErrors;
import tlang.toolchain.UserError;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The pipeline behind `tcc build`, `run` and `check`: read the source, run the frontend,
 * lower to TIR, verify it, generate code with LLVM, and link with the cached runtime.
 * Errors in the program are printed as diagnostics ({@link CompileErrors}); problems with
 * the invocation or the environment become {@link UserError}s.
 */
public final class Driver {
    /** {@code link}: C sources, objects and archives to link into the executable (`--link`). */
    public record Options(Path source, Target target, OptLevel opt, Emit emit, Path output, PanicStrategy panic, List<Path> link) {
        public Options(Path source, Target target, OptLevel opt, Emit emit, Path output) {
            this(source, target, opt, emit, output, PanicStrategy.UNWIND);
        }

        public Options(Path source, Target target, OptLevel opt, Emit emit, Path output, PanicStrategy panic) {
            this(source, target, opt, emit, output, panic, List.of());
        }
    }

    /** How diagnostics are printed: JSON lines for tools, or text, coloured for terminals. */
    public record DiagnosticStyle(boolean json, boolean color) {
        public static final DiagnosticStyle PLAIN = new DiagnosticStyle(false, false);
    }

    private final PrintStream err;
    private final DiagnosticStyle style;

    public Driver(PrintStream err) {
        this(err, DiagnosticStyle.PLAIN);
    }

    public Driver(PrintStream err, DiagnosticStyle style) {
        this.err = err;
        this.style = style;
    }

    /**
     * Type-checks a program: a source file (and the module files it declares), or a package
     * directory with a t.toml; throws {@link CompileErrors} after printing them.
     */
    public CheckedProgram check(Path source) {
        Diagnostics diags = new Diagnostics();
        SourceFile entry;
        String crate;
        String shown = source.toString();
        if (Files.isDirectory(source)) {
            Manifest manifest = manifest(source, diags);
            Path entryPath = source.resolve(manifest.entry()).normalize(); // `tcc build .` shows `src/main.t`
            if (!Files.isRegularFile(entryPath)) {
                diags.error(ErrorCode.E1604, manifest.entrySpan(), "the package's entry file `" + entryPath + "` does not exist",
                        manifest.entry().equals(Manifest.DEFAULT_ENTRY)
                                ? "help: create `" + entryPath + "` with `fn main() { ... }`, or name another file with `entry = \"...\"`"
                                : "help: create it, or correct `entry`");
                report(diags, shown);
            }
            entry = read(entryPath);
            crate = manifest.crateName();
            shown = manifest.name();
        } else {
            entry = read(source);
            crate = moduleName(source);
        }
        CheckedProgram program = Frontend.analyze(entry, crate, diags);
        report(diags, shown);
        return program;
    }

    /** A package's manifest; its errors are printed and thrown. */
    private Manifest manifest(Path dir, Diagnostics diags) {
        Path toml = dir.resolve(Manifest.FILE_NAME).normalize();
        if (!Files.exists(toml)) {
            throw new UserError("`" + dir + "` is a directory without a " + Manifest.FILE_NAME + "; give a `.t` file, or a package directory (see `tcc build --help`)");
        }
        Manifest m = Manifest.parse(read(toml), diags);
        if (m == null) report(diags, dir.toString());
        return m;
    }

    /**
     * The name of what a build makes: the package's name for a package directory (its
     * directory's name while the manifest cannot say), else the file's module name.
     */
    public static String programName(Path source) {
        if (!Files.isDirectory(source)) return moduleName(source);
        try {
            Path toml = source.resolve(Manifest.FILE_NAME);
            String text = Files.readString(toml);
            Manifest m = Manifest.parse(new SourceFile(toml.toString(), text), new Diagnostics());
            if (m != null) return m.name();
        } catch (IOException | RuntimeException e) {
            // The build itself reports what is wrong with the manifest.
        }
        Path name = source.toAbsolutePath().normalize().getFileName();
        return name == null ? "main" : moduleName(Path.of(name + ".t"));
    }

    /** Builds what {@code o.emit()} asks for at {@code o.output()}. */
    public void build(Options o) {
        checkOutputWritable(o.output());
        ForeignCode.check(o.link(), o.emit());
        CheckedProgram program = check(o.source());
        TirModule tir = AstToTir.lower(program);
        List<String> problems = TirVerifier.verify(tir);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("internal compiler error: invalid TIR after lowering:\n  " + String.join("\n  ", problems));
        }
        // At every level: under --panic=abort nothing unwinds (no unwind edges, no landing
        // pads), and a copy at a variable's last use is a move (a language rule).
        tir = tlang.midend.pass.Pipeline.required(true, o.panic() != PanicStrategy.ABORT).run(tir);
        if (o.opt() != tlang.backend.OptLevel.O0) {
            // T's own passes, then LLVM's; the verifier checks TIR after each (it is cheap).
            tir = tlang.midend.pass.Pipeline.standard(true, o.panic() != PanicStrategy.ABORT).run(tir);
        }
        if (o.emit() == Emit.TIR) {
            write(o.output(), TirPrinter.print(tir));
            return;
        }
        try (CodeGenerator gen = new CodeGenerator(tir, o.target(), o.opt(), o.panic())) {
            switch (o.emit()) {
                case OBJ -> gen.write(CodeGenerator.Output.OBJECT, o.output());
                case ASM -> gen.write(CodeGenerator.Output.ASSEMBLY, o.output());
                case LLVM_IR -> gen.write(CodeGenerator.Output.LLVM_IR, o.output());
                case EXE -> linkExecutable(gen, o);
                case TIR -> throw new IllegalStateException();
            }
        } catch (BackendException e) {
            throw new UserError(e.getMessage());
        }
    }

    private void linkExecutable(CodeGenerator gen, Options o) {
        Path cache = CacheDirectory.root();
        LlvmTools tools = LlvmTools.locate(cache);
        Path runtime = RuntimeLibrary.archive(o.target(), tools, cache, err);
        Path work = null;
        try {
            work = Files.createTempDirectory("tcc-");
            Path object = work.resolve(moduleName(o.source()) + ".o");
            gen.write(CodeGenerator.Output.OBJECT, object);
            List<Path> extra = ForeignCode.objects(o.link(), o.target(), tools, work);
            Linker.link(tools, o.target(), object, extra, runtime, o.output());
        } catch (IOException e) {
            throw new UserError("cannot create a temporary directory: " + e.getMessage());
        } finally {
            deleteQuietly(work);
        }
    }

    /** The module name of a file: its name without `.t`, made into an identifier. */
    public static String moduleName(Path source) {
        String name = source.getFileName().toString();
        if (name.endsWith(".t")) name = name.substring(0, name.length() - 2);
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) b.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        if (b.isEmpty() || Character.isDigit(b.charAt(0))) b.insert(0, '_');
        return b.toString();
    }

    private SourceFile read(Path source) {
        try {
            if (Files.isDirectory(source)) {
                throw new UserError("`" + source + "` is a directory; give a `.t` file");
            }
            byte[] bytes = Files.readAllBytes(source);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return new SourceFile(source.toString(), text);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read `" + source + "`: no such file");
        } catch (CharacterCodingException e) {
            throw new UserError("cannot read `" + source + "`: it is not valid UTF-8");
        } catch (IOException e) {
            throw new UserError("cannot read `" + source + "`: " + e.getMessage());
        }
    }

    /** Prints the diagnostics; throws after errors, which stop the build of {@code program} (a file, a package). */
    private void report(Diagnostics diags, String program) {
        // In source order, whichever phase found them; file by file, in the order the files first appear.
        java.util.Map<SourceFile, Integer> files = new java.util.HashMap<>();
        for (Diagnostic d : diags.all()) files.putIfAbsent(d.span().file(), files.size());
        List<Diagnostic> sorted = diags.all().stream()
                .sorted(Comparator.comparingInt((Diagnostic d) -> files.get(d.span().file())).thenComparingInt(d -> d.span().start())).toList();
        for (Diagnostic d : sorted) {
            if (style.json()) err.println(tlang.frontend.diag.DiagnosticJson.render(d));
            else err.print(DiagnosticRenderer.render(d, style.color()));
        }
        if (diags.hasErrors()) {
            int n = diags.shownErrorCount();
            if (!style.json()) err.println("error: could not compile `" + program + "` due to " + n + " previous error" + (n == 1 ? "" : "s"));
            throw new CompileErrors(n);
        }
    }

    private static void checkOutputWritable(Path output) {
        Path abs = output.toAbsolutePath();
        if (Files.isDirectory(abs)) throw new UserError("cannot write output `" + output + "`: it is a directory");
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) throw new UserError("cannot write output `" + output + "`: directory `" + (parent == null ? "/" : parent) + "` does not exist");
        if (!Files.isWritable(parent) || (Files.exists(abs) && !Files.isWritable(abs))) {
            throw new UserError("cannot write output `" + output + "`: permission denied");
        }
    }

    private static void write(Path output, String text) {
        try {
            Files.writeString(output, text);
        } catch (IOException e) {
            throw new UserError("cannot write output `" + output + "`: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless.
        }
    }
}
