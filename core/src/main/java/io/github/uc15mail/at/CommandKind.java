package io.github.uc15mail.at;

import java.time.Duration;

/**
 * Groups commands by how long the modem may take to answer them. Each kind has a default deadline that
 * {@link AtSessionOptions} can override; a single {@link AtCommand} can override it too.
 */
public enum CommandKind {
    /** {@code AT}, {@code ATE0}, {@code AT+CMEE}, {@code ATI}. */
    CONTROL(Duration.ofSeconds(5)),
    /** SIM, signal, registration and attach queries. */
    STATUS(Duration.ofSeconds(10)),
    /** {@code AT+QICSGP}, {@code AT+QIACT?}. */
    PDP_CONFIG(Duration.ofSeconds(10)),
    /** {@code AT+QIACT=<cid>}: up to 150 s on the module, plus a margin for the line. */
    PDP_ACTIVATE(Duration.ofSeconds(160)),
    /** {@code AT+QIDEACT=<cid>}: up to 40 s on the module, plus a margin. */
    PDP_DEACTIVATE(Duration.ofSeconds(45)),
    /** {@code AT+QSSLCFG}. */
    SSL_CONFIG(Duration.ofSeconds(10)),
    /** {@code AT+QSMTPCFG}. */
    SMTP_CONFIG(Duration.ofSeconds(10)),
    /** {@code AT+QSMTPDST}, {@code AT+QSMTPSUB}, {@code AT+QSMTPATT}, {@code AT+QSMTPCLR}. */
    SMTP_CONTENT(Duration.ofSeconds(10)),
    /** {@code AT+QSMTPBODY}: plus the time the payload needs on the line. */
    SMTP_BODY(Duration.ofSeconds(10)),
    /** {@code AT+QSMTPPUT=<timeout>}: the {@code OK} only; the result comes later as a URC. */
    SMTP_SEND(Duration.ofSeconds(10)),
    /** {@code AT+QFLST}, {@code AT+QFDEL}, {@code AT+QFLDS}. */
    FILE(Duration.ofSeconds(10)),
    /** {@code AT+QFUPL}: plus the time the payload needs on the line. */
    FILE_UPLOAD(Duration.ofSeconds(10)),
    /** {@code AT+CMGF}, {@code AT+CSCA?}. */
    SMS_CONFIG(Duration.ofSeconds(10)),
    /**
     * {@code AT+CMGS}: the prompt, the PDU and the network's answer, which can take tens of seconds
     * (TS 27.005 sets no bound; modules allow about a minute).
     */
    SMS_SEND(Duration.ofSeconds(75));

    private final Duration defaultTimeout;

    CommandKind(Duration defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    /** The deadline used unless options or the command say otherwise. */
    public Duration defaultTimeout() {
        return defaultTimeout;
    }
}
