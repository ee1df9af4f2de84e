package io.github.uc15mail.serial;

import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link TransportListener} that records everything, with bounded waits. Test helper. */
class Recorder implements TransportListener {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<Throwable> closes = new ArrayList<>();
    private final List<String> closeThreads = new ArrayList<>();
    private boolean closed;

    @Override
    public synchronized void onBytes(byte[] data, int offset, int length) {
        bytes.write(data, offset, length);
        notifyAll();
    }

    @Override
    public synchronized void onClosed(Throwable cause) {
        closes.add(cause);
        closeThreads.add(Thread.currentThread().getName());
        closed = true;
        notifyAll();
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    synchronized int size() {
        return bytes.size();
    }

    /** Waits until at least {@code n} bytes arrived; returns what arrived (maybe fewer on timeout). */
    synchronized byte[] awaitBytes(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bytes.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return bytes.toByteArray();
    }

    /** Waits until onClosed was called; returns whether it was. */
    synchronized boolean awaitClosed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized List<Throwable> closes() {
        return new ArrayList<>(closes);
    }

    synchronized List<String> closeThreads() {
        return new ArrayList<>(closeThreads);
    }
}
