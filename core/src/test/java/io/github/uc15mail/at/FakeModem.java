package io.github.uc15mail.at;

import io.github.uc15mail.testkit.InMemoryTransport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** The modem end of an in-memory pipe, driven by hand from a test: read what the host wrote, write replies. */
final class FakeModem implements TransportListener {

    private final InMemoryTransport end;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private int readPosition;

    FakeModem(InMemoryTransport end) throws IOException {
        this.end = end;
        end.open(this);
    }

    @Override
    public synchronized void onBytes(byte[] data, int offset, int length) {
        received.write(data, offset, length);
        notifyAll();
    }

    @Override
    public void onClosed(Throwable cause) {}

    /** The next command line the host wrote (without its CR); fails the test after 5 s. */
    synchronized String takeLine() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            byte[] all = received.toByteArray();
            for (int i = readPosition; i < all.length; i++) {
                if (all[i] == '\r') {
                    String line = new String(all, readPosition, i - readPosition, StandardCharsets.ISO_8859_1);
                    readPosition = i + 1;
                    return line;
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no command line within 5 s; unread: "
                        + new String(all, readPosition, all.length - readPosition, StandardCharsets.ISO_8859_1));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The next {@code n} raw bytes the host wrote. */
    synchronized byte[] takeBytes(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (received.size() - readPosition < n) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + n + " bytes, got " + (received.size() - readPosition));
            }
            wait(Math.max(1, left / 1_000_000));
        }
        byte[] all = received.toByteArray();
        byte[] out = Arrays.copyOfRange(all, readPosition, readPosition + n);
        readPosition += n;
        return out;
    }

    /** How many bytes the host wrote that the test has not taken yet. */
    synchronized int unread() {
        return received.size() - readPosition;
    }

    void reply(String text) throws IOException {
        end.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes {@code text} one byte per write. */
    void replyBytewise(String text) throws IOException {
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            end.write(new byte[] {b});
        }
    }

    void close() {
        end.close();
    }
}
