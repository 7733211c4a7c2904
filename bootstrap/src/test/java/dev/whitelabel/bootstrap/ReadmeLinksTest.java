package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, of docs/*.md and of bench/README.md leads to a file of the repository, so a fresh
 * clone has no dead link: nothing beside the repository, nothing the build writes (target/).
 */
class ReadmeLinksTest {

    // [text](target) and ![alt](target), with an optional "title"
    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    final Path root = Readme.read().root();

    @Test
    void every_relative_link_resolves_to_a_file_in_the_repository() throws IOException {
        List<Path> documents = new ArrayList<>();
        Readme.PAGES.forEach(page -> documents.add(root.resolve(page)));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md"))
                    .filter(path -> !documents.contains(path))
                    .sorted()
                    .forEach(documents::add);
        }
        List<String> checked = new ArrayList<>();
        List<String> dead = new ArrayList<>();
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher link = LINK.matcher(lines.get(i));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.startsWith("#") || target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // an anchor, or an absolute URL (https:, mailto:)
                    }
                    String where = root.relativize(document) + ":" + (i + 1) + " " + target;
                    checked.add(where);
                    Path resolved = document.getParent()
                            .resolve(target.replaceFirst("#.*", ""))
                            .normalize();
                    if (!resolved.startsWith(root)
                            || !Files.exists(resolved)
                            || root.relativize(resolved).toString().matches("(.*/)?target(/.*)?")) {
                        dead.add(where);
                    }
                }
            }
        }
        assertThat(checked).as("relative links found").isNotEmpty();
        assertThat(dead)
                .as("links that lead outside the repository, to nothing, or into a build's output")
                .isEmpty();
    }
}
