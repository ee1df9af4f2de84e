package io.github.uc15mail.testkit;

import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A minimal raw-AT driver for tests: writes command lines to a host {@link Transport} and reads the modem's
 * lines back. It is deliberately dumb (no URC routing, no retries) so tests see exactly what a modem sent.
 *
 * <p>Guarantees: every wait has a timeout; lines are split on CR or LF and empty lines are skipped; all
 * received bytes are kept ({@link #received()}). Does not strip echo, match replies to commands, or hide
 * URCs: a URC arriving before a final result is returned among the lines.
 */
public final class RawAtClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Transport transport;
    private final ByteArrayOutputStream all = new ByteArrayOutputStream();
    private int pos;
    private boolean closed;
    private final List<Integer> writeSizes = new ArrayList<>();

    /** Opens {@code transport} and starts collecting what the modem sends. */
    public RawAtClient(Transport transport) {
        this.transport = transport;
        try {
            transport.open(new TransportListener() {
                @Override
                public void onBytes(byte[] data, int offset, int length) {
                    synchronized (RawAtClient.this) {
                        all.write(data, offset, length);
                        writeSizes.add(length);
                        RawAtClient.this.notifyAll();
                    }
                }

                @Override
                public void onClosed(Throwable cause) {
                    synchronized (RawAtClient.this) {
                        closed = true;
                        RawAtClient.this.notifyAll();
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client on a new link to {@code emulator}. */
    public static RawAtClient connect(Uc15Emulator emulator) {
        return new RawAtClient(emulator.connect());
    }

    /** Writes raw bytes. */
    public void write(byte[] bytes) {
        try {
            transport.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text as ISO-8859-1 bytes. */
    public void write(String s) {
        write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code command} followed by CR. */
    public void send(String command) {
        write(command + "\r");
    }

    /** Sends a command and returns every non-empty line up to and including the final result or CONNECT. */
    public List<String> command(String command) {
        send(command);
        return readResponse(TIMEOUT);
    }

    /** Reads lines up to and including a final result or CONNECT; AssertionError on timeout. */
    public List<String> readResponse(Duration timeout) {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = nextLine(timeout);
            if (l == null) {
                throw new AssertionError("no final result; got " + lines + " then " + pending());
            }
            lines.add(l);
            if (isFinal(l)) {
                return lines;
            }
        }
    }

    /** OK, ERROR, +CME ERROR or CONNECT. */
    public static boolean isFinal(String l) {
        return l.equals("OK") || l.equals("ERROR") || l.startsWith("+CME ERROR:") || l.equals("CONNECT");
    }

    /** The next non-empty line, or null after the timeout. */
    public synchronized String nextLine(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            byte[] b = all.toByteArray();
            int i = pos;
            while (i < b.length && (b[i] == '\r' || b[i] == '\n')) {
                i++;
            }
            int j = i;
            while (j < b.length && b[j] != '\r' && b[j] != '\n') {
                j++;
            }
            if (j < b.length) {
                pos = j + 1;
                return new String(b, i, j - i, StandardCharsets.ISO_8859_1);
            }
            if (!waitUntil(deadline)) {
                return null;
            }
        }
    }

    /** Waits for a line matching {@code p}, skipping others; null on timeout. */
    public String awaitLine(Predicate<String> p, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String l = nextLine(Duration.ofNanos(left));
            if (l == null) {
                return null;
            }
            if (p.test(l)) {
                return l;
            }
        }
    }

    /** Waits until {@code text} arrives after the cursor and moves the cursor past it. */
    public synchronized boolean awaitText(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String s = new String(all.toByteArray(), StandardCharsets.ISO_8859_1);
            int i = s.indexOf(text, pos);
            if (i >= 0) {
                pos = i + text.length();
                return true;
            }
            if (!waitUntil(deadline)) {
                return false;
            }
        }
    }

    private boolean waitUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        try {
            wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    /** Everything not consumed yet, as text. */
    public synchronized String pending() {
        byte[] b = all.toByteArray();
        return new String(b, pos, b.length - pos, StandardCharsets.ISO_8859_1);
    }

    /** Everything received, as text. */
    public synchronized String received() {
        return new String(all.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    /** The size of every piece the transport delivered, in order. */
    public synchronized List<Integer> writeSizes() {
        return new ArrayList<>(writeSizes);
    }

    /** Whether the link was closed. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Waits for the link to close. */
    public synchronized boolean awaitClosed(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            if (!waitUntil(deadline)) {
                return closed;
            }
        }
        return true;
    }

    /** Uploads {@code data} to the modem after CONNECT and returns the final reply lines. */
    public List<String> dataCommand(String command, byte[] data) {
        List<String> head = command(command);
        if (!head.get(head.size() - 1).equals("CONNECT")) {
            return head;
        }
        write(data);
        List<String> lines = new ArrayList<>(head);
        lines.addAll(readResponse(TIMEOUT));
        return lines;
    }

    /** Closes the link. */
    @Override
    public void close() {
        transport.close();
    }
}
