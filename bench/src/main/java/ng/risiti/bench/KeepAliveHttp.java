package ng.risiti.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A blocking HTTP/1.1 connection kept alive, one per load thread, as wrk keeps its own: the request is written and
 * the answer read on the thread that times it. The JDK's HttpClient hands every exchange to its selector thread and
 * an executor and back, three wake-ups per request, each a wait in the run queue when the stack shares the bench's
 * two cores; that wait is the client's, not the API's. Knows Content-Length and chunked bodies, nothing more.
 */
final class KeepAliveHttp implements AutoCloseable {

    record Reply(int status, String body) {
    }

    private final String host;
    private final int port;
    private final String headers;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** {@code apiKey} goes with every request as {@code x-api-key}. */
    KeepAliveHttp(String base, String apiKey) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.headers = "Host: " + host + ":" + port + "\r\nx-api-key: " + apiKey + "\r\n";
    }

    Reply send(String method, String path, String body) throws IOException {
        return send(method, path, null, body);
    }

    /** {@code idempotencyKey}, when not null, goes as {@code Idempotency-Key}. */
    Reply send(String method, String path, String idempotencyKey, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\n" + headers + (body == null ? "" : "Content-Type: application/json\r\n")
                + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n")
                + "Content-Length: " + content.length + "\r\n\r\n";
        boolean reused = socket != null;
        try {
            return exchange(head, content);
        } catch (ClosedBeforeAnswer closed) {
            // the server closed a connection that sat idle between phases without reading this request: send it again
            close();
            if (!reused) {
                throw closed;
            }
            return exchange(head, content);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The connection ended before the first byte of an answer. */
    private static final class ClosedBeforeAnswer extends IOException {
        ClosedBeforeAnswer() {
            super("the connection closed before an answer");
        }
    }

    private Reply exchange(String head, byte[] content) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        out.write(request);
        out.flush();

        String statusLine;
        try {
            statusLine = line();
        } catch (EOFException e) {
            throw new ClosedBeforeAnswer();
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, received);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            copy(length, received);
        }
        if (close) {
            close();
        }
        return new Reply(status, received.toString(StandardCharsets.UTF_8));
    }

    private void copy(long count, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8192];
        while (count > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
            if (read < 0) {
                throw new IOException("the connection closed inside a response body");
            }
            to.write(buffer, 0, read);
            count -= read;
        }
    }

    /** One CRLF-terminated line without its terminator; EOFException when the connection ends before any byte of it. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.isEmpty()) {
                    throw new EOFException("the connection closed");
                }
                throw new IOException("the connection closed inside a line");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
            socket = null;
        }
    }
}
