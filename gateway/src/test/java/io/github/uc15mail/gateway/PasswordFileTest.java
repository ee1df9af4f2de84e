package io.github.uc15mail.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordFileTest {

    @TempDir
    Path dir;

    @Test
    void linesVerifyTheirPasswordOnly() throws Exception {
        String a = PasswordFile.line("alice", "pw one".toCharArray(), 10_000);
        String b = PasswordFile.line("bob", "pw one".toCharArray(), 10_000);
        assertTrue(a.matches("alice:pbkdf2-sha256:10000:[A-Za-z0-9+/=]{24}:[A-Za-z0-9+/=]{44}"), a);
        assertFalse(a.contains("pw one"));
        assertNotEquals(a.substring(a.indexOf(':')), b.substring(b.indexOf(':')), "a fresh salt each time");
        Path f = dir.resolve("users");
        Files.writeString(f, "# comment\n\n" + a + "\n" + b + "\n");
        PasswordFile users = PasswordFile.load(f);
        assertEquals(Set.of("alice", "bob"), users.users());
        assertTrue(users.verify("alice", "pw one".toCharArray()));
        assertFalse(users.verify("alice", "pw two".toCharArray()));
        assertFalse(users.verify("carol", "pw one".toCharArray()));
        assertFalse(users.verify(null, null));
        assertEquals("PasswordFile[2 users]", users.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice:pbkdf2-sha256:10000:AAAA             | must be USER:pbkdf2-sha256:ITERATIONS:SALT:HASH (make one with HashPassword)",
        "alice:md5:10000:AAAAAAAAAAA=:AAAA          | scheme must be pbkdf2-sha256, was md5",
        "alice:pbkdf2-sha256:ten:AAAAAAAAAAA=:AAAA  | ITERATIONS must be a number and SALT and HASH Base64",
        "alice:pbkdf2-sha256:999:AAAAAAAAAAA=:AAAA  | ITERATIONS must be at least 10000, was 999",
        "alice:pbkdf2-sha256:10000:AAAAAAAAAAA=:AAAA | SALT must be at least 8 bytes and HASH 32 bytes"})
    void malformedLinesNameTheLineAndTheRule(String line, String expected) throws Exception {
        Path f = dir.resolve("users");
        Files.writeString(f, "# users\n" + line + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordFile.load(f));
        assertEquals("auth file " + f + " line 2: " + expected, e.getMessage());
    }

    @Test
    void hashPasswordReadsStdinWhenThereIsNoTerminal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HashPassword.run(new String[] {"dana", "10000"}, null, new BufferedReader(new StringReader("horse\n")),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString());
        Path f = dir.resolve("users");
        Files.writeString(f, out.toString(StandardCharsets.UTF_8));
        assertTrue(PasswordFile.load(f).verify("dana", "horse".toCharArray()));
        assertEquals(2, HashPassword.run(new String[] {"bad:name"}, null, new BufferedReader(new StringReader("x\n")),
                new PrintStream(out), new PrintStream(err)));
    }
}
