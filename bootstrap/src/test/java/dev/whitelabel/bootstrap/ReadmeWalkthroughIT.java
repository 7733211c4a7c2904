package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README followed literally, as a newcomer does in a fresh clone: the shipped jar serves as the
 * "run it" block says (on a free port instead of 8080), and every ```bash block after it runs in order,
 * in one bash with {@code -e -o pipefail}, from a directory laid out like the repository. Each command
 * must succeed, and its output must fit the answer the README shows in the comment after it (see
 * {@link ReadmeAnswer} for how). A block that needs what a fresh machine lacks is marked with
 * {@code <!-- not run: why -->} above it.
 */
class ReadmeWalkthroughIT {

    static final Path JAR = Path.of("target", "whitelabel.jar").toAbsolutePath();
    static final String JAVA_HOME_BIN =
            Path.of(System.getProperty("java.home"), "bin").toString();
    static final String SERVE = "java -jar bootstrap/target/whitelabel.jar serve";
    static final Pattern MARKER = Pattern.compile("\\n?@@readme-command (\\d+)@@\\n");

    @TempDir
    Path clone;

    Process server;

    /** One command of a block: its lines (with continuations), where it starts, the comment after it. */
    record Command(String where, List<String> lines, List<String> comment) {
        String shown() {
            return String.join("\n", lines);
        }
    }

    @Test
    void every_shell_block_after_run_it_runs_as_written_against_a_fresh_server() throws Exception {
        Readme readme = Readme.read();
        List<Readme.Block> bash = readme.blocks("bash");
        assertThat(bash).isNotEmpty();
        Readme.Block runIt = bash.get(0);
        assertThat(runIt.text()).as("%s: the \"run it\" block", runIt.where()).contains(SERVE);

        List<Readme.Block> blocks = new ArrayList<>();
        for (Readme.Block block : bash.subList(1, bash.size())) {
            if (block.notRun().isPresent()) {
                assertThat(block.notRun().get())
                        .as("%s: not run, and why", block.where())
                        .isNotEmpty();
            } else {
                blocks.add(block);
            }
        }
        assertThat(blocks).isNotEmpty();

        // the repository as far as the README's commands need it: the jar where the build leaves it
        Files.createDirectories(clone.resolve("bootstrap/target"));
        Files.createSymbolicLink(clone.resolve("bootstrap/target/whitelabel.jar"), JAR);
        // and the receiver docs/shared-signals.md runs
        Files.createDirectories(clone.resolve("docs"));
        Files.createSymbolicLink(
                clone.resolve("docs/ssf-receiver"), readme.root().resolve("docs/ssf-receiver"));
        int port = serve();

        List<Command> commands = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        // what a page starts in the background (a second server, a receiver) ends with the script, even
        // when a command fails before the page stops it, so that it holds no port into the next run
        script.append("trap 'kill $(jobs -p) 2>/dev/null' EXIT\n");
        for (Readme.Block block : blocks) {
            script.append("# ").append(block.where()).append('\n');
            List<String> lines = block.lines();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.strip().startsWith("#")) {
                    script.append(line).append('\n');
                    continue;
                }
                int first = i;
                while (lines.get(i).endsWith("\\")) {
                    i++;
                }
                List<String> comment = new ArrayList<>();
                trailingComment(lines.get(i)).ifPresent(comment::add);
                for (int next = i + 1;
                        next < lines.size() && lines.get(next).strip().startsWith("#");
                        next++) {
                    comment.add(lines.get(next).strip().substring(1));
                }
                commands.add(new Command(
                        block.page() + " line " + (block.line() + 1 + first), lines.subList(first, i + 1), comment));
                script.append("printf '\\n@@readme-command ")
                        .append(commands.size() - 1)
                        .append("@@\\n'\n");
                for (String each : lines.subList(first, i + 1)) {
                    script.append(each.replace("localhost:8080", "localhost:" + port)
                                    .replace("127.0.0.1:8080", "127.0.0.1:" + port))
                            .append('\n');
                }
            }
        }
        script.append("printf '\\n@@readme-command ").append(commands.size()).append("@@\\n'\n");
        Path scriptFile = clone.resolve("readme.sh");
        Files.writeString(scriptFile, script, StandardCharsets.UTF_8);

        Path stdout = clone.resolve("readme.out");
        Path stderr = clone.resolve("readme.err");
        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-o", "pipefail", scriptFile.toString())
                .directory(clone.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        cleanEnvironment(builder.environment());
        Process bashProcess = builder.start();
        boolean finished = bashProcess.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            bashProcess.destroyForcibly();
        }

        // the output of each command, by its number
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        Matcher marker = MARKER.matcher(out);
        List<Integer> numbers = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        while (marker.find()) {
            numbers.add(Integer.parseInt(marker.group(1)));
            spans.add(new int[] {marker.start(), marker.end()});
        }
        List<String> outputs = new ArrayList<>();
        for (int n = 0; n < numbers.size() - 1; n++) {
            outputs.add(out.substring(spans.get(n)[1], spans.get(n + 1)[0]));
        }

        if (!finished || bashProcess.exitValue() != 0) {
            int failed = numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
            String output = numbers.isEmpty() ? out : out.substring(spans.get(spans.size() - 1)[1]);
            Command command = commands.get(Math.min(failed, commands.size() - 1));
            throw new AssertionError(String.format(
                    "%s %s:%n%s%n-- its output:%n%s%n-- stderr (the end):%n%s",
                    command.where(),
                    finished ? "failed (exit " + bashProcess.exitValue() + ")" : "did not finish in 10 minutes",
                    command.shown(),
                    output,
                    tail(Files.readString(stderr, StandardCharsets.UTF_8), 40)));
        }

        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (int n = 0; n < commands.size(); n++) {
            Command command = commands.get(n);
            Optional<ReadmeAnswer> answer;
            try {
                answer = ReadmeAnswer.of(command.comment());
            } catch (IllegalArgumentException e) {
                mismatches.add(
                        String.format("%s: the answer shown cannot be read: %s", command.where(), e.getMessage()));
                continue;
            }
            if (answer.isEmpty()) {
                continue;
            }
            checked++;
            String output = outputs.get(n);
            answer.get()
                    .mismatch(output)
                    .ifPresent(why -> mismatches.add(String.format(
                            "%s: %s%n  shows:   %s%n  printed: %s%n  so:      %s",
                            command.where(),
                            command.shown(),
                            String.join(" / ", command.comment()).strip(),
                            output.strip(),
                            why)));
        }
        assertThat(mismatches)
                .as("commands whose output differs from the README's")
                .isEmpty();
        assertThat(checked).as("commands with an answer shown").isGreaterThan(20);
    }

    /** Serves as the "run it" block does, in the clone, on a free port of this host only; the port. */
    int serve() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(JAVA_HOME_BIN, "java").toString(),
                        "-jar",
                        "bootstrap/target/whitelabel.jar",
                        "serve",
                        "--port",
                        "0",
                        "--host",
                        "127.0.0.1")
                .directory(clone.toFile())
                .redirectError(clone.resolve("serve.err").toFile());
        cleanEnvironment(builder.environment());
        server = builder.start();
        var stdout = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = stdout.readLine();
        assertThat(first)
                .as("serve's first line; its log: %s", clone.resolve("serve.err"))
                .isNotNull();
        return new ObjectMapper().readTree(first).get("port").asInt();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** A newcomer's shell: none of the server's settings, this JDK's java first on the PATH. */
    static void cleanEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("WHITELABEL_"));
        environment.put("PATH", JAVA_HOME_BIN + File.pathSeparator + environment.getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** The comment at the end of a command line, outside quotes, without its {@code #}. */
    static Optional<String> trailingComment(String line) {
        boolean single = false;
        boolean double_ = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && !single) {
                i++;
            } else if (c == '\'' && !double_) {
                single = !single;
            } else if (c == '"' && !single) {
                double_ = !double_;
            } else if (c == '#' && !single && !double_ && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
                return Optional.of(line.substring(i + 1));
            }
        }
        return Optional.empty();
    }

    static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }
}
