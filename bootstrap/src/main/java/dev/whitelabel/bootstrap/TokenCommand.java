package dev.whitelabel.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "token", description = "Manage API tokens.", subcommands = TokenCommand.Create.class)
final class TokenCommand {

    @Command(name = "create", description = "Create an API token for a user; the token is shown this once.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--user", required = true, paramLabel = "ID")
        long userId;

        @Option(names = "--name", defaultValue = "api-token")
        String name;

        @Override
        public Integer call() {
            return database.printResultOf(useCases ->
                    CommandResults.TokenCreatedResult.of(useCases.issueToken().issue(userId, name)));
        }
    }
}
