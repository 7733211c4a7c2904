package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's Java is compiled and run as tests: each ```java block names, in the HTML comment above
 * it ({@code <!-- java: path/to/SomeTest.java#region -->}), the region of a test class it copies,
 * written there between {@code // README region: begin} and {@code // README region: end}. A block
 * that names no region, or differs from its region, fails here; so does a region no block shows.
 */
class ReadmeJavaSnippetsTest {

    static final Pattern SOURCE = Pattern.compile("java: (\\S+\\.java)#(\\S+)");
    static final Pattern MARKER = Pattern.compile("^\\s*// README (\\S+): (begin|end)\\s*$");

    final Readme readme = Readme.read();

    @Test
    void every_java_block_is_a_region_of_a_test_that_the_build_compiles() {
        List<Readme.Block> blocks = readme.blocks("java");
        assertThat(blocks).isNotEmpty();
        for (Readme.Block block : blocks) {
            Matcher source = SOURCE.matcher(block.note().orElse(""));
            assertThat(source.matches())
                    .as(
                            "%s: a ```java block needs <!-- java: path/to/SomeTest.java#region --> above it, naming"
                                    + " the test region it shows",
                            block.where())
                    .isTrue();
            Path file = readme.root().resolve(source.group(1));
            assertThat(file).as("%s names %s", block.where(), source.group(1)).isRegularFile();
            assertThat(file.toString())
                    .as("a README snippet lives in a test the build compiles")
                    .contains("/src/test/java/");
            Map<String, String> regions = regions(file);
            assertThat(regions)
                    .as("%s: regions of %s", block.where(), source.group(1))
                    .containsKey(source.group(2));
            assertThat(block.text())
                    .as(
                            "%s differs from region %s of %s: change both together",
                            block.where(), source.group(2), source.group(1))
                    .isEqualTo(regions.get(source.group(2)));
        }
    }

    @Test
    void every_readme_region_of_a_test_is_in_the_readme() throws IOException {
        List<String> shown = readme.blocks("java").stream()
                .map(block -> block.note().orElse(""))
                .toList();
        List<String> marked = new ArrayList<>();
        try (Stream<Path> modules = Files.list(readme.root())) {
            for (Path tests : modules.map(module -> module.resolve("src/test/java"))
                    .filter(Files::isDirectory)
                    .toList()) {
                try (Stream<Path> files = Files.walk(tests)) {
                    files.filter(path -> path.toString().endsWith(".java"))
                            .forEach(file -> regions(file)
                                    .keySet()
                                    .forEach(region ->
                                            marked.add("java: " + readme.root().relativize(file) + "#" + region)));
                }
            }
        }
        assertThat(marked).isNotEmpty();
        assertThat(shown)
                .as("README regions of tests, each shown by a ```java block of the README or its pages")
                .containsAll(marked);
    }

    /** The README regions of a source file by name, each without the indentation its lines share. */
    static Map<String, String> regions(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> regions = new TreeMap<>();
        String open = null;
        List<String> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                if (open != null) {
                    body.add(lines.get(i));
                }
                continue;
            }
            String where = file + ":" + (i + 1);
            if (marker.group(2).equals("begin")) {
                assertThat(open)
                        .as("%s: region %s begins inside region %s", where, marker.group(1), open)
                        .isNull();
                open = marker.group(1);
                body.clear();
            } else {
                assertThat(marker.group(1))
                        .as("%s: the end of another region than the one open", where)
                        .isEqualTo(open);
                assertThat(regions).as("%s: region %s twice", where, open).doesNotContainKey(open);
                regions.put(open, dedent(body));
                open = null;
            }
        }
        assertThat(open).as("%s: region %s never ends", file, open).isNull();
        return regions;
    }

    static String dedent(List<String> lines) {
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                lines.stream()
                        .map(line -> line.isBlank() ? "" : line.substring(indent))
                        .toList());
    }
}
