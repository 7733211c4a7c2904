package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "webhook",
        description = "Manage where a platform's revocation events are sent.",
        subcommands = {WebhookCommand.Create.class, WebhookCommand.Enable.class})
final class WebhookCommand {

    @Command(
            name = "create",
            description = "Create a webhook endpoint for every event type; its signing secret is printed this once.")
    static final class Create implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Mixin
        WebhookPolicyOptions webhooks;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Option(
                names = "--url",
                required = true,
                description = "Where the events are posted: an http or https URL at a public address.")
        String url;

        @Override
        public Integer call() {
            var settings = ProductSettings.DEFAULTS.with(webhooks.policy());
            return database.printResultOf(
                    settings,
                    useCases -> CommandResults.WebhookCreatedResult.of(useCases.createWebhook()
                            .create(new CreateWebhookCommand(Actor.operator(platformId), url, Set.of()))));
        }
    }

    @Command(
            name = "enable",
            description = "Send to an endpoint again after the service disabled it for failing; its held deliveries are"
                    + " due at once.")
    static final class Enable implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Option(names = "--platform", required = true, paramLabel = "ID", description = "The platform's id.")
        long platformId;

        @Option(names = "--webhook-id", required = true, paramLabel = "N", description = "The endpoint's id.")
        long webhookId;

        @Override
        public Integer call() {
            return database.printResultOf(useCases -> CommandResults.WebhookEnabledResult.of(
                    useCases.enableWebhook().enable(Actor.operator(platformId), webhookId)));
        }
    }
}
