package io.github.uc15mail.mail;

/** How the modem protects the SMTP connection ({@code AT+QSMTPCFG="ssltype"}). */
public enum Security {
    /** No encryption (ssltype 0); usually port 25. Mail and credentials cross the network in clear. */
    NONE(0, 25),
    /** Implicit TLS from the first byte (ssltype 1); usually port 465. */
    SSL(1, 465),
    /** Plain connection upgraded with STARTTLS (ssltype 2); usually port 587. */
    STARTTLS(2, 587);

    private final int sslType;
    private final int defaultPort;

    Security(int sslType, int defaultPort) {
        this.sslType = sslType;
        this.defaultPort = defaultPort;
    }

    /** The value of {@code AT+QSMTPCFG="ssltype"}. */
    public int sslType() {
        return sslType;
    }

    /** The port used when the configuration names none. */
    public int defaultPort() {
        return defaultPort;
    }
}
