package tlang.toolchain.driver;

import java.nio.file.Path;

/** Where tcc keeps what it builds once and reuses: `$XDG_CACHE_HOME/tcc`, else `~/.cache/tcc`. */
public final class CacheDirectory {
    private CacheDirectory() {}

    public static Path root() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) return Path.of(xdg, "tcc");
        return Path.of(System.getProperty("user.home"), ".cache", "tcc");
    }
}
