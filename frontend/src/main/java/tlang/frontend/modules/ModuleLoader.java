package tlang.frontend.modules;

import tlang.frontend.ast.Declarations;
import tlang.frontend.ast.Module;
import tlang.frontend.diag.Diagnostics;
import tlang.frontend.diag.ErrorCode;
import tlang.frontend.parse.Parser;
import tlang.frontend.source.SourceFile;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Reads and parses the files of a package, starting from its entry file and following
 * `mod` declarations, Rust's way: `mod geometry;` in `src/main.t` (or in any `mod.t`) is
 * `src/geometry.t` or `src/geometry/mod.t`; in `src/geometry.t` a `mod shapes;` is
 * `src/geometry/shapes.t` or `src/geometry/shapes/mod.t`. An inline `mod name { ... }`
 * counts as a directory level for the modules it declares. Missing, doubled and
 * circular module files are reported at the `mod` that names them.
 */
public final class ModuleLoader {
    /** Where module files come from: the disk, or (in tests) anything else. */
    public interface Sources {
        boolean exists(Path file);

        /** The file's text; a CharacterCodingException when it is not UTF-8. */
        String read(Path file) throws IOException;

        /** The file's identity, for finding cycles: its real path where it has one. */
        default Path identity(Path file) {
            try {
                return file.toRealPath();
            } catch (IOException | SecurityException e) {
                return file.toAbsolutePath().normalize();
            }
        }
    }

    /** Files on disk, which must be UTF-8. */
    public static final Sources DISK = new Sources() {
        @Override public boolean exists(Path file) { return Files.isRegularFile(file); }

        @Override public String read(Path file) throws IOException {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }
    };

    /** Words that name the places paths start from, so never a module. */
    static final Set<String> RESERVED = Set.of("crate", "super", "self", "Self");

    private final Diagnostics diags;
    private final Sources sources;
    /** The files on the way from the root to the module being loaded, for finding cycles. */
    private final Deque<Path> chain = new ArrayDeque<>();
    private final List<String> chainNames = new ArrayList<>();

    private ModuleLoader(Diagnostics diags, Sources sources) {
        this.diags = diags;
        this.sources = sources;
    }

    /** Parses the entry file and every module it declares, transitively. */
    public static ModuleTree load(SourceFile entry, String crateName, Diagnostics diags, Sources sources) {
        ModuleLoader loader = new ModuleLoader(diags, sources);
        Module ast = Parser.parse(entry, crateName, diags);
        ModuleTree.Node root = new ModuleTree.Node(List.of(), null, entry, ast, null);
        Path entryPath = pathOf(entry.path());
        if (entryPath != null) {
            loader.chain.push(sources.identity(entryPath));
            loader.chainNames.add(entry.path());
        }
        Path dir = entryPath == null ? null : parentOf(entryPath);
        loader.children(root, dir);
        return new ModuleTree(crateName, root);
    }

    private static Path pathOf(String path) {
        try {
            return Path.of(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static Path parentOf(Path file) {
        Path parent = file.getParent();
        return parent == null ? Path.of("") : parent;
    }

    /** Loads the children {@code node} declares; {@code dir} is where their files are (null: nowhere). */
    private void children(ModuleTree.Node node, Path dir) {
        for (Declarations.Mod m : node.ast().decls().mods()) {
            if (RESERVED.contains(m.name())) {
                diags.error(ErrorCode.E1503, m.nameSpan(), "`" + m.name() + "` cannot be the name of a module", "note: `crate`, `super` and `self` start paths");
                continue;
            }
            ModuleTree.Node previous = node.children().get(m.name());
            if (previous != null) {
                diags.error(ErrorCode.E0428, m.nameSpan(), "the name `" + m.name() + "` is defined multiple times",
                        "note: module `" + m.name() + "` is first declared at " + previous.decl().nameSpan());
                continue;
            }
            List<String> path = new ArrayList<>(node.path());
            path.add(m.name());
            if (m.body() != null) {
                ModuleTree.Node child = new ModuleTree.Node(path, node, node.file(), m.body(), m);
                node.addChild(child);
                children(child, dir == null ? null : dir.resolve(m.name()));
                continue;
            }
            if (dir == null) {
                diags.error(ErrorCode.E0583, m.nameSpan(), "file not found for module `" + m.name() + "`",
                        "note: `" + node.file().path() + "` is not a file on disk, so its modules cannot be found next to it");
                continue;
            }
            Path flat = dir.resolve(m.name() + ".t");
            Path nested = dir.resolve(m.name()).resolve("mod.t");
            boolean hasFlat = sources.exists(flat), hasNested = sources.exists(nested);
            if (hasFlat && hasNested) {
                diags.error(ErrorCode.E0761, m.nameSpan(), "file for module `" + m.name() + "` found at both `" + flat + "` and `" + nested + "`",
                        "help: delete or rename one of them");
                continue;
            }
            if (!hasFlat && !hasNested) {
                diags.error(ErrorCode.E0583, m.nameSpan(), "file not found for module `" + m.name() + "`",
                        "help: to create the module `" + m.name() + "`, create file `" + flat + "` or `" + nested + "`",
                        "note: or write its items in place: `mod " + m.name() + " { ... }`");
                continue;
            }
            Path file = hasFlat ? flat : nested;
            Path identity = sources.identity(file);
            if (chain.contains(identity)) {
                List<String> cycle = new ArrayList<>(chainNames.subList(indexInChain(identity), chainNames.size()));
                cycle.add(file.toString());
                diags.error(ErrorCode.E1501, m.nameSpan(), "circular modules: " + String.join(" -> ", cycle),
                        "note: a module file cannot declare itself or a module that contains it");
                continue;
            }
            SourceFile source = read(file, m);
            if (source == null) continue;
            Module ast = Parser.parse(source, m.name(), diags);
            ModuleTree.Node child = new ModuleTree.Node(path, node, source, ast, m);
            node.addChild(child);
            chain.push(identity);
            chainNames.add(file.toString());
            // `geometry.t` keeps its children in `geometry/`; `geometry/mod.t` in its own directory.
            children(child, hasFlat ? dir.resolve(m.name()) : nested.getParent());
            chain.pop();
            chainNames.remove(chainNames.size() - 1);
        }
    }

    /** Position of a file in {@link #chain} counted from the root. */
    private int indexInChain(Path identity) {
        List<Path> fromRoot = new ArrayList<>(chain);
        java.util.Collections.reverse(fromRoot);
        return fromRoot.indexOf(identity);
    }

    private SourceFile read(Path file, Declarations.Mod m) {
        try {
            return new SourceFile(file.toString(), sources.read(file));
        } catch (CharacterCodingException e) {
            diags.error(ErrorCode.E1502, m.nameSpan(), "cannot read `" + file + "`, the file of module `" + m.name() + "`: it is not valid UTF-8");
        } catch (IOException | SecurityException e) {
            diags.error(ErrorCode.E1502, m.nameSpan(), "cannot read `" + file + "`, the file of module `" + m.name() + "`: " + e.getMessage());
        }
        return null;
    }
}
