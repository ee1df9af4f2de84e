package io.github.uc15mail.testkit.internal;

import io.github.uc15mail.transport.Transport.SocketTransport;
import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a modem on {@code 127.0.0.1:port}, one client at a time as a serial port has one owner: while the
 * client it attached is still the modem's link, a new one reads the busy text and is closed, and the first is
 * not disturbed. A client that just went away is given a moment to be noticed before a new one is called busy.
 */
public final class TcpServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpServer.class);
    private static final Duration BUSY_GRACE = Duration.ofMillis(500);

    private final ServerSocket socket;
    private final String busyText;
    private final Supplier<Transport> currentLink;
    private final Consumer<Transport> attach;
    private volatile Transport client;

    public TcpServer(int port, String busyText, Supplier<Transport> currentLink, Consumer<Transport> attach)
            throws IOException {
        this.busyText = busyText;
        this.currentLink = currentLink;
        this.attach = attach;
        ServerSocket ss = new ServerSocket();
        try {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        socket = ss;
        Thread t = new Thread(this::acceptLoop, "uc15-emulator-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                if (clientConnected()) {
                    refuse(s);
                    continue;
                }
                log.info("host connected from {}", s.getRemoteSocketAddress());
                SocketTransport t = new SocketTransport(s);
                client = t;
                attach.accept(t);
            } catch (IOException | RuntimeException e) {
                if (!socket.isClosed()) {
                    log.warn("accept failed", e);
                }
            }
        }
    }

    private boolean clientConnected() {
        long end = System.nanoTime() + BUSY_GRACE.toNanos();
        while (true) {
            Transport t = client;
            if (t == null || currentLink.get() != t) {
                return false;
            }
            if (System.nanoTime() - end >= 0) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }
    }

    private void refuse(Socket s) {
        log.info("refusing {}: another client is connected", s.getRemoteSocketAddress());
        try (s) {
            s.getOutputStream().write(busyText.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        } catch (IOException e) {
            log.debug("refusing a second client", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close listener", e);
        }
    }
}
