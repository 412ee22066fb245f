package tlang.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** tcc's version and the LLVM it bundles, filled in by the build from the POM. */
public final class Version {
    private Version() {}

    private static final Properties PROPS = new Properties();
    static {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in != null) PROPS.load(in);
        } catch (IOException ignored) {
            // Reported as "unknown" below.
        }
    }

    public static String tcc() { return PROPS.getProperty("version", "unknown"); }

    /** The LLVM release, without the bytedeco packaging suffix (20.1.7-1.5.12 → 20.1.7). */
    public static String llvm() {
        String v = PROPS.getProperty("llvm", "unknown");
        int dash = v.indexOf('-');
        return dash < 0 ? v : v.substring(0, dash);
    }
}
