package io.github.uc15mail.testkit.internal;

import io.github.uc15mail.transport.Transport;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the modem says to the current link on its own thread, applying the output faults (reply
 * delay, chunking, line speed). Output with no link attached is dropped, like bytes on an unplugged UART.
 */
public final class OutputPump implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutputPump.class);

    private record Item(byte[] bytes, boolean reply, Runnable marker) {}

    private static final Item STOP = new Item(new byte[0], false, null);

    private final FaultState faults;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile Transport link;

    public OutputPump(FaultState faults) {
        this.faults = faults;
        this.thread = new Thread(this::run, "uc15-emulator-output");
        thread.setDaemon(true);
        thread.start();
    }

    public void link(Transport transport) {
        this.link = transport;
    }

    public Transport link() {
        return link;
    }

    /** Queues bytes; {@code reply} marks a command's reply, which the reply delay applies to. */
    public void send(byte[] bytes, boolean reply) {
        if (bytes.length > 0) {
            queue.add(new Item(bytes, reply, null));
        }
    }

    /** Runs {@code action} on the output thread once everything queued before it is written. */
    public void after(Runnable action) {
        queue.add(new Item(new byte[0], false, action));
    }

    private void run() {
        try {
            while (true) {
                Item item = queue.take();
                if (item == STOP) {
                    return;
                }
                if (item.marker != null) {
                    try {
                        item.marker.run();
                    } catch (RuntimeException e) {
                        log.warn("output marker failed", e);
                    }
                    continue;
                }
                if (item.reply) {
                    long delay = faults.replyDelay().toNanos();
                    if (delay > 0) {
                        faults.count(FaultState.Injected.REPLY_DELAY);
                    }
                    FaultState.sleepNanos(delay);
                }
                write(item.bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(byte[] bytes) {
        int off = 0;
        while (off < bytes.length) {
            int n = faults.nextChunk(bytes.length - off);
            if (off == 0 && n < bytes.length) {
                faults.count(FaultState.Injected.CHUNKS);
            }
            faults.pace(FaultState.Wire.FROM_MODEM, n);
            Transport t = link;
            if (t == null) {
                log.debug("no link; {} bytes dropped", bytes.length - off);
                return;
            }
            try {
                t.write(bytes, off, n);
            } catch (IOException | RuntimeException e) {
                log.debug("write to {} failed; output dropped: {}", t.describe(), e.toString());
                return;
            }
            off += n;
        }
    }

    @Override
    public void close() {
        queue.add(STOP);
    }
}
