package io.github.uc15mail.mail;

import io.github.uc15mail.at.internal.AtText;
import java.util.Objects;

/**
 * Access point settings for {@code AT+QICSGP}, used only when the PDP context is not active yet.
 * {@link #toString()} never shows the password.
 *
 * @param name the APN, such as {@code internet}
 * @param user the APN user, empty for none
 * @param password the APN password, empty for none
 * @param authentication how the network checks user and password
 */
public record Apn(String name, String user, String password, Authentication authentication) {

    /** The authentication of {@code AT+QICSGP} (0-3). */
    public enum Authentication { NONE, PAP, CHAP, PAP_OR_CHAP }

    public Apn {
        AtText.requireAtString("APN", name, 62, false);
        AtText.requireAtString("APN user", user, 62, false);
        AtText.requireAtString("APN password", password, 62, true);
        Objects.requireNonNull(authentication, "APN authentication");
    }

    /** An APN without credentials. */
    public static Apn of(String name) {
        return new Apn(name, "", "", Authentication.NONE);
    }

    /** An APN with credentials (PAP or CHAP as the network chooses). */
    public static Apn of(String name, String user, String password) {
        return new Apn(name, user, password, Authentication.PAP_OR_CHAP);
    }

    @Override
    public String toString() {
        return "Apn[name=" + name + ", user=" + user + ", password=" + (password.isEmpty() ? "" : AtText.MASK)
                + ", authentication=" + authentication + "]";
    }
}
