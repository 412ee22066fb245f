package tlang.toolchain;

import tlang.backend.Target;
import tlang.runtime.RuntimeSources;

import java.util.List;

/** Test access to the package-private cache key. */
final class RuntimeLibraryAccess {
    private RuntimeLibraryAccess() {}

    static String key(Target t, List<RuntimeSources.SourceFile> sources) {
        return tlang.toolchain.driver.RuntimeLibrary.cacheKey(t, sources);
    }
}
