package dev.whitelabel.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The files served from the jar (the console, the API document, Swagger UI), written without
 * blocking: a client that reads slowly, or not at all, holds a connection but never a thread.
 * Through Javalin each would be a blocking write, and a few hundred clients that do not read the
 * 1.6 MB Swagger UI bundle took every thread. Gzipped once at start for clients that accept it.
 */
final class StaticFiles extends Handler.Wrapper {

    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final String SWAGGER_PATH = "/docs/ui/";
    private static final Pattern SWAGGER_FILE = Pattern.compile(SWAGGER_PATH + "([a-z0-9-]+\\.(css|js))");
    private static final int WORTH_COMPRESSING = 1500;

    /** One file: its type, its bytes, and its gzip form when that is worth sending. */
    record File(String contentType, byte[] bytes, Optional<byte[]> gzipped) {
        static File of(String contentType, byte[] bytes) {
            return new File(
                    contentType, bytes, bytes.length < WORTH_COMPRESSING ? Optional.empty() : Optional.of(gzip(bytes)));
        }
    }

    private final Map<String, File> files = Map.of(
            "/console", File.of("text/html; charset=utf-8", resource("/console/index.html")),
            "/console/console.js", File.of("text/javascript", resource("/console/console.js")),
            "/console/console.css", File.of("text/css", resource("/console/console.css")),
            "/openapi.json", File.of("application/json", resource("/openapi.json")),
            "/docs", File.of("text/html; charset=utf-8", resource("/docs/index.html")),
            "/docs/docs.js", File.of("text/javascript", resource("/docs/docs.js")));
    private final Map<String, Optional<File>> swaggerFiles = new ConcurrentHashMap<>();
    private final RequestLog requestLog;

    StaticFiles(RequestLog requestLog) {
        this.requestLog = requestLog;
    }

    /** Every route served here, as "GET /path", for the API document's drift test. */
    List<String> routes() {
        return Stream.concat(files.keySet().stream(), Stream.of("/docs/ui/{file}"))
                .map(path -> "GET " + path)
                .sorted()
                .toList();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
            return super.handle(request, response, callback);
        }
        String path = Request.getPathInContext(request);
        Optional<File> file = Optional.ofNullable(files.get(path)).or(() -> swaggerFile(path));
        if (file.isEmpty()) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        String route = files.containsKey(path) ? path : "/docs/ui/{file}";
        boolean gzip = file.get().gzipped().isPresent() && acceptsGzip(request);
        byte[] body = gzip ? file.get().gzipped().get() : file.get().bytes();
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, file.get().contentType());
        if (file.get().gzipped().isPresent()) {
            headers.put(HttpHeader.VARY, "Accept-Encoding");
        }
        if (gzip) {
            headers.put(HttpHeader.CONTENT_ENCODING, "gzip");
        }
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        SecurityHeaders.applyTo(headers::put);
        String id = requestLog.idFor(request.getHeaders().get(RequestLog.HEADER));
        headers.put(RequestLog.HEADER, id);
        response.setStatus(200);
        response.write(
                true,
                ByteBuffer.wrap(body),
                Callback.from(
                        callback,
                        () -> requestLog.line(id, method, route, 200, Duration.ofNanos(System.nanoTime() - started))));
        return true;
    }

    private Optional<File> swaggerFile(String path) {
        if (!path.startsWith(SWAGGER_PATH)) {
            // every other GET passes here: no regular expression for them
            return Optional.empty();
        }
        var name = SWAGGER_FILE.matcher(path);
        if (!name.matches()) {
            return Optional.empty();
        }
        return swaggerFiles.computeIfAbsent(name.group(1), file -> {
            try (InputStream in = StaticFiles.class.getResourceAsStream(SWAGGER_UI + file)) {
                return in == null
                        ? Optional.empty()
                        : Optional.of(
                                File.of(file.endsWith(".css") ? "text/css" : "text/javascript", in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static boolean acceptsGzip(Request request) {
        String accepted = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        return accepted != null && accepted.contains("gzip");
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The version of the Swagger UI webjar on the classpath, from the pom.properties it carries. */
    private static String webjarVersion() {
        var properties = new Properties();
        try (InputStream in =
                StaticFiles.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI webjar is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    static byte[] resource(String path) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
