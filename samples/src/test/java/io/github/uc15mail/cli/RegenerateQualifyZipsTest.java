package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.uc15mail.testkit.Model;
import io.github.uc15mail.testkit.Uc15Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes the qualify zips of {@code src/test/resources/qualify/} from the emulator: a UC15 that passes every row, and a
 * BG95 refused at the SMTP service row. By default they go to {@code samples/target/generated-qualify/}; to regenerate
 * the committed ones, from the repository root:
 * <pre>
 * mvn -B -q -pl samples -am test -Dtest=RegenerateQualifyZipsTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dqualify.out=samples/src/test/resources/qualify
 * </pre>
 */
class RegenerateQualifyZipsTest {

    static final String PASSWORD = "qualify-smtp-pw-3307";
    static final String APN_PASSWORD = "qualify-apn-pw-9125";

    @Test
    void emulatedUc15AndBg95(@TempDir Path tmp) throws Exception {
        String out = System.getProperty("qualify.out");
        Path dir = out == null ? Path.of("target/generated-qualify") : Path.of("..").resolve(out).normalize();
        Files.createDirectories(dir);
        try (Uc15Emulator uc15 = Uc15Emulator.create(); EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(0, null, null)) {
            run(uc15, smtp.port(), tmp.resolve("uc15"), dir.resolve("emulated-uc15-qualify.zip"), ExitCodes.OK);
        }
        try (Uc15Emulator bg95 = Uc15Emulator.builder().model(Model.BG95).build()) {
            run(bg95, 2525, tmp.resolve("bg95"), dir.resolve("emulated-bg95-qualify.zip"), ExitCodes.REFUSED);
        }
    }

    private static void run(Uc15Emulator modem, int smtpPort, Path work, Path target, int exit) throws Exception {
        Files.createDirectories(work);
        CliRunner.Result r = new CliRunner().env("PW", PASSWORD).env("APN_PW", APN_PASSWORD).run("qualify", "--port",
                "tcp:127.0.0.1:" + modem.listenTcp(0), "--server", "127.0.0.1", "--server-port", String.valueOf(smtpPort),
                "--user", "unit7@example.com", "--password-env", "PW", "--apn", "internet", "--apn-user", "apn-user",
                "--apn-password-env", "APN_PW", "--from", "unit7@example.com", "--to", "ops@example.com",
                "--out", work.toString());
        assertEquals(exit, r.exitCode(), r::toString);
        Path zip;
        try (Stream<Path> s = Files.list(work)) {
            zip = s.filter(p -> p.toString().endsWith(".zip")).findFirst().orElseThrow();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (var e : z.stream().toList()) {
                String text = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(text.contains(PASSWORD) || text.contains(APN_PASSWORD), e.getName() + " holds a password");
            }
        }
        Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
