package ng.risiti.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** TCP port helpers for tests and the local stack. */
public final class Ports {

    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

    private Ports() {
    }

    /**
     * A TCP port that is free on 127.0.0.1 right now (the OS picks it). Another process may take it before the
     * caller binds it, so use it promptly.
     */
    public static int free() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }

    /** Whether something accepts TCP connections on host:port (1 s connect timeout). */
    public static boolean isOpen(String host, int port) {
        return isOpen(host, port, CONNECT_TIMEOUT_MILLIS);
    }

    static boolean isOpen(String host, int port, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
