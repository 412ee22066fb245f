package tlang.tests;

import tlang.toolchain.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs `tcc check` on a file in this JVM, time-boxed, and judges the result for
 * {@link RobustnessTest}: bad input must get diagnostics and status 1 (or 0 if it happens to
 * be valid, or 2 if the file is not UTF-8), never an internal error, a leaked Java exception
 * or a hang.
 */
final class MutatorCheck implements AutoCloseable {
    enum Verdict {
        /** Status 0: the mutant is a valid program. */
        VALID(true),
        /** Status 1 with well-formed diagnostics. */
        ERRORS(true),
        /** Status 2 for a file that is not UTF-8. */
        NOT_UTF8(true),
        /** Status 3: an internal compiler error (an exception escaped the compiler). */
        CRASH(false),
        /** No answer within the time limit. */
        HANG(false),
        /** More output than {@link #OUTPUT_CAP}: diagnostics that grow without bound (and take as long to print). */
        FLOOD(false),
        /** Any other status, malformed diagnostics, or Java exception text in the output. */
        BAD_OUTPUT(false);

        final boolean ok;
        Verdict(boolean ok) { this.ok = ok; }
    }

    /**
     * What happened. {@code signature} identifies a failure for grouping and for matching
     * known bugs: for a crash the exception class and the first compiler frame (for a stack
     * overflow, the compiler class that recursed); {@code detail} is the evidence.
     */
    record Outcome(Verdict verdict, int exitCode, String signature, String detail, long millis) {}

    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at ([\\w$.]+)\\.([\\w$<>]+)\\(", Pattern.MULTILINE);
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|picocli|tlang)\\.[\\w.$]*(?:Exception|Error)\\b|^\\s+at [\\w.$/]+\\(|internal compiler error|Caused by:",
            Pattern.MULTILINE);

    private final long timeoutMillis;
    private ExecutorService pool = newPool();

    MutatorCheck(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    private static ExecutorService newPool() {
        // Daemon threads with the JVM's default stack size, like the thread `tcc` runs on;
        // a hung check is abandoned rather than blocking the JVM's exit.
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tcc-check");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes {@code bytes} to {@code file}, checks it and judges the result. */
    Outcome check(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        String path = file.toString();
        long start = System.nanoTime();
        // --verbose only adds the stack trace to an internal error, which gives the crash's signature.
        Future<Tcc.Result> f = pool.submit(() -> run("check", path, "--verbose"));
        Tcc.Result r;
        try {
            r = f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            pool.shutdownNow();
            pool = newPool();
            return new Outcome(Verdict.HANG, -1, "hang", "no result after " + timeoutMillis + " ms", timeoutMillis);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof OutputFlood) {
                return new Outcome(Verdict.FLOOD, -1, "stderr over " + (OUTPUT_CAP >> 20) + " MiB",
                        "stopped after " + (OUTPUT_CAP >> 20) + " MiB of output, " + millis(start) + " ms", millis(start));
            }
            // Main.execute promises never to throw; if it does, that is a crash too.
            return new Outcome(Verdict.CRASH, -1, "Main.execute threw " + t, stackTrace(t), millis(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return judge(path, bytes, r, millis(start));
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Stops a compile whose output has grown past {@link #OUTPUT_CAP}: an Error, so that no compiler catch swallows it. */
    static final class OutputFlood extends Error {
        OutputFlood() { super("output over " + OUTPUT_CAP + " bytes", null, false, false); }
    }

    /** Most a check may write to stdout or stderr; far beyond any sensible diagnostics for the corpus' mutants. */
    static final long OUTPUT_CAP = 64L << 20;

    private static final class CappedOutput extends OutputStream {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        boolean flooded;

        @Override public void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override public void write(byte[] b, int off, int len) {
            if (flooded || buf.size() + (long) len > OUTPUT_CAP) {
                flooded = true; // and stays so: the error report that follows must not get through either
                throw new OutputFlood();
            }
            buf.write(b, off, len);
        }

        String text() { return buf.toString(StandardCharsets.UTF_8); }
    }

    /**
     * {@link Tcc#run}, with the output capped: `tcc ARGS` through the real command line
     * ({@code Main.execute}) in this JVM, on the calling thread. Throws {@link OutputFlood}
     * if either stream went past {@link #OUTPUT_CAP}.
     */
    static Tcc.Result run(String... args) {
        CappedOutput out = new CappedOutput(), err = new CappedOutput();
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (out.flooded || err.flooded) throw new OutputFlood();
        return new Tcc.Result(code, out.text(), err.text());
    }

    static Outcome judge(String path, byte[] bytes, Tcc.Result r, long ms) {
        String err = r.err(), out = r.out();
        boolean utf8 = isUtf8(bytes);
        int code = r.exitCode();
        if (code == 3) return new Outcome(Verdict.CRASH, 3, signature(err), topOfTrace(err, 12), ms);
        // Java exception text anywhere except the quoted source lines of diagnostics.
        String leaked = leakedException(out + "\n" + withoutSourceLines(err));
        if (leaked != null) return bad(code, "Java exception text in the output: " + leaked, err, ms);
        if (!utf8) {
            if (code == 2 && err.contains("is not valid UTF-8") && err.strip().lines().count() == 1) {
                return new Outcome(Verdict.NOT_UTF8, 2, null, null, ms);
            }
            return bad(code, "a file that is not UTF-8 should get exit status 2 and one `not valid UTF-8` line", err, ms);
        }
        if (code != 0 && code != 1) return bad(code, "exit status " + code + " for a UTF-8 file", err, ms);
        String text = new String(bytes, StandardCharsets.UTF_8);
        String problem = diagnosticsProblem(path, text, err, code);
        if (problem != null) return bad(code, problem, err, ms);
        if (!out.isEmpty()) return bad(code, "`tcc check` wrote to stdout", out, ms);
        return new Outcome(code == 0 ? Verdict.VALID : Verdict.ERRORS, code, null, null, ms);
    }

    private static Outcome bad(int code, String problem, String err, long ms) {
        return new Outcome(Verdict.BAD_OUTPUT, code, problem.replaceAll(":.*", "").replaceAll("\\d+", "N"),
                problem + "\n--- stderr (start) ---\n" + firstLines(err, 8), ms);
    }

    private static final Pattern HEADER = Pattern.compile(":(\\d+):(\\d+): (error|warning)(?:\\[[A-Z]\\d{4}\\])?: (.*)", Pattern.DOTALL);

    /**
     * Checks the rendered diagnostics line by line: `path:line:col: error[E0123]: message` headers
     * (the code optional)
     * with positions inside the file, each followed by its ` N | source` and caret lines and
     * any ` = note` lines, then the `error: could not compile` summary.
     */
    static String diagnosticsProblem(String path, String text, String err, int code) {
        if (err.isEmpty()) return code == 1 ? "exit status 1 without any diagnostic" : null;
        if (!err.endsWith("\n")) return "stderr does not end with a newline";
        String[] lines = err.substring(0, err.length() - 1).split("\n", -1);
        String[] sourceLines = text.split("\n", -1);
        int errors = 0;
        boolean summary = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (summary) return "output after the `could not compile` summary: " + l;
            Matcher h = HEADER.matcher(l.startsWith(path + ":") ? l.substring(path.length()) : "");
            if (h.matches()) {
                int line = Integer.parseInt(h.group(1)), col = Integer.parseInt(h.group(2));
                if (line < 1 || line > sourceLines.length) return "line " + line + " is outside the file (" + sourceLines.length + " lines): " + l;
                String src = sourceLines[line - 1];
                int width = src.codePointCount(0, src.length());
                if (col < 1 || col > width + 1) return "column " + col + " is outside line " + line + " (" + width + " code points): " + l;
                if (h.group(3).equals("error")) errors++;
                if (h.group(4).isBlank()) return "empty message: " + l;
                String echo = " " + line + " | ";
                if (i + 2 >= lines.length || !lines[i + 1].startsWith(echo)) return "no source line after: " + l;
                if (!lines[i + 2].matches(" {" + (Integer.toString(line).length() + 2) + "}\\| *\\^+")) return "no caret line after: " + l;
                i += 2;
                while (i + 1 < lines.length && lines[i + 1].startsWith(" ".repeat(Integer.toString(line).length() + 2) + "= ")) i++;
                continue;
            }
            if (l.matches("(?s)error: could not compile `.*` due to \\d+ previous errors?")) {
                if (!l.contains("`" + path + "`")) return "summary names another file: " + l;
                int n = Integer.parseInt(l.replaceAll(".* due to (\\d+) previous.*", "$1"));
                if (n != errors) return "summary counts " + n + " errors, " + errors + " were printed";
                summary = true;
                continue;
            }
            return "unexpected line on stderr: " + l;
        }
        if (code == 1 && errors == 0) return "exit status 1 without an `error:` diagnostic";
        if (code == 1 && !summary) return "exit status 1 without the `could not compile` summary";
        if (code == 0 && (errors > 0 || summary)) return "exit status 0 despite errors";
        return null;
    }

    /** stderr without the ` N | source` and caret lines, which quote the (arbitrary) program. */
    private static String withoutSourceLines(String err) {
        StringBuilder b = new StringBuilder();
        for (String l : err.split("\n", -1)) {
            if (l.matches("(?s) \\d+ \\| .*") || l.matches(" +\\| *\\^+")) continue;
            b.append(l).append('\n');
        }
        return b.toString();
    }

    private static String leakedException(String s) {
        Matcher m = JAVA_EXCEPTION.matcher(s);
        if (!m.find()) return null;
        int start = s.lastIndexOf('\n', m.start()) + 1;
        int end = s.indexOf('\n', m.end());
        return s.substring(start, end < 0 ? s.length() : end).strip();
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * `java.lang.X at tlang.pkg.Class.method` for most crashes; for a stack overflow, whose
     * top frame is wherever the stack ran out, the compiler class that recursed the most.
     */
    static String signature(String verboseErr) {
        Matcher ice = Pattern.compile("internal compiler error: ([\\w.$]+)").matcher(verboseErr);
        String exception = ice.find() ? ice.group(1) : "unknown";
        Matcher m = STACK_FRAME.matcher(verboseErr);
        Map<String, Integer> classes = new HashMap<>();
        String first = null;
        while (m.find()) {
            String cls = m.group(1);
            if (!cls.startsWith("tlang.") || cls.startsWith("tlang.toolchain.")) continue;
            if (first == null) first = cls + "." + m.group(2);
            classes.merge(cls.replaceAll("\\$.*", ""), 1, Integer::sum);
        }
        if (exception.endsWith("StackOverflowError")) {
            String top = classes.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse("?");
            return exception + " recursing in " + top;
        }
        return exception + " at " + (first == null ? "?" : first);
    }

    /** The exception line and the first {@code frames} stack frames of a --verbose report. */
    static String topOfTrace(String verboseErr, int frames) {
        List<String> out = new ArrayList<>();
        boolean inTrace = false;
        for (String l : verboseErr.split("\n")) {
            if (l.contains("internal compiler error:")) { out.add(l); inTrace = true; continue; }
            if (inTrace && l.startsWith("\tat ")) {
                if (frames-- <= 0) break;
                out.add(l);
            }
        }
        return String.join("\n", out);
    }

    private static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return firstLines(w.toString(), 12);
    }

    static String firstLines(String s, int n) {
        String[] lines = s.split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, lines.length); i++) b.append(Mutator.abbreviate200(lines[i])).append('\n');
        if (lines.length > n) b.append("... (").append(lines.length - n).append(" more lines)\n");
        return b.toString();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
