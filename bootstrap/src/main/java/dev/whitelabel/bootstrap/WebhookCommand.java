package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.Actor;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "webhook",
        description = "Manage where a platform's revocation events are sent.",
        subcommands = WebhookCommand.Create.class)
final class WebhookCommand {

    @Command(
            name = "create",
            description = "Create a webhook endpoint for every event type; its signing secret is printed this once.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true)
        long platformId;

        @Option(names = "--url", required = true)
        String url;

        @Override
        public Integer call() {
            return database.printResultOf(useCases -> CommandResults.WebhookCreatedResult.of(
                    useCases.manageWebhooks().create(Actor.operator(platformId), url, Set.of())));
        }
    }
}
