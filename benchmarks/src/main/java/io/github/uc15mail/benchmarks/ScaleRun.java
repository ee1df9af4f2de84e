package io.github.uc15mail.benchmarks;

import io.github.uc15mail.ModemMailer;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * N mailers, each on its own emulator with its line at a given baud rate, all sending small emails to one
 * SMTP server as fast as they can for a fixed window. Each mailer sends one email first (untimed) so the
 * window sees the steady state, where the SMTP settings are already on the modem.
 */
public final class ScaleRun {

    /** What one run measured. */
    public record Result(int mailers, int emails, double seconds) {

        public double emailsPerMinute() {
            return emails / seconds * 60;
        }
    }

    private ScaleRun() {
    }

    /** Runs {@code mailers} modems for {@code window} at {@code baud}. */
    public static Result run(SmtpServer smtp, int mailers, int baud, Duration window) {
        List<Uc15Emulator> modems = new ArrayList<>();
        List<ModemMailer> senders = new ArrayList<>();
        try {
            for (int i = 0; i < mailers; i++) {
                Uc15Emulator modem = Uc15Emulator.builder().build();
                modems.add(modem);
                modem.faults().lineSpeed(baud);
                senders.add(ModemMailer.open(modem.connect(), smtp.config()));
            }
            for (ModemMailer m : senders) {
                m.sendAsync(Emails.small(0)).join();
            }
            AtomicInteger sent = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(mailers);
            long start = System.nanoTime();
            long deadline = start + window.toNanos();
            for (int i = 0; i < mailers; i++) {
                ModemMailer m = senders.get(i);
                Thread t = new Thread(() -> {
                    try {
                        int n = 1;
                        while (System.nanoTime() < deadline) {
                            m.send(Emails.small(n++));
                            sent.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        done.countDown();
                    }
                }, "scale-sender-" + i);
                t.setDaemon(true);
                t.start();
            }
            done.await();
            long elapsed = System.nanoTime() - start;
            if (failure.get() != null) {
                throw new IllegalStateException("a send failed during the scale run", failure.get());
            }
            return new Result(mailers, sent.get(), elapsed / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            senders.forEach(ModemMailer::close);
            modems.forEach(Uc15Emulator::close);
            smtp.purge();
        }
    }
}
