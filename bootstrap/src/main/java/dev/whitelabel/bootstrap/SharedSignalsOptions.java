package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.adapters.http.ssf.SealedKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The transmitter's settings: the public URL, and the server key that seals the platforms' signing keys.
 * The key is a secret, so it is read from the environment ({@code WHITELABEL_SSF_KEY}, 32 bytes in
 * base64) or a file, never from a flag; with neither, a new key is written to the file once, readable by
 * this account only, which suits one instance on its own H2 file.
 */
final class SharedSignalsOptions {

    static final String KEY_VARIABLE = "WHITELABEL_SSF_KEY";

    @Option(
            names = "--public-url",
            paramLabel = "URL",
            defaultValue = "${env:WHITELABEL_PUBLIC_URL}",
            description = "The URL receivers reach this service at, each platform's Shared Signals issuer built on it"
                    + " (env WHITELABEL_PUBLIC_URL). Default: http://localhost:PORT")
    Optional<String> publicUrl;

    @Option(
            names = "--ssf-key-file",
            paramLabel = "FILE",
            defaultValue = "${env:WHITELABEL_SSF_KEY_FILE:-data/whitelabel-ssf.key}",
            description = "File holding the server key that seals signing keys, written if missing, when "
                    + KEY_VARIABLE + " is not set (env WHITELABEL_SSF_KEY_FILE). Default: ${DEFAULT-VALUE}")
    Path keyFile;

    SharedSignals sharedSignals(int port) {
        var url = new PublicUrl(publicUrl.filter(text -> !text.isBlank()).orElse("http://localhost:" + port));
        return SharedSignals.of(url, serverKey());
    }

    private byte[] serverKey() {
        Optional<String> given =
                Optional.ofNullable(System.getenv(KEY_VARIABLE)).filter(value -> !value.isBlank());
        try {
            if (given.isEmpty() && Files.notExists(keyFile)) {
                write(keyFile);
            }
            String encoded = given.isPresent() ? given.get() : Files.readString(keyFile, StandardCharsets.US_ASCII);
            byte[] key = Base64.getDecoder().decode(encoded.strip());
            if (key.length != 32) {
                throw new IllegalArgumentException();
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The Shared Signals server key (" + KEY_VARIABLE + " or " + keyFile
                    + ") is not 32 bytes in base64.");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The Shared Signals key file " + keyFile + " could not be read or written.", e);
        }
    }

    /** Written beside, then linked in place, which never replaces a file: two instances starting together keep the first key. */
    private static void write(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path draft = Files.createTempFile(directory, ".ssf-key", ".tmp");
        try {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(draft, Base64.getEncoder().encodeToString(SealedKeys.newServerKey()) + "\n");
            Files.createLink(file, draft);
        } catch (FileAlreadyExistsException alreadyWritten) {
            // another instance wrote it first: its key stands
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
