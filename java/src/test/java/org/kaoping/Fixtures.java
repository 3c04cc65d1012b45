package org.kaoping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.Assume.assumeTrue;

/**
 * Where the tests find the shared inputs and the CLI's outputs. System properties (set by
 * java/test.sh and by the pom's surefire configuration), else paths from the repository root or
 * from java/.
 */
final class Fixtures {
    private Fixtures() {}

    /** Reads JSON like the library does: decimals exactly. */
    static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static Path find(String property, String fromRoot) {
        String p = System.getProperty(property);
        if (p != null && !p.isEmpty()) return Path.of(p);
        Path here = Path.of(fromRoot);
        return Files.exists(here) ? here : Path.of("..").resolve(fromRoot);
    }

    /** The sample hall, examples/data/county-2026.json. */
    static Path sample() {
        return find("kaoping.sample", "examples/data/county-2026.json");
    }

    /** tests/fixtures/bad-dataset.json: three bad records. */
    static Path bad() {
        return find("kaoping.bad", "tests/fixtures/bad-dataset.json");
    }

    /** A file the kaoping command wrote (java/test.sh writes them; scripts/test_ffi.sh writes some). */
    static JsonNode cli(String name) throws IOException {
        Path f = find("kaoping.fixtures", "target/fixtures").resolve(name);
        assumeTrue("no " + f + ": run java/test.sh (or scripts/test_ffi.sh) to write the kaoping command's outputs", Files.exists(f));
        return JSON.readTree(f.toFile());
    }

    static byte[] sampleBytes() throws IOException {
        return Files.readAllBytes(sample());
    }
}
