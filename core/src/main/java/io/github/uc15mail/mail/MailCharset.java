package io.github.uc15mail.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character sets the module takes for subject and body ({@code <charset>} of QSMTPSUB / QSMTPBODY): the same
 * four in the UC15 and EC2x SMTP manuals.
 */
public enum MailCharset {
    ASCII(0, StandardCharsets.US_ASCII),
    UTF_8(1, StandardCharsets.UTF_8),
    GB2312(2, Charset.forName("GB2312")),
    BIG5(3, Charset.forName("Big5"));

    private final int code;
    private final Charset charset;

    MailCharset(int code, Charset charset) {
        this.code = code;
        this.charset = charset;
    }

    /** The modem's code for it. */
    public int code() {
        return code;
    }

    /** The Java charset that encodes it. */
    public Charset charset() {
        return charset;
    }
}
