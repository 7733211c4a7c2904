package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.NewToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
        name = "token",
        aliases = "tokens",
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.Prune.class})
final class TokenCommand {

    @Command(name = "create", description = "Create an API token for a user; the token is shown this once.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(
                names = "--user",
                required = true,
                paramLabel = "ID",
                description = "The id of the user the token is for.")
        long userId;

        @Option(
                names = "--name",
                defaultValue = NewToken.DEFAULT_NAME,
                description = "The token's name, shown in listings. Default: ${DEFAULT-VALUE}")
        String name;

        @Option(
                names = "--ability",
                paramLabel = "NAME",
                description = "An ability the token holds (orders:read, say); repeat for more. Default: every one (*).")
        List<String> abilities = new ArrayList<>();

        @Override
        public Integer call() {
            return database.printResultOf(useCases -> {
                var request = NewToken.named(name)
                        .holding(abilities.isEmpty() ? Optional.empty() : Optional.of(new Abilities(abilities)));
                return CommandResults.TokenCreatedResult.of(
                        useCases.createToken().forAnyUser(userId, request));
            });
        }
    }

    @Command(name = "prune", description = "Delete tokens revoked or expired more than the retention period ago.")
    static final class Prune implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        /** Failed logins are pruned only once out of the window the server counts them in. */
        @Mixin
        LoginThrottleOptions loginThrottle;

        @Option(
                names = "--retention-days",
                paramLabel = "DAYS",
                defaultValue = "30",
                description = "Keep dead tokens this long, for the record. Default: ${DEFAULT-VALUE}")
        int retentionDays;

        @Override
        public Integer call() {
            if (retentionDays < 0) {
                throw new ParameterException(database.command.commandLine(), "--retention-days is 0 or more");
            }
            var settings = ProductSettings.DEFAULTS.with(loginThrottle.throttle());
            return database.printResultOf(
                    settings,
                    useCases ->
                            new CommandResults.Pruned(useCases.pruneTokens().prune(Duration.ofDays(retentionDays))));
        }
    }
}
