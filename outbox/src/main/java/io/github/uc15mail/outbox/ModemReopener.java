package io.github.uc15mail.outbox;

import io.github.uc15mail.ModemMailer;

/**
 * Opens a modem of a {@link Dispatcher}'s pool again after its link was lost (a USB re-enumeration, a
 * brown-out): resolves its port anew (a path, or a USB serial number), opens it and returns a new mailer.
 * The dispatcher calls it from the modem's own worker, with a back-off of 5 s doubling to 60 s while it
 * fails, and closes nothing itself: the implementation closes the old link it replaces.
 */
@FunctionalInterface
public interface ModemReopener {

    /**
     * Opens the modem named {@code name} (its name in the pool) again.
     *
     * @throws Exception the modem is not there yet; the dispatcher tries again later
     */
    ModemMailer reopen(String name) throws Exception;
}
