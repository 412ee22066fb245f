package tlang.frontend.ast;

import tlang.frontend.source.SourceFile;

import java.util.List;

/** One parsed source file. {@code name} is the module's name: the file name without `.t`. */
public record Module(String name, SourceFile file, List<Item> items) {}
