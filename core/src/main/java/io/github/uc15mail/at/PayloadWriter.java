package io.github.uc15mail.at;

import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a data-mode payload once the modem said {@code CONNECT}, on a pool thread so that the reader
 * thread keeps decoding (the {@code A}s of ACK mode, or a final result that ends data mode early).
 * Exactly the payload's length is written, in 1024-byte blocks each after an {@code A} in ACK mode.
 * It stops at the next block once the exchange has ended (early final result, timeout, closed link); if
 * the source fails, it leaves data mode with a guarded {@code +++} and the command fails with that cause.
 */
final class PayloadWriter {

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);

    private final CommandSequencer sequencer;

    PayloadWriter(CommandSequencer sequencer) {
        this.sequencer = sequencer;
    }

    /** Starts writing the payload of {@code ex} on a pool thread. */
    void start(InFlightCommand ex) {
        Watchdog.run(() -> write(ex));
    }

    private void write(InFlightCommand ex) {
        AtCommand<?> command = ex.command;
        DataPayload payload = command.payload().orElseThrow();
        long length = payload.length();
        boolean ack = payload.ackMode();
        long sent = 0;
        InputStream in = null;
        try {
            byte[] buffer = new byte[ack ? DataPayload.ACK_BLOCK : 4096];
            in = payload.open();
            while (sent < length) {
                int want = (int) Math.min(buffer.length, length - sent);
                int got = in.readNBytes(buffer, 0, want);
                if (got < want) {
                    throw new IOException("the source ended after " + (sent + got) + " of " + length + " bytes");
                }
                if (!clearToSend(ex, ack && sent > 0, got, sent + got == length)) {
                    return;
                }
                sequencer.write(buffer, 0, got, command.loggable());
                sent += got;
                payload.reportProgress(sent);
            }
            payloadDone(ex, null);
            sequencer.tap().payload(command.loggable(), sent);
        } catch (TransportClosedException e) {
            log.debug("payload of {} stopped: {}", command.loggable(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            abort(ex, e);
        } finally {
            closeQuietly(in);
            sequencer.writerGone(ex);
        }
    }

    /**
     * The source failed (or the caller cancelled through it) while the modem is in data mode: leave data
     * mode the only safe way, then let the modem finish the command, which fails with this cause.
     */
    private void abort(InFlightCommand ex, Exception cause) {
        String command = ex.command.loggable();
        if (hasEnded(ex)) {
            log.debug("payload of {} stopped after the command ended: {}", command, cause.toString());
            return;
        }
        boolean prompted = ex.command.payload().orElseThrow().prompted();
        payloadDone(ex, new Uc15Exception("the payload of " + command + " was not sent whole: "
                + cause.getMessage() + (prompted ? "; input cancelled with ESC" : "; data mode left with +++"), cause));
        try {
            if (prompted) {
                Resync.cancelPrompt(sequencer);
            } else {
                Resync.escapeDataMode(sequencer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TransportClosedException e) {
            log.debug("could not leave data mode: {}", e.getMessage());
        }
    }

    /**
     * Called by the payload writer before each block: waits (without polling) for the modem's {@code A}
     * when {@code needAck}, then counts the block as handed over. False when the exchange has ended.
     */
    private boolean clearToSend(InFlightCommand ex, boolean needAck, int bytes, boolean last) throws InterruptedException {
        sequencer.lock.lock();
        try {
            while (needAck && ex.acks == 0 && !ex.ended() && !sequencer.closedLocked()) {
                sequencer.changed.await();
            }
            if (ex.ended() || ex.phase != InFlightCommand.Phase.PAYLOAD || sequencer.closedLocked()) {
                return false;
            }
            if (needAck) {
                ex.acks--;
            }
            ex.written += bytes;
            if (last) {
                ex.phase = InFlightCommand.Phase.AWAIT_FINAL;
            }
            return true;
        } finally {
            sequencer.lock.unlock();
        }
    }

    /** The payload is out whole (or abandoned with {@code +++}): the final result is next. */
    private void payloadDone(InFlightCommand ex, Uc15Exception abortFailure) {
        sequencer.lock.lock();
        try {
            if (abortFailure != null && !ex.ended()) {
                ex.abortFailure = abortFailure;
            }
            if (ex.phase == InFlightCommand.Phase.PAYLOAD) {
                ex.phase = InFlightCommand.Phase.AWAIT_FINAL;
            }
        } finally {
            sequencer.lock.unlock();
        }
    }

    private boolean hasEnded(InFlightCommand ex) {
        sequencer.lock.lock();
        try {
            return ex.ended() || sequencer.closedLocked();
        } finally {
            sequencer.lock.unlock();
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                log.debug("closing a payload source failed", e);
            }
        }
    }
}
