package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/Bench.java is run as a source file by bench/run, never by the build: compiling it here, with
 * the jar's classes on the class path, makes a change that breaks it fail `mvn verify` at once.
 */
class BenchCompilesTest {

    @TempDir
    Path classes;

    @Test
    void bench_java_compiles_against_the_classes_it_runs_with() throws Exception {
        Path bench = Readme.read().root().resolve("bench").resolve("Bench.java");
        var compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        boolean compiled;
        try (var files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            compiled = compiler.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of(
                                    "--release",
                                    "17",
                                    "-proc:none",
                                    "-Xlint:all,-processing,-serial",
                                    "-classpath",
                                    System.getProperty("java.class.path"),
                                    "-d",
                                    classes.toString()),
                            null,
                            files.getJavaFileObjects(bench.toFile()))
                    .call();
        }
        String report = diagnostics.getDiagnostics().stream()
                .map(diagnostic -> diagnostic.getKind() + " " + bench.getFileName() + ":" + diagnostic.getLineNumber()
                        + ": " + diagnostic.getMessage(null))
                .collect(Collectors.joining("\n"));
        assertThat(compiled).as("javac bench/Bench.java:%n%s", report).isTrue();
        assertThat(diagnostics.getDiagnostics())
                .as("errors compiling bench/Bench.java:%n%s", report)
                .noneMatch(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR);
        assertThat(classes.resolve("Bench.class")).isRegularFile();
    }
}
