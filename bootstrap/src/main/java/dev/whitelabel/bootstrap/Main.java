package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.error.WhitelabelException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/** {@code java -jar whitelabel.jar <command>}: the server and the operator's commands. */
// inherited: every subcommand, at any depth, answers --help, -h and --version the same way
@Command(
        name = "whitelabel",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "White-label platform users and API tokens: log a user out, everywhere, at once.",
        subcommands = {
            ServeCommand.class,
            PlatformCommand.class,
            UserCommand.class,
            TokenCommand.class,
            ServiceClientCommand.class,
            WebhookCommand.class,
            SsfCommand.class,
            HelpCommand.class
        })
public final class Main {

    static final int REFUSED = 1;
    static final int FAILED = 3;
    static final int USAGE = 2;
    /** The database did not answer: the command may succeed when it is tried again. */
    static final int UNAVAILABLE = 4;

    private static final char NOT_UTF8 = '\uFFFD';
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final List<String> LOG_LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    public static void main(String[] args) {
        String logFormat = System.getenv("WHITELABEL_LOG_FORMAT");
        if (logFormat != null && !logFormat.equals("text") && !logFormat.equals("json")) {
            // logback.xml would otherwise find no appender of that name and log nothing at all
            System.err.println("{\"error\":\"WHITELABEL_LOG_FORMAT must be text or json.\"}");
            System.exit(USAGE);
        }
        String logLevel = System.getenv("WHITELABEL_LOG_LEVEL");
        if (logLevel != null && !LOG_LEVELS.contains(logLevel.toUpperCase(Locale.ROOT))) {
            // Logback reads a level it does not know as DEBUG, which would log far more than asked
            System.err.println(
                    "{\"error\":\"WHITELABEL_LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS) + ".\"}");
            System.exit(USAGE);
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command; its result goes to {@code out}, a refusal to {@code err}; answers the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (Arrays.stream(args).anyMatch(arg -> arg.indexOf(NOT_UTF8) >= 0)) {
            // the JVM decodes bytes that are not UTF-8 as U+FFFD: store nothing no one typed
            Output.print(err, new CommandResults.Refusal("Arguments must be UTF-8 text."));
            return USAGE;
        }
        return new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> refuse(e, err))
                .execute(args);
    }

    private static int refuse(Exception e, PrintWriter err) {
        if (e instanceof WhitelabelException refusal) {
            return refuse(refusal.mappedBy(new CommandErrorMapper(Optional.empty())), err);
        }
        if (e instanceof CommandFailure refused) {
            Output.print(err, refused.answer());
            return refused.exitCode();
        }
        // The class only: a message may quote the command's values, a password among them.
        LOG.error("Command failed: {}", e.getClass().getName());
        Output.print(
                err,
                new CommandResults.Refusal("Command failed: " + e.getClass().getSimpleName()));
        return FAILED;
    }
}
