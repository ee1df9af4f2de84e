package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.SmtpServiceException.ModemErrorCode;
import io.github.uc15mail.error.SmtpServiceException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.at.Commands;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The modem's single email content buffer: {@code AT+QSMTPCLR}, retried while the SMTP service answers 652
 * (an earlier send still running, its result pending), up to the busy wait.
 */
final class SmtpContent {

    private static final Logger log = LoggerFactory.getLogger(SmtpContent.class);
    /** How often a busy SMTP service (652) is asked again. */
    static final Duration BUSY_POLL = Duration.ofMillis(500);

    private final Duration busyWait;
    /** Null until cleared after the send; then whether the service was found idle. */
    private Boolean idleAfterSend;

    SmtpContent(Duration busyWait) {
        this.busyWait = busyWait;
    }

    /** Before a send: clears what an earlier one left, waiting while it still runs; throws when it stays busy. */
    void clearBefore(StepRunner exchange) {
        clearWaiting(exchange.isLive(), () -> exchange.run(Commands.clearContent()), busy -> exchange.pause(BUSY_POLL));
    }

    /**
     * After a send (once; later calls return the first answer): clears the content, waiting while the modem
     * still sends (a send whose result was lost). Returns whether the service is idle, so files may be deleted.
     * Never throws: problems are collected.
     */
    boolean clearAfter(StepRunner exchange, List<RuntimeException> problems) {
        if (idleAfterSend == null) {
            CommandRunner runner = exchange.runner;
            try {
                clearWaiting(runner.isLive(), () -> runner.run(Commands.clearContent()), SmtpContent::sleep);
                idleAfterSend = true;
            } catch (TransportClosedException e) {
                problems.add(e);
                idleAfterSend = false;
            } catch (SmtpServiceException e) {
                problems.add(e);
                idleAfterSend = !isBusy(e);
            } catch (RuntimeException e) {
                problems.add(e);
                idleAfterSend = true;
            }
        }
        return idleAfterSend;
    }

    /** Runs {@code clear} until it is not answered 652, pausing between tries; 652 after the busy wait is thrown. */
    private void clearWaiting(boolean live, Runnable clear, Consumer<SmtpServiceException> pause) {
        long end = System.nanoTime() + busyWait.toNanos();
        while (true) {
            try {
                clear.run();
                return;
            } catch (SmtpServiceException e) {
                if (!isBusy(e) || System.nanoTime() - end >= 0 || !live) {
                    throw e;
                }
                log.info("the SMTP service is busy with an earlier send; waiting up to {} s", busyWait.toSeconds());
                pause.accept(e);
            }
        }
    }

    /** 652: the SMTP service is still busy with an earlier upload or send. */
    private static boolean isBusy(SmtpServiceException e) {
        return e.errorCode() == ModemErrorCode.SERVICE_BUSY.code();
    }

    /** Sleeps a poll interval; interrupted, gives up with {@code busy}. */
    private static void sleep(SmtpServiceException busy) {
        try {
            Thread.sleep(BUSY_POLL.toMillis());
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw busy;
        }
    }
}
