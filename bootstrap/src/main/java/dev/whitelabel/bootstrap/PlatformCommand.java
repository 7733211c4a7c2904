package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "platform", description = "Manage platforms.", subcommands = PlatformCommand.Create.class)
final class PlatformCommand {

    @Command(name = "create", description = "Create a platform with its first admin and the admin's token.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--name", required = true)
        String name;

        @Option(names = "--admin-email", required = true)
        String adminEmail;

        @Option(names = "--admin-name", defaultValue = "Platform admin")
        String adminName;

        @Override
        public Integer call() {
            var request = new NewPlatform(name, new EmailAddress(adminEmail), adminName);
            return database.printResultOf(useCases ->
                    CommandResults.PlatformCreatedResult.of(useCases.createPlatform().create(request)));
        }
    }
}
