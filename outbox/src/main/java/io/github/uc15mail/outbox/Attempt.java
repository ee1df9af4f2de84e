package io.github.uc15mail.outbox;

import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One time a modem took a message. Every attempt is kept until the message is purged.
 *
 * @param number 1 for the first attempt
 * @param startedAt when the gateway claimed the message
 * @param endedAt when the attempt ended, or null while it runs (or when its gateway died)
 * @param node the gateway that made it
 * @param modem the modem it went through
 * @param outcome {@code SENT}, {@code RETRY}, {@code FAILED}, {@code UNKNOWN}, {@code HANDED_BACK},
 *     {@code LEASE_EXPIRED}, or null while it runs
 * @param submitted whether {@code AT+QSMTPPUT} was about to be written (the point of no return)
 * @param errorCode the modem's error code (651-682), or 0
 * @param errorMeaning what that code means, or null
 * @param smtpReply the SMTP reply code the modem reported, or 0
 * @param error the failure in one line, or null
 * @param phaseTimes how long each phase of the send took
 * @param fault whose fault a failed attempt was ({@code MESSAGE}, {@code ACCOUNT}, {@code NETWORK},
 *     {@code MODEM}, {@code HOST}, {@code UNKNOWN_OUTCOME}), or null
 */
public record Attempt(int number, Instant startedAt, Instant endedAt, String node, String modem, String outcome,
        boolean submitted, int errorCode, String errorMeaning, int smtpReply, String error,
        Map<SendPhase, Duration> phaseTimes, String fault) {

    public Attempt {
        phaseTimes = Map.copyOf(phaseTimes);
    }

    /** An attempt without a recorded fault kind. */
    public Attempt(int number, Instant startedAt, Instant endedAt, String node, String modem, String outcome,
            boolean submitted, int errorCode, String errorMeaning, int smtpReply, String error,
            Map<SendPhase, Duration> phaseTimes) {
        this(number, startedAt, endedAt, node, modem, outcome, submitted, errorCode, errorMeaning, smtpReply, error,
                phaseTimes, null);
    }
}
