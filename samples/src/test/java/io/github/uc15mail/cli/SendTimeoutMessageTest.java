package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.error.CommandTimeoutException;
import io.github.uc15mail.mail.SmtpConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 25, item 9: {@code send --timeout 60} with a module that never reports is not over in 60 s, so the
 * message says what the timeout bounds and the real worst case in seconds.
 */
class SendTimeoutMessageTest {

    @Test
    void aTimeoutStatesTheWorstCaseOfTheWholeSend() {
        SmtpConfig config = SmtpConfig.builder().server("smtp.example.com", 587).sender("", "pi@example.com")
                .sendTimeoutSeconds(60).build();
        CliFailure f = Failures.of(new CommandTimeoutException("AT+QSMTPPUT", config.sendResultTimeout()),
                ModemAddress.parse("/dev/ttyUSB2"), config);
        long worst = config.readyWait().toSeconds() + 2 * config.busyWait().toSeconds()
                + config.sendResultTimeout().toSeconds();
        assertTrue(worst > 90, "the whole send can take more than --timeout plus the 30 s margin: " + worst);
        assertTrue(f.getMessage().contains("--timeout 60 s is the modem's SMTP session alone; a send can take up to "
                + worst + " s in all"), f.getMessage());
        assertTrue(f.getMessage().contains("the email may have been sent"), f.getMessage());
    }
}
