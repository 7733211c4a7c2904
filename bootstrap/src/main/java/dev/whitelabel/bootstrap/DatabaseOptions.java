package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.domain.port.in.UseCases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where every command finds the database; the credentials come from the environment only, never argv. */
final class DatabaseOptions {

    static final Path DEFAULT_FILE = Path.of("data", "whitelabel");

    @Option(names = "--db-connect-timeout-ms", paramLabel = "MS",
            defaultValue = "${env:WHITELABEL_DB_CONNECT_TIMEOUT_MS:-2000}",
            description = "How long a request waits for a connection before it is answered 503"
                    + " (env WHITELABEL_DB_CONNECT_TIMEOUT_MS). Default: ${DEFAULT-VALUE}")
    long connectTimeoutMillis;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:WHITELABEL_DB_URL}",
            description = "JDBC URL (env WHITELABEL_DB_URL). Default: an H2 file under ./data")
    String url;

    @Option(names = "--db-pool-size", paramLabel = "N", defaultValue = "${env:WHITELABEL_DB_POOL_SIZE:-10}",
            description = "Connections kept open (env WHITELABEL_DB_POOL_SIZE). Default: ${DEFAULT-VALUE}")
    int poolSize;

    DatabaseSettings settings() {
        String jdbcUrl = url == null || url.isBlank() ? DatabaseSettings.embeddedH2Url(privateDirectory(DEFAULT_FILE)) : url;
        return new DatabaseSettings(jdbcUrl, env("WHITELABEL_DB_USER"), env("WHITELABEL_DB_PASSWORD"), poolSize,
                Duration.ofMillis(connectTimeoutMillis));
    }

    /** Opens the product on the database, runs one use case, prints its result and closes the pool. */
    int printResultOf(Function<UseCases, Object> useCase) {
        try (var wiring = Wiring.open(settings())) {
            Output.print(command.commandLine().getOut(), useCase.apply(wiring.useCases()));
        }
        return 0;
    }

    /** The database file's directory, created readable by this account only (the lock file holds H2's key). */
    private static Path privateDirectory(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return file;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isEmpty());
    }
}
