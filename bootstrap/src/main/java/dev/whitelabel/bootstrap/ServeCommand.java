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
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Run the HTTP API until SIGTERM or SIGINT.")
final class ServeCommand implements Callable<Integer> {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HOST = "0.0.0.0";
    private static final int LARGEST_PORT = 65_535;
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Mixin
    LoginThrottleOptions loginThrottle;

    @Mixin
    WebhookPolicyOptions webhooks;

    @Mixin
    DeliveryOptions delivery;

    @Mixin
    SharedSignalsOptions sharedSignalsOptions;

    private int port;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "${env:WHITELABEL_PORT:-" + DEFAULT_PORT + "}",
            description = "Port (env WHITELABEL_PORT), 0 to " + LARGEST_PORT
                    + "; 0 picks a free one. Default: ${DEFAULT-VALUE}")
    void port(int value) {
        // here, while the arguments are read, rather than seconds later when the server binds
        if (value < 0 || value > LARGEST_PORT) {
            throw new ParameterException(
                    spec.commandLine(),
                    "Invalid value for option '--port' (env WHITELABEL_PORT): " + value + " is not a port, 0 to "
                            + LARGEST_PORT + ".");
        }
        port = value;
    }

    @Option(
            names = "--host",
            defaultValue = "${env:WHITELABEL_HOST:-" + DEFAULT_HOST + "}",
            description = "Interface to listen on (env WHITELABEL_HOST). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(
            names = "--max-body-bytes",
            defaultValue = "${env:WHITELABEL_MAX_BODY_BYTES:-" + HttpSettings.DEFAULT_MAX_BODY_BYTES + "}",
            description = "Largest request body accepted (env WHITELABEL_MAX_BODY_BYTES). Default: ${DEFAULT-VALUE}")
    long maxBodyBytes;

    @Option(
            names = "--body-timeout-ms",
            defaultValue = "${env:WHITELABEL_BODY_TIMEOUT_MS:-" + HttpSettings.DEFAULT_BODY_TIMEOUT_MILLIS + "}",
            description = "How long a request body may take to arrive before a 408"
                    + " (env WHITELABEL_BODY_TIMEOUT_MS). Default: ${DEFAULT-VALUE}")
    long bodyTimeoutMillis;

    // no constant default: it is a share of the heap this JVM was given
    @Option(
            names = "--max-buffered-body-bytes",
            defaultValue = "${env:WHITELABEL_MAX_BUFFERED_BODY_BYTES}",
            description = "Most bytes of request bodies kept at once while they arrive; past it, 503"
                    + " (env WHITELABEL_MAX_BUFFERED_BODY_BYTES). Default: an eighth of the heap")
    Optional<Long> maxBufferedBodyBytes;

    @Option(
            names = "--threads",
            defaultValue = "${env:WHITELABEL_THREADS:-" + HttpSettings.DEFAULT_MAX_THREADS + "}",
            description = "Most threads serving requests (env WHITELABEL_THREADS). Default: ${DEFAULT-VALUE}")
    int threads;

    @Option(
            names = "--drain-ms",
            paramLabel = "MS",
            defaultValue = "${env:WHITELABEL_DRAIN_MS:-" + HttpSettings.DEFAULT_DRAIN_MILLIS + "}",
            description =
                    "After SIGTERM or SIGINT, how long /ready answers 503 while requests are still served, before"
                            + " the connectors close, so that a load balancer sees it (env WHITELABEL_DRAIN_MS). Default: ${DEFAULT-VALUE}")
    long drainMillis;

    @Option(
            names = "--shutdown-timeout-ms",
            defaultValue =
                    "${env:WHITELABEL_SHUTDOWN_TIMEOUT_MS:-" + HttpSettings.DEFAULT_SHUTDOWN_TIMEOUT_MILLIS + "}",
            description = "How long in-flight requests may take to finish once the connectors close"
                    + " (env WHITELABEL_SHUTDOWN_TIMEOUT_MS). Default: ${DEFAULT-VALUE}")
    long shutdownTimeoutMillis;

    @Option(
            names = "--trusted-proxies",
            defaultValue = "${env:WHITELABEL_TRUSTED_PROXIES:-}",
            description = "Addresses or CIDR ranges of the proxies whose X-Forwarded-For names the client, comma"
                    + " separated; none by default (env WHITELABEL_TRUSTED_PROXIES)")
    String trustedProxies;

    @Override
    public Integer call() throws InterruptedException {
        var settings = httpSettings();
        var product = new ProductSettings(loginThrottle.throttle(), webhooks.policy(), delivery.limits());
        if (drainMillis < 0) {
            throw new ParameterException(spec.commandLine(), "--drain-ms is 0 or more");
        }
        refuseAPortInUse();
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (var binder : new MeterBinder[] {
            new JvmMemoryMetrics(),
            new JvmGcMetrics(),
            new JvmThreadMetrics(),
            new ClassLoaderMetrics(),
            new ProcessorMetrics(),
            new UptimeMetrics()
        }) {
            binder.bindTo(metrics);
        }
        var databaseSettings = database.settings();
        // never a password: the H2 file, or the URL without credentials
        LOG.info("database: {}", databaseSettings.location());
        var sharedSignals = sharedSignalsOptions.sharedSignals(port);
        var wiring = DatabaseOptions.open(databaseSettings, database -> Wiring.open(database, product));
        wiring.reportPoolMetricsTo(metrics);
        var stop = StopSignals.handled();
        HttpServer server;
        try {
            server = HttpApi.create(wiring.useCases(), settings, metrics, sharedSignals)
                    .start(host, port);
        } catch (RuntimeException e) {
            wiring.close();
            throw bindFailure(e).orElseThrow(() -> e);
        }
        var dispatcher = wiring.dispatchWebhooks(databaseSettings, metrics);
        var pusher = wiring.pushSecurityEvents(databaseSettings, sharedSignals);
        LOG.info("whitelabel listening on {}:{}", host, server.port());
        Output.print(spec.commandLine().getOut(), new CommandResults.Listening(server.port()));
        stop.await();
        LOG.info(
                "stopping: /ready answers 503 for {} ms, then no new connections, finishing requests in flight",
                drainMillis);
        server.stop(Duration.ofMillis(drainMillis));
        dispatcher.close();
        pusher.close();
        wiring.close();
        LOG.info("stopped");
        return 0;
    }

    /** Before the database opens, so that a port taken is said at once rather than after the migrations. */
    private void refuseAPortInUse() {
        if (port == 0) {
            return;
        }
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as Jetty binds: a port whose connections are closing is free
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            bindFailure(e).ifPresent(refused -> {
                throw refused;
            });
            // anything else (an unknown host, say) the server's own bind reports
        }
    }

    /** A failure to bind, in words: {@code Port 8080 is already in use.} */
    private Optional<CommandFailure> bindFailure(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException bind) {
                String reason = String.valueOf(bind.getMessage());
                return Optional.of(new CommandFailure(
                        reason.contains("in use")
                                ? "Port " + port + " is already in use."
                                : "Cannot listen on " + host + ":" + port + ": " + reason + "."));
            }
        }
        return Optional.empty();
    }

    private HttpSettings httpSettings() {
        try {
            return new HttpSettings(
                    maxBodyBytes,
                    Duration.ofMillis(bodyTimeoutMillis),
                    maxBufferedBodyBytes.orElse(HttpSettings.DEFAULT_MAX_BUFFERED_BODY_BYTES),
                    threads,
                    Duration.ofMillis(shutdownTimeoutMillis),
                    metricsToken(),
                    TrustedProxies.parse(trustedProxies));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** From the environment only, so that it never shows in {@code ps}. */
    private static Optional<String> metricsToken() {
        return Optional.ofNullable(System.getenv("WHITELABEL_METRICS_TOKEN")).filter(token -> !token.isBlank());
    }
}
