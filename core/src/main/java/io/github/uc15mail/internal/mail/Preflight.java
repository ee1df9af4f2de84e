package io.github.uc15mail.internal.mail;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.error.ModemNotReadyException;
import io.github.uc15mail.error.ModemNotReadyException.Reason;
import io.github.uc15mail.error.ModemRestartedException;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.mail.Security;
import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import io.github.uc15mail.at.Commands;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs with the modem, checks SIM and registration, and identifies the module ({@link ModuleCheck}: a module
 * without the SMTP service is refused here, before any setting is written). A module that restarts meanwhile (the host opened the
 * port while it powered on) is taken from the top: nothing was changed yet. A module still starting up (SIM
 * busy, searching for a network) is asked again every second until the ready wait is over.
 */
final class Preflight implements SendStep {

    private static final Logger log = LoggerFactory.getLogger(Preflight.class);
    /** How many times preflight starts over when the module announces a restart ({@code RDY}) during it. */
    static final int RESTARTS = 3;
    /** {@code +CME ERROR: 14}, SIM busy: the SIM is still starting. */
    static final int CME_SIM_BUSY = 14;
    static final Duration READY_POLL = Duration.ofSeconds(1);

    @Override
    public SendPhase phase() {
        return SendPhase.PREFLIGHT;
    }

    @Override
    public void run(SendContext c) {
        StepRunner x = c.exchange;
        if (c.warm) {
            // The modem's last answers are its health: only the cached profile is taken (no command when known).
            c.profile = ModuleCheck.ensure(x, c.state, c.config.security() != Security.NONE);
            return;
        }
        for (int restarts = 0; ; restarts++) {
            try {
                sync(x);
                awaitReady(x, System.nanoTime() + c.config.readyWait().toNanos());
                c.profile = ModuleCheck.ensure(x, c.state, c.config.security() != Security.NONE);
                x.acceptRestarts();
                return;
            } catch (ModemRestartedException e) {
                x.acceptRestarts();
                if (restarts >= RESTARTS) {
                    throw e;
                }
                log.info("the modem restarted during the preflight; starting it over");
            }
        }
    }

    /** {@code AT} (tried twice: the session resynchronises after a timeout), echo off, numeric error codes. */
    static void sync(StepRunner x) {
        try {
            x.run(Commands.at());
        } catch (CommandTimeoutException first) {
            // The session resynchronised after the timeout (leaving a data mode an earlier, crashed host
            // left open if need be); one more try tells a modem that is back from one that is gone.
            log.info("no answer to AT; trying once more after resynchronising");
            try {
                x.run(Commands.at());
            } catch (CommandTimeoutException e) {
                throw new ModemNotReadyException(Reason.NO_RESPONSE, "the modem does not answer AT", e);
            }
        }
        x.run(Commands.echo(false));
        x.run(Commands.cmee(1));
    }

    private static void awaitReady(StepRunner x, long readyBy) {
        while (true) {
            String sim;
            try {
                sim = x.query(Replies.simStatus());
            } catch (CmeErrorException e) {
                if (e.code() == CME_SIM_BUSY && waitForReadiness(x, readyBy, "the SIM is busy")) {
                    continue;
                }
                throw new ModemNotReadyException(Reason.SIM_NOT_READY, "the SIM is not ready: " + e.text(), e);
            }
            if (sim.equalsIgnoreCase("READY")) {
                break;
            }
            if (sim.equalsIgnoreCase("NOT READY") && waitForReadiness(x, readyBy, "the SIM is not ready yet")) {
                continue;
            }
            throw new ModemNotReadyException(Reason.SIM_NOT_READY, "the SIM is not ready: +CPIN: " + sim, null);
        }
        while (true) {
            ModemStatus.Registration reg;
            try {
                reg = x.query(Replies.registration());
            } catch (CmeErrorException e) {
                throw new ModemNotReadyException(Reason.NOT_REGISTERED, "the registration status is not available: "
                        + e.getMessage(), e);
            }
            if (reg.state().isRegistered()) {
                return;
            }
            if (reg.state() == ModemStatus.RegistrationState.DENIED) {
                // Waiting does not change a denial: not retryable.
                throw new ModemNotReadyException(Reason.NOT_REGISTERED, "the network denied the registration (+CGREG: "
                        + reg.raw() + "); check the SIM's plan and the network", null, false);
            }
            // 2 searching, 0 not searching (yet), 4 unknown: a module that just started often says these
            // for a few seconds.
            if (waitForReadiness(x, readyBy, "the modem is not registered yet (+CGREG: " + reg.raw() + ")")) {
                continue;
            }
            throw new ModemNotReadyException(Reason.NOT_REGISTERED, "the modem is not registered on the network "
                    + "(+CGREG: " + reg.raw() + "; 1 home or 5 roaming needed)", null);
        }
    }

    /** Sleeps a second and returns true while the ready wait lasts; false once it is over. */
    private static boolean waitForReadiness(StepRunner x, long readyBy, String why) {
        if (!x.isLive() || System.nanoTime() - readyBy >= 0) {
            return false;
        }
        log.info("{}; asking again", why);
        x.pause(READY_POLL);
        return true;
    }
}
