package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench/run on a machine without wrk that it may not install wrk on: it says what to install and
 * stops, before it builds anything. Run with a PATH of stand-ins only, so that what this machine has
 * (wrk, sudo, root) does not matter.
 */
class BenchRunTest {

    record Run(int exitCode, String err) {}

    @TempDir
    Path bin;

    @Test
    void without_apt_get_it_says_what_to_install_and_exits_1() throws Exception {
        var run = benchRun();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("wrk is not installed, and this system has no apt-get to install it with")
                .contains("brew install wrk");
    }

    @Test
    void an_account_that_may_not_run_apt_get_is_told_so_and_apt_get_is_never_run() throws Exception {
        Path ran = bin.resolve("apt-get ran");
        script("apt-get", "touch '" + ran + "'");

        var run = benchRun();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("this account may not run apt-get (not root, and no sudo without a password)")
                .contains("sudo apt-get install wrk");
        assertThat(ran).doesNotExist();
    }

    /** bench/run with only {@code bin} on the PATH: {@code dirname}, and {@code id} saying "not root". */
    private Run benchRun() throws IOException, InterruptedException {
        Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
        script("id", "echo 1000");
        var builder = new ProcessBuilder(
                "/bin/bash", Readme.read().root().resolve("bench/run").toString());
        builder.environment().clear();
        builder.environment().put("PATH", bin.toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), err);
    }

    private void script(String name, String body) throws IOException {
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    }
}
