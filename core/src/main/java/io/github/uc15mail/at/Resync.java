package io.github.uc15mail.at;

import io.github.uc15mail.error.CommandTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the modem back to a known state after a timeout, before the next queued command: the line goes
 * quiet, data mode is left with a guarded {@code +++} if the command was in it (an open {@code > } prompt with
 * ESC), and {@code AT} is sent
 * until the modem answers {@code OK}; then the line settles again. Replies arriving meanwhile find no
 * command in flight and are dropped, so a late reply is never credited to the next command. Nothing is
 * re-sent. Runs on a pool thread; the session stays in {@code RESYNC} until it returns.
 */
final class Resync {

    private static final byte[] ESCAPE = "+++".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CANCEL_PROMPT = {0x1B};

    private static final Logger log = LoggerFactory.getLogger(AtSession.class);
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration QUIET_AT_MOST = Duration.ofSeconds(3);
    /** Guarded escapes per resync: a second one when the first was taken as data. */
    private static final int MAX_ESCAPES = 2;

    /** How to leave what the timed-out command left open. */
    enum Escape {
        /** Nothing open. */
        NONE,
        /** Data mode after {@code CONNECT}: a guarded {@code +++}. */
        DATA_MODE,
        /** A {@code > } prompt: ESC, which cancels the input (a {@code +++} would be taken as PDU text). */
        CANCEL_PROMPT
    }

    private final CommandSequencer sequencer;
    private final AtSessionOptions options;

    Resync(CommandSequencer sequencer) {
        this.sequencer = sequencer;
        this.options = sequencer.options();
    }

    void run(Escape escape) {
        try {
            awaitNothingInFlight();
            if (escape == Escape.CANCEL_PROMPT) {
                // At once: the prompt blocks the line until it is answered.
                cancelPrompt(sequencer);
            }
            awaitQuiet(QUIET, QUIET_AT_MOST);
            int escapes = 0;
            if (escape == Escape.DATA_MODE) {
                escapeDataMode(sequencer);
                escapes++;
            }
            sequencer.resetDecoder();
            for (int attempt = 1; attempt <= options.resyncAttempts() && !sequencer.isClosed(); attempt++) {
                Throwable failure = probe();
                if (failure == null) {
                    // The OK may have been the timed-out command's late reply, with the probe's own OK
                    // still to come: let the line settle so that it arrives (and is dropped) while
                    // nothing is in flight, instead of being taken for the next command's result.
                    awaitQuiet(QUIET, QUIET_AT_MOST);
                    log.info("resynchronised with the modem after {} attempt(s)", attempt);
                    return;
                }
                if (sequencer.isClosed()) {
                    return;
                }
                log.debug("resync attempt {} got no OK: {}", attempt, failure.getMessage());
                if (failure instanceof CommandTimeoutException && escapes < MAX_ESCAPES) {
                    // No answer to AT: the modem may sit in data mode, for example left there by a host
                    // that died in the middle of an upload. A guarded +++ ends it (and is harmless in
                    // command mode); the upload or body then ends with what came. Once more if AT still
                    // gets nothing: bytes a dead host left in flight can land inside the guard time, and
                    // the modem then takes that +++ as data.
                    log.info("no answer to AT; sending ESC and a guarded +++ in case the modem waits at an SMS prompt"
                            + " or is in data mode");
                    // ESC first: a '> ' prompt (AT+CMGS) a dead host left open takes everything else as PDU text.
                    // In data mode it is one more byte of a payload that is abandoned anyway.
                    cancelPrompt(sequencer);
                    escapeDataMode(sequencer);
                    escapes++;
                    sequencer.resetDecoder();
                }
            }
            if (!sequencer.isClosed()) {
                log.warn("the modem did not answer AT after {} attempts", options.resyncAttempts());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("resync stopped: {}", e.getMessage());
        } finally {
            sequencer.endResync();
        }
    }

    /** Waits until no exchange (nor its payload writer) is in flight. */
    private void awaitNothingInFlight() throws InterruptedException {
        sequencer.lock.lock();
        try {
            while (sequencer.inFlightLocked() && !sequencer.closedLocked()) {
                sequencer.changed.await();
            }
        } finally {
            sequencer.lock.unlock();
        }
    }

    /** Waits until no byte arrived for {@code quiet}, at most {@code max}. Wakes only when it may be quiet. */
    private void awaitQuiet(Duration quiet, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        sequencer.lock.lock();
        try {
            while (!sequencer.closedLocked()) {
                long now = System.nanoTime();
                long wait = Math.min(quiet.toNanos() - (now - sequencer.lastByteNanosLocked()), end - now);
                if (wait <= 0) {
                    return;
                }
                sequencer.changed.awaitNanos(wait);
            }
        } finally {
            sequencer.lock.unlock();
        }
    }

    /** Sleeps for {@code d} without holding the line; returns early once the session is closed. */
    /** A guarded {@code +++}: silence, the escape, silence. */
    static void escapeDataMode(CommandSequencer sequencer) throws InterruptedException {
        pause(sequencer, sequencer.options().guardTime());
        sequencer.tap().escape();
        sequencer.write(ESCAPE, 0, ESCAPE.length, "+++");
        pause(sequencer, sequencer.options().guardTime());
    }

    /** ESC, which ends the input of a {@code > } prompt without sending it (TS 27.005, 3.5.1). */
    static void cancelPrompt(CommandSequencer sequencer) {
        sequencer.tap().escape();
        sequencer.write(CANCEL_PROMPT, 0, 1, "ESC");
    }

    static void pause(CommandSequencer sequencer, Duration d) throws InterruptedException {
        long end = System.nanoTime() + d.toNanos();
        sequencer.lock.lock();
        try {
            long left;
            while (!sequencer.closedLocked() && (left = end - System.nanoTime()) > 0) {
                sequencer.changed.awaitNanos(left);
            }
        } finally {
            sequencer.lock.unlock();
        }
    }

    /** One {@code AT}; null when answered {@code OK}, else why not. */
    private Throwable probe() throws InterruptedException {
        Duration timeout = options.resyncReplyTimeout();
        try {
            // The probe's own deadline completes it; the bound here only guards against a lost wake-up.
            sequencer.probe(Commands.at(), timeout).get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return new CommandTimeoutException("AT (resync probe)", timeout);
        }
    }
}
