package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.HttpApi;
import dev.whitelabel.adapters.http.HttpSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", description = "Run the HTTP API until stopped.")
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "${env:WHITELABEL_PORT:-8080}",
            description = "Port (env WHITELABEL_PORT); 0 picks a free one. Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "${env:WHITELABEL_HOST:-0.0.0.0}",
            description = "Interface to listen on (env WHITELABEL_HOST). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(names = "--max-body-bytes", defaultValue = "${env:WHITELABEL_MAX_BODY_BYTES:-65536}",
            description = "Largest request body accepted (env WHITELABEL_MAX_BODY_BYTES). Default: ${DEFAULT-VALUE}")
    long maxBodyBytes;

    @Override
    public Integer call() throws InterruptedException {
        var wiring = Wiring.open(database.settings());
        var server = HttpApi.create(wiring.useCases(), new HttpSettings(maxBodyBytes)).start(host, port);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            wiring.close();
            stopped.countDown();
        }, "whitelabel-shutdown"));
        LOG.info("whitelabel listening on {}:{}", host, server.port());
        Output.print(spec.commandLine().getOut(), new CommandResults.Listening(server.port()));
        stopped.await();
        return 0;
    }
}
