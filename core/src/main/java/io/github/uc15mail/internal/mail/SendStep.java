package io.github.uc15mail.internal.mail;

import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import java.util.List;

/** One concern of a send, with its own cleanup. The {@link SendDriver} runs the cleanups in reverse order. */
interface SendStep {

    /** The phase the step's time is counted in. */
    SendPhase phase();

    /** Does the step's work; throws the typed failure. */
    void run(SendContext c);

    /**
     * Undoes what {@link #run} left on the modem; called (in reverse order) for every step that started,
     * unless the link is gone. Problems are collected, never thrown.
     */
    default void cleanup(SendContext c, List<RuntimeException> problems) {}
}
