package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewaySettingsTest {

    @TempDir
    Path dir;

    static Properties props(String text) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void defaultsAreLoopbackPort2525AndOneMebibyte() throws Exception {
        GatewaySettings s = GatewaySettings.fromProperties(props(""), Map.of());
        assertEquals("127.0.0.1", s.listen().getHostString());
        assertEquals(2525, s.listen().getPort());
        assertEquals(1 << 20, s.maxMessageSize());
        assertTrue(s.isLoopback());
        assertFalse(s.keepFromName());
    }

    @Test
    void aFullFileWithThePasswordFromTheEnvironment() throws Exception {
        Path ks = Files.writeString(dir.resolve("ks.p12"), "x");
        Path users = Files.writeString(dir.resolve("users"), "");
        GatewaySettings s = GatewaySettings.fromProperties(props("listen=[::1]:2600\nmax-size=65536\nauth-file=" + users
                + "\nkeystore=" + ks + "\nkeystore-password-env=KS_PW\nkeep-from-name=true\nhostname=pi.example\n"),
                Map.of("KS_PW", "hunter22"));
        assertEquals(2600, s.listen().getPort());
        assertTrue(s.isLoopback());
        assertEquals(65536, s.maxMessageSize());
        assertEquals("hunter22", new String(s.keyStorePassword()));
        assertTrue(s.keepFromName());
        assertFalse(s.toString().contains("hunter22"), s.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "listen=localhost                | listen: must be HOST:PORT, was \"localhost\"",
        "listen=127.0.0.1:http           | listen: PORT must be a number 0-65535, was \"127.0.0.1:http\"",
        "listen=127.0.0.1:70000          | listen: PORT must be 0-65535, was 70000",
        "max-size=10                     | max-size: must be at least 1024 bytes, was 10",
        "max-size=1MB                    | max-size: must be a number of bytes, was \"1MB\"",
        "keep-from-name=yes              | keep-from-name: must be true or false, was \"yes\"",
        "keystore-password=hunter22      | keystore-password: a password does not belong in the file; put it in an environment variable and name it with keystore-password-env",
        "keystore=/nonexistent.p12       | keystore-password-env: is required with keystore (the name of the environment variable that holds the key store password)",
        "auth-file=/nonexistent/users    | auth-file: no such file: /nonexistent/users",
        "hostname=bad host               | hostname: must be a host name, was \"bad host\""})
    void badValuesNameTheKey(String line, String expected) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GatewaySettings.fromProperties(props(line), Map.of()));
        assertEquals(expected, e.getMessage());
        assertFalse(e.getMessage().contains("hunter22"), "never the password");
    }
}
