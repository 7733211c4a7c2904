package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.Actor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "service-client",
        description = "Manage the credentials of a platform's resource servers.",
        subcommands = ServiceClientCommand.Create.class)
final class ServiceClientCommand {

    @Command(name = "create", description = "Create a service client; its secret is printed this once.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Option(names = "--name", required = true, description = "The client's name, such as the service it is for.")
        String name;

        @Override
        public Integer call() {
            return database.printResultOf(useCases -> CommandResults.ServiceClientCreatedResult.of(
                    useCases.createServiceClient().create(Actor.operator(platformId), name)));
        }
    }
}
