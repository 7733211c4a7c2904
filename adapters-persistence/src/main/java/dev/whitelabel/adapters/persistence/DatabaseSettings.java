package dev.whitelabel.adapters.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the database is, how many connections to keep to it, and how long a request may wait for
 * one before it is answered 503 (when the database is down, that wait is what every request pays).
 */
public record DatabaseSettings(
        String url, Optional<String> user, Optional<String> password, int poolSize, Duration connectTimeout) {

    // compile-time constants, so that the command line's default values are built from them
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final long DEFAULT_CONNECT_TIMEOUT_MILLIS = 2_000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(DEFAULT_CONNECT_TIMEOUT_MILLIS);

    private static final String H2 = "jdbc:h2:";
    /** {@code mem:}, {@code tcp:}, {@code ssl:}, {@code zip:} and the like: no file of this machine's to name. */
    private static final Pattern H2_NOT_A_PLAIN_FILE = Pattern.compile("[A-Za-z][A-Za-z0-9]+:.*");

    private static final Pattern USER_INFO = Pattern.compile("//[^/?;@]*@");

    /** No credentials beyond the URL, the default pool. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(
                url, Optional.empty(), Optional.empty(), DEFAULT_POOL_SIZE, DEFAULT_CONNECT_TIMEOUT);
    }

    /**
     * The embedded default: an H2 file that survives {@code kill -9} (WRITE_DELAY=0 commits to disk
     * before answering), that the command line can open while the server runs (AUTO_SERVER), and
     * that speaks the same SQL as PostgreSQL.
     */
    public static String embeddedH2Url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath()
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /**
     * The file an embedded H2 URL names ({@code jdbc:h2:file:/x/whitelabel} or {@code jdbc:h2:./whitelabel}:
     * {@code /x/whitelabel.mv.db}), made absolute; empty for any other database.
     */
    public Optional<Path> h2File() {
        if (!url.regionMatches(true, 0, H2, 0, H2.length())) {
            return Optional.empty();
        }
        String name = url.substring(H2.length()).split(";", 2)[0];
        if (name.regionMatches(true, 0, "file:", 0, "file:".length())) {
            name = name.substring("file:".length());
        } else if (H2_NOT_A_PLAIN_FILE.matcher(name).matches()) {
            return Optional.empty();
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + ".mv.db").toAbsolutePath().normalize());
    }

    /** The URL without a user name or password in it ({@code ;PASSWORD=}, {@code ?password=}, {@code //user:pw@}): fit for a log. */
    public String redactedUrl() {
        String[] segments = USER_INFO.matcher(url).replaceFirst("//").split(";", -1);
        List<String> kept = new ArrayList<>();
        kept.add(withoutSecretQueryParameters(segments[0]));
        Arrays.stream(segments)
                .skip(1)
                .filter(parameter -> !isSecret(parameter))
                .forEach(kept::add);
        return String.join(";", kept);
    }

    /** What an operator needs to find the data: the H2 file, or the redacted URL. */
    public String location() {
        return h2File().map(Path::toString).orElseGet(this::redactedUrl);
    }

    private static String withoutSecretQueryParameters(String head) {
        int query = head.indexOf('?');
        if (query < 0) {
            return head;
        }
        List<String> kept = Arrays.stream(head.substring(query + 1).split("&", -1))
                .filter(parameter -> !isSecret(parameter))
                .toList();
        return head.substring(0, query) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static boolean isSecret(String parameter) {
        String key = parameter.split("=", 2)[0].strip().toLowerCase(Locale.ROOT);
        return key.equals("user") || key.equals("username") || key.equals("pwd") || key.contains("password");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user.orElse("") + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout + "]";
    }
}
