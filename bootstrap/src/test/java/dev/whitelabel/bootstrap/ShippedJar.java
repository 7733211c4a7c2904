package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The jar the build ships, run as its users run it, each in a process of its own: {@code serve}, or
 * one command of the command line. For the tests that run after {@code package} ({@code *IT}).
 */
final class ShippedJar {

    static final Path JAR = Path.of("target", "whitelabel.jar");
    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private ShippedJar() {}

    /** A server process, and the port it said it listens on. */
    record Served(Process process, int port) {}

    /**
     * {@code serve} on 127.0.0.1 and a free port, on {@code dbUrl}, with {@code options} after those and
     * {@code environment} added to this process's; its log goes to {@code log}. Returns once it has said
     * its port, that is once it serves.
     */
    static Served serve(String dbUrl, Path log, Map<String, String> environment, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                JAVA,
                "-Xmx256m",
                "-jar",
                JAR.toString(),
                "serve",
                "--port",
                "0",
                "--host",
                "127.0.0.1",
                "--db-url",
                dbUrl));
        command.addAll(List.of(options));
        var builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(environment);
        var process = builder.start();
        String started =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(started).as("the server started (its log: %s)", log).isNotNull();
        return new Served(
                process, new ObjectMapper().readTree(started).get("port").asInt());
    }

    /**
     * One command of the command line on {@code dbUrl}, with {@code environment} added to this process's;
     * what it printed, once it exited 0. What it says on stderr goes to this process's.
     */
    static String run(String dbUrl, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.add("--db-url=" + dbUrl);
        var builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        var process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("exit code of %s", List.of(args)).isZero();
        return out;
    }
}
