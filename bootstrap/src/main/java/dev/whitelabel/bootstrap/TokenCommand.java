package dev.whitelabel.bootstrap;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "token", description = "Manage API tokens.", subcommands = TokenCommand.Create.class)
final class TokenCommand {

    @Command(name = "create", description = "Create an API token for a user; the token is shown this once.")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--user", required = true, paramLabel = "ID")
        long userId;

        @Option(names = "--name", defaultValue = "api-token")
        String name;

        @Override
        public Integer call() {
            try (var wiring = Wiring.open(database.settings())) {
                var issued = wiring.useCases().issueToken().issue(userId, name);
                Output.print(spec.commandLine().getOut(), CommandResults.TokenCreatedResult.of(issued));
            }
            return 0;
        }
    }
}
