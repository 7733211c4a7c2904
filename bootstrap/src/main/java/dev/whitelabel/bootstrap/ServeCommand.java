package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.http.TrustedProxies;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(name = "serve", description = "Run the HTTP API until SIGTERM or SIGINT.")
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

    @Option(names = "--body-timeout-ms", defaultValue = "${env:WHITELABEL_BODY_TIMEOUT_MS:-10000}",
            description = "How long a request body may take to arrive before a 408"
                    + " (env WHITELABEL_BODY_TIMEOUT_MS). Default: ${DEFAULT-VALUE}")
    long bodyTimeoutMillis;

    // no constant default: it is a share of the heap this JVM was given
    @Option(names = "--max-buffered-body-bytes", defaultValue = "${env:WHITELABEL_MAX_BUFFERED_BODY_BYTES}",
            description = "Most bytes of request bodies kept at once while they arrive; past it, 503"
                    + " (env WHITELABEL_MAX_BUFFERED_BODY_BYTES). Default: an eighth of the heap")
    Optional<Long> maxBufferedBodyBytes;

    @Option(names = "--threads", defaultValue = "${env:WHITELABEL_THREADS:-" + HttpSettings.DEFAULT_MAX_THREADS + "}",
            description = "Most threads serving requests (env WHITELABEL_THREADS). Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(names = "--shutdown-timeout-ms", defaultValue = "${env:WHITELABEL_SHUTDOWN_TIMEOUT_MS:-10000}",
            description = "How long in-flight requests may take to finish after SIGTERM"
                    + " (env WHITELABEL_SHUTDOWN_TIMEOUT_MS). Default: ${DEFAULT-VALUE}")
    long shutdownTimeoutMillis;

    @Option(names = "--trusted-proxies", defaultValue = "${env:WHITELABEL_TRUSTED_PROXIES:-}",
            description = "Addresses or CIDR ranges of the proxies whose X-Forwarded-For names the client, comma"
                    + " separated; none by default (env WHITELABEL_TRUSTED_PROXIES)")
    String trustedProxies;

    @Override
    public Integer call() throws InterruptedException {
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (var binder : new MeterBinder[] {
            new JvmMemoryMetrics(), new JvmGcMetrics(), new JvmThreadMetrics(), new ClassLoaderMetrics(),
            new ProcessorMetrics(), new UptimeMetrics()}) {
            binder.bindTo(metrics);
        }
        var wiring = Wiring.open(database.settings());
        wiring.reportPoolMetricsTo(metrics);
        var settings = httpSettings();
        var stop = new CountDownLatch(1);
        // Handled here rather than in a shutdown hook, so that a requested stop exits 0, not 143; a second
        // signal during the drain stops at once.
        Signal.handle(new Signal("TERM"), signal -> stopOrExit(stop));
        Signal.handle(new Signal("INT"), signal -> stopOrExit(stop));
        var server = HttpServer.create(wiring.useCases(), settings, metrics).start(host, port);
        var dispatcher = wiring.dispatchWebhooks(metrics);
        LOG.info("whitelabel listening on {}:{}", host, server.port());
        Output.print(spec.commandLine().getOut(), new CommandResults.Listening(server.port()));
        stop.await();
        LOG.info("stopping: no new connections, finishing requests in flight");
        server.stop();
        dispatcher.close();
        wiring.close();
        LOG.info("stopped");
        return 0;
    }

    private HttpSettings httpSettings() {
        try {
            return new HttpSettings(maxBodyBytes, Duration.ofMillis(bodyTimeoutMillis),
                    maxBufferedBodyBytes.orElse(HttpSettings.DEFAULT_MAX_BUFFERED_BODY_BYTES), threads,
                    Duration.ofMillis(shutdownTimeoutMillis), metricsToken(), TrustedProxies.parse(trustedProxies));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** From the environment only, so that it never shows in {@code ps}. */
    private static Optional<String> metricsToken() {
        return Optional.ofNullable(System.getenv("WHITELABEL_METRICS_TOKEN")).filter(token -> !token.isBlank());
    }

    private static void stopOrExit(CountDownLatch stop) {
        if (stop.getCount() == 0) {
            Runtime.getRuntime().halt(1);
        }
        stop.countDown();
    }
}
