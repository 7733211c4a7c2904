package dev.whitelabel.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * README.md and the pages it leads to, in the order a newcomer reads them, as the tests read them: their
 * fenced blocks, each with the HTML comment just above it. The shell blocks of a page go on from the
 * state the pages before it left (the same shell, the same server).
 */
record Readme(Path root, List<Page> pages) {

    /** Each page's shell blocks run after those of the pages before it. */
    static final List<String> PAGES = List.of(
            "README.md",
            "docs/api-tour.md",
            "docs/sessions.md",
            "docs/gateways.md",
            "docs/webhooks.md",
            "docs/shared-signals.md",
            "docs/console.md",
            "docs/configuration.md",
            "docs/operations.md",
            "docs/production.md",
            "docs/guarantees.md",
            "docs/architecture.md",
            "bench/README.md");

    private static final Pattern NOTE = Pattern.compile("^<!--\\s*(.*?)\\s*-->$");

    /** One page: its path from the repository's root, its lines. */
    record Page(String name, List<String> lines) {}

    /** A fenced block: its page, its language, the line of its opening fence (1-based), the note above it, its text. */
    record Block(String page, String language, int line, Optional<String> note, List<String> lines) {

        String text() {
            return String.join("\n", lines);
        }

        /** {@code docs/sessions.md line 12}: where a reader finds the block. */
        String where() {
            return page + " line " + line;
        }

        /** Why the block is not run, when its note says {@code not run: why}. */
        Optional<String> notRun() {
            return note.filter(text -> text.startsWith("not run:"))
                    .map(text -> text.substring("not run:".length()).strip());
        }
    }

    /** The pages of the repository this test runs in: the nearest directory up from here with a README.md. */
    static Readme read() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(directory.resolve("README.md"))) {
            directory = directory.getParent();
            if (directory == null) {
                throw new IllegalStateException(
                        "no README.md above " + Path.of("").toAbsolutePath());
            }
        }
        List<Page> pages = new ArrayList<>();
        for (String name : PAGES) {
            try {
                pages.add(new Page(name, Files.readAllLines(directory.resolve(name), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Readme(directory, List.copyOf(pages));
    }

    /** The lines of one page, by its name in {@link #PAGES}. */
    List<String> lines(String page) {
        return pages.stream()
                .filter(each -> each.name().equals(page))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a page: " + page))
                .lines();
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (Page page : pages) {
            blocks.addAll(blocks(page));
        }
        return blocks;
    }

    List<Block> blocks(String language) {
        return blocks().stream()
                .filter(block -> block.language().equals(language))
                .toList();
    }

    private static List<Block> blocks(Page page) {
        List<String> lines = page.lines();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String language = line.substring(3).strip();
            Optional<String> note = Optional.empty();
            int above = i - 1;
            while (above >= 0 && lines.get(above).isBlank()) {
                above--;
            }
            if (above >= 0) {
                Matcher matcher = NOTE.matcher(lines.get(above).strip());
                if (matcher.matches()) {
                    note = Optional.of(matcher.group(1));
                }
            }
            int start = i;
            List<String> text = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                text.add(lines.get(i));
            }
            if (i == lines.size()) {
                throw new IllegalStateException(
                        page.name() + " line " + (start + 1) + ": a fenced block that never closes");
            }
            blocks.add(new Block(page.name(), language, start + 1, note, List.copyOf(text)));
        }
        return blocks;
    }
}
