package io.github.uc15mail.testkit.internal;

/** The {@code AT+QSMTPCFG} settings, as they are at power-on until the host changes them. */
public final class SmtpSettings {

    public String user;
    public String password;
    public String senderName;
    public String senderEmail;
    public String server;
    public int port;
    public int contextId;
    public int sslCtxId;
    public int sslType;
    /** {@code "bodyoriginal"} (newer EG25-G firmware only; its meaning is not documented, kept as a value). */
    public int bodyOriginal;

    public SmtpSettings() {
        reset();
    }

    public void reset() {
        user = "";
        password = "";
        senderName = "";
        senderEmail = "";
        server = "";
        port = 25;
        contextId = 1;
        sslCtxId = 1;
        sslType = 0;
        bodyOriginal = 0;
    }
}
