package tlang.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The C and assembly sources of the native runtime, as packaged in this module's jar under
 * `trt/` (or the classes directory during development). tcc compiles them for a target on
 * first use; see toolchain's RuntimeLibrary.
 */
public final class RuntimeSources {
    private RuntimeSources() {}

    /** One file: its path relative to native-runtime/ (e.g. `src/io.c`) and its bytes. */
    public record SourceFile(String path, byte[] content) {
        public boolean isCompiled() { return path.endsWith(".c") || path.endsWith(".S"); }
    }

    private static List<SourceFile> cached;

    /**
     * All runtime files, sorted by path so that hashing them is deterministic. Read once per
     * process: the jar's file system is shared by URI, so concurrent readers must not each
     * open and close it.
     */
    public static synchronized List<SourceFile> all() {
        if (cached == null) cached = load();
        return cached;
    }

    private static List<SourceFile> load() {
        URL marker = RuntimeSources.class.getResource("/trt/include/trt.h");
        if (marker == null) throw new IllegalStateException("the runtime sources are missing from tcc's class path (trt/include/trt.h)");
        try {
            if (marker.getProtocol().equals("jar")) {
                String spec = marker.toString();
                java.net.URI jar = java.net.URI.create(spec.substring(0, spec.indexOf("!/")));
                try (FileSystem fs = newOrExisting(jar)) {
                    return collect(fs.getPath("/trt"));
                } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                    return collect(FileSystems.getFileSystem(jar).getPath("/trt"));
                }
            }
            Path root = Path.of(marker.toURI()).getParent().getParent();
            return collect(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileSystem newOrExisting(java.net.URI jar) throws IOException {
        return FileSystems.newFileSystem(jar, Map.of());
    }

    private static List<SourceFile> collect(Path root) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(p)) {
                    files.add(new SourceFile(rel, in.readAllBytes()));
                }
            }
        }
        return List.copyOf(files);
    }
}
