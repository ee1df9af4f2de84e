package io.github.uc15mail.cli;

import io.github.uc15mail.Modem;

import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.TransportClosedException;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.at.AtSession;
import io.github.uc15mail.at.AtSessionOptions;
import io.github.uc15mail.at.TrafficListener;
import io.github.uc15mail.serial.SerialPortException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An open AT session with a modem that has answered {@code AT}. Opening turns the two ways a modem can be
 * out of reach into exit code 4 with one line: the port cannot be opened (the line names it and why), or
 * nothing answers {@code AT} within the budget.
 */
public final class ModemLink implements AutoCloseable {

    private static final Duration AT_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private final ModemAddress address;
    private final Modem modem;
    private final AtSession session;

    private ModemLink(ModemAddress address, Modem modem) {
        this.address = address;
        this.modem = modem;
        this.session = modem.session();
    }

    /**
     * Opens {@code address}, attaches {@code traffic} (may be null) before anything is written, and checks
     * that the modem answers {@code AT}.
     *
     * @throws CliFailure with {@link ExitCodes#MODEM_UNREACHABLE}
     */
    public static ModemLink open(ModemAddress address, int baud, TrafficListener traffic, Duration answerBudget) {
        return open(address, baud, traffic, answerBudget, TraceOptions.none(), new SecretMasker(), 0);
    }

    /**
     * As {@link #open(ModemAddress, int, TrafficListener, Duration)}, recording the link to {@code trace}'s file
     * ({@code index} &gt; 0 numbers it for one of several modems), with {@code masker}'s secrets masked.
     */
    static ModemLink open(ModemAddress address, int baud, TrafficListener traffic, Duration answerBudget,
            TraceOptions trace, SecretMasker masker, int index) {
        io.github.uc15mail.transport.Transport transport = trace.wrap(address.transport(baud), masker, index);
        Modem modem;
        try {
            modem = Modem.open(transport, AtSessionOptions.defaults());
        } catch (SerialPortException e) {
            throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, e.getMessage(), e);
        } catch (IOException e) {
            String why = String.valueOf(e.getMessage());
            throw new CliFailure(ExitCodes.MODEM_UNREACHABLE,
                    why.contains(address.spec()) ? why : "cannot open " + address + ": " + why, e);
        }
        if (traffic != null) {
            modem.session().addTrafficListener(traffic);
        }
        ModemLink link = new ModemLink(address, modem);
        try {
            link.awaitAnswer(answerBudget);
        } catch (RuntimeException e) {
            modem.close();
            throw e;
        }
        return link;
    }

    /**
     * Sends {@code AT} until something answers or {@code budget} is spent, and gives up at the end of the budget: the
     * wait for each reply is cut at the deadline, so a session still resynchronising after a silent {@code AT} (which
     * can take several seconds more) does not stretch the total past what the message promises.
     */
    private void awaitAnswer(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        Throwable last = null;
        while (true) {
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (leftMillis <= 0) {
                break;
            }
            Duration attempt = Duration.ofMillis(Math.max(200, Math.min(AT_ATTEMPT_TIMEOUT.toMillis(), leftMillis)));
            try {
                session.execute(Commands.at().withTimeout(attempt)).get(leftMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (ExecutionException e) {
                last = e.getCause();
                if (last instanceof TransportClosedException) {
                    throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, "the link to the modem on " + address
                            + " closed before it answered AT", last);
                }
                if (!(last instanceof CommandTimeoutException)) {
                    // It answered, if only with ERROR: something is there and talking.
                    return;
                }
            } catch (TimeoutException e) {
                last = e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, "interrupted while waiting for the modem on "
                        + address, e);
            }
        }
        throw new CliFailure(ExitCodes.MODEM_UNREACHABLE, "nothing answers AT on " + address + " within "
                + seconds(budget) + ": check that it is the modem's AT port (/dev/ttyUSB2 on a Raspberry Pi), "
                + "the baud rate, and that the modem is powered", last);
    }

    /** {@code 15 s}, or {@code 1.5 s} for a budget that is not whole seconds. */
    static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The modem, which owns the session: pass it to mailers and run commands through it. */
    public Modem modem() {
        return modem;
    }

    /** The session, ready for commands. */
    public AtSession session() {
        return session;
    }

    /** The address it was opened on. */
    public ModemAddress address() {
        return address;
    }

    /** Closes the session and the port. */
    @Override
    public void close() {
        try {
            modem.close();
        } catch (Uc15Exception e) {
            // Closing never matters more than the result already printed.
        }
    }
}
