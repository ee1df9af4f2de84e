package io.github.uc15mail.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SmtpConfigTest {

    private static SmtpConfig.Builder base() {
        return SmtpConfig.builder().server("smtp.example.com").sender("Unit", "unit@example.com");
    }

    @Test
    void defaultPortsFollowTheSecurityMode() {
        assertEquals(25, base().build().port());
        assertEquals(465, base().security(Security.SSL).build().port());
        assertEquals(587, base().security(Security.STARTTLS).build().port());
        assertEquals(2525, base().security(Security.STARTTLS).port(2525).build().port());
    }

    @Test
    void limitsNameTheFieldAndHideSecrets() {
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> base().server("h".repeat(51)).build());
        assertTrue(host.getMessage().startsWith("server host: must be at most 50 bytes, was 51 bytes"), host.getMessage());
        IllegalArgumentException pw = assertThrows(IllegalArgumentException.class,
                () -> base().account("u", "p".repeat(51)).build());
        assertEquals("account password: must be at most 50 bytes, was 51 bytes: (value hidden)", pw.getMessage());
        assertEquals("send timeout: must be 60-65535, was 59",
                assertThrows(IllegalArgumentException.class, () -> base().sendTimeoutSeconds(59).build()).getMessage());
        assertEquals("context id: must be 1-16, was 0",
                assertThrows(IllegalArgumentException.class, () -> base().contextId(0).build()).getMessage());
        assertEquals("SSL context id: must be 0-5, was 6",
                assertThrows(IllegalArgumentException.class, () -> base().sslContextId(6).build()).getMessage());
    }

    @Test
    void toStringNeverShowsPasswords() {
        SmtpConfig c = base().account("user", "smtp-secret").apn(Apn.of("internet", "apnuser", "apn-secret")).build();
        assertFalse(c.toString().contains("smtp-secret"), c.toString());
        assertFalse(c.toString().contains("apn-secret"), c.toString());
        assertTrue(c.toString().contains("user"));
    }

    @Test
    void anEmptySenderNameShowsTheAddress() {
        assertEquals("unit@example.com", SmtpConfig.builder().server("h").sender("", "unit@example.com").build()
                .senderName());
    }

    @Test
    void toBuilderKeepsEveryValue() {
        SmtpConfig a = SmtpConfig.builder().server("smtp.example.com").security(Security.SSL)
                .account("pi@example.com", "secret").sender("", "pi@example.com").sendTimeoutSeconds(120)
                .busyWait(java.time.Duration.ofSeconds(5)).build();
        SmtpConfig same = a.toBuilder().build();
        assertEquals(a.toString(), same.toString());
        assertEquals(465, same.port());
        assertEquals("secret", same.password());
        assertEquals(a.sendResultTimeout(), same.sendResultTimeout());
        SmtpConfig other = a.toBuilder().security(Security.STARTTLS).sender("Pi", "pi@example.com").build();
        assertEquals(587, other.port(), "a default port follows the security");
        assertEquals("Pi", other.senderName());
        assertEquals("pi@example.com", a.senderName(), "the original is unchanged");
    }
}
