package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.error.WhitelabelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Where every command finds the database; the credentials come from the environment only, never argv. */
final class DatabaseOptions {

    static final Path DEFAULT_FILE = Path.of("data", "whitelabel");

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOptions.class);

    @Option(
            names = "--db-connect-timeout-ms",
            paramLabel = "MS",
            defaultValue =
                    "${env:WHITELABEL_DB_CONNECT_TIMEOUT_MS:-" + DatabaseSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS + "}",
            description = "How long a request waits for a connection before it is answered 503"
                    + " (env WHITELABEL_DB_CONNECT_TIMEOUT_MS). Default: ${DEFAULT-VALUE}")
    long connectTimeoutMillis;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            defaultValue = "${env:WHITELABEL_DB_URL}",
            description = "JDBC URL (env WHITELABEL_DB_URL). Default: an H2 file under ./data")
    String url;

    @Option(
            names = "--db-pool-size",
            paramLabel = "N",
            defaultValue = "${env:WHITELABEL_DB_POOL_SIZE:-" + DatabaseSettings.DEFAULT_POOL_SIZE + "}",
            description = "Connections the server keeps open (env WHITELABEL_DB_POOL_SIZE); a command takes one."
                    + " Default: ${DEFAULT-VALUE}")
    int poolSize;

    DatabaseSettings settings() {
        String jdbcUrl =
                url == null || url.isBlank() ? DatabaseSettings.embeddedH2Url(privateDirectory(DEFAULT_FILE)) : url;
        return new DatabaseSettings(
                jdbcUrl,
                env("WHITELABEL_DB_USER"),
                env("WHITELABEL_DB_PASSWORD"),
                poolSize,
                Duration.ofMillis(connectTimeoutMillis));
    }

    /**
     * Opens the product on the database; an H2 file that was not there before is said on stderr, since
     * an operator in another directory than the server's would otherwise find only "not found".
     */
    static Wiring open(DatabaseSettings settings, Function<DatabaseSettings, Wiring> opener) {
        Optional<Path> newFile = settings.h2File().filter(Files::notExists);
        var wiring = opener.apply(settings);
        newFile.filter(Files::exists).ifPresent(file -> LOG.warn("Created a new database at {}", file));
        return wiring;
    }

    /**
     * Opens the product on the database for one command (one connection, no migration unless the
     * schema is behind), runs one use case, prints its result and closes the pool.
     */
    int printResultOf(Function<WhitelabelUseCases, Object> useCase) {
        return printResultOf(ProductSettings.DEFAULTS, useCase);
    }

    /** The same, for a command that uses settings beyond the database's. */
    int printResultOf(ProductSettings product, Function<WhitelabelUseCases, Object> useCase) {
        var settings = settings();
        try (var wiring = open(settings, database -> Wiring.openForOneCommand(database, product))) {
            Output.print(command.commandLine().getOut(), useCase.apply(wiring.useCases()));
        } catch (WhitelabelException e) {
            throw e.mappedBy(new CommandErrorMapper(Optional.of(settings.location())));
        }
        return 0;
    }

    /** The database file's directory, created readable by this account only (the lock file holds H2's key). */
    private static Path privateDirectory(Path file) {
        Path directory = file.toAbsolutePath().getParent();
        try {
            if (!Files.exists(directory)) {
                Files.createDirectories(
                        directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
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
