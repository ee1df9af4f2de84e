package io.github.uc15mail;

import io.github.uc15mail.mail.SendProgressListener.SendPhase;
import java.time.Duration;
import java.util.Map;

/**
 * What a successful send did: the modem's result ({@code +QSMTPPUT: 0,<protocol_error>}), how long each
 * phase took, and how many bytes crossed the line to the modem (command lines and payloads).
 *
 * @param recipients how many recipients the modem was given
 * @param resultCode the {@code <err>} of {@code +QSMTPPUT}, 0 for sent
 * @param protocolError the {@code <protocol_error>} the modem reported, usually 0
 * @param phaseTimes time spent in each phase that ran
 * @param bytesWritten bytes written to the modem during the send
 * @param attempts how many attempts it took (more than 1 only with a retry policy)
 */
public record SendReceipt(int recipients, int resultCode, int protocolError, Map<SendPhase, Duration> phaseTimes,
        long bytesWritten, int attempts) {

    public SendReceipt {
        phaseTimes = Map.copyOf(phaseTimes);
    }

    /** The time of all phases together. */
    public Duration totalTime() {
        return phaseTimes.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
