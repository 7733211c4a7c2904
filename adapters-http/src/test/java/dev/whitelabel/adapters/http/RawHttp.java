package dev.whitelabel.adapters.http;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request written byte by byte to the socket: what no HTTP client library would send. */
final class RawHttp {

    private RawHttp() {}

    /** Sends {@code request} as it is, half-closes, and answers all that comes back, read as ISO-8859-1. */
    static String exchange(int port, byte[] request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
