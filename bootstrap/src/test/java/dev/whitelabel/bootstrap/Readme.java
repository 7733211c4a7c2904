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

/** The repository's README.md as the tests read it: its fenced blocks, each with the HTML comment just above it. */
record Readme(Path root, List<String> lines) {

    private static final Pattern NOTE = Pattern.compile("^<!--\\s*(.*?)\\s*-->$");

    /** A fenced block: its language, the line of its opening fence (1-based), the note above it, its text. */
    record Block(String language, int line, Optional<String> note, List<String> lines) {

        String text() {
            return String.join("\n", lines);
        }

        /** Why the block is not run, when its note says {@code not run: why}. */
        Optional<String> notRun() {
            return note.filter(text -> text.startsWith("not run:"))
                    .map(text -> text.substring("not run:".length()).strip());
        }
    }

    /** README.md of the repository this test runs in: the nearest directory up from here that has one. */
    static Readme read() {
        Path directory = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(directory.resolve("README.md"))) {
            directory = directory.getParent();
            if (directory == null) {
                throw new IllegalStateException(
                        "no README.md above " + Path.of("").toAbsolutePath());
            }
        }
        try {
            return new Readme(directory, Files.readAllLines(directory.resolve("README.md"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Block> blocks() {
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
                throw new IllegalStateException("README.md line " + (start + 1) + ": a fenced block that never closes");
            }
            blocks.add(new Block(language, start + 1, note, List.copyOf(text)));
        }
        return blocks;
    }

    List<Block> blocks(String language) {
        return blocks().stream()
                .filter(block -> block.language().equals(language))
                .toList();
    }
}
