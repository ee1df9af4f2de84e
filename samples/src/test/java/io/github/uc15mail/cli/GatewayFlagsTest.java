package io.github.uc15mail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's front door, status page and config-file flags: refused with one line and exit 2 before anything opens. */
class GatewayFlagsTest {

    @TempDir
    Path dir;

    private CliRunner.Result gateway(String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"gateway", "--store", "sqlite:" + dir.resolve("o.db"), "--modem", "tcp:127.0.0.1:1",
            "--server=127.0.0.1"}, 0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return new CliRunner().run(args);
    }

    @Test
    void badSmsFlagsAreRefusedBeforeAnythingOpens() {
        CliRunner.Result number = gateway("--from", "gw@example.com", "--sms-fallback", "+491701234567,0170123");
        assertEquals(2, number.exitCode(), number::toString);
        assertTrue(number.err().contains("sms-fallback: must be E.164 numbers (+ and 1-15 digits, such as "
                + "+491701234567), was \"0170123\""), number::toString);
        CliRunner.Result domain = gateway("--from", "gw@example.com", "--sms-domain", "sms example");
        assertEquals(2, domain.exitCode(), domain::toString);
        assertTrue(domain.err().contains("sms-domain: must be a domain name"), domain::toString);
        CliRunner.Result after = gateway("--from", "gw@example.com", "--sms-fallback", "+491701234567",
                "--sms-fallback-after", "soon");
        assertEquals(2, after.exitCode(), after::toString);
        assertTrue(after.err().contains("sms-fallback-after: must be a duration"), after::toString);
        CliRunner.Result parts = gateway("--from", "gw@example.com", "--sms-max-parts", "0");
        assertEquals(2, parts.exitCode(), parts::toString);
        assertTrue(Files.notExists(dir.resolve("o.db")), "nothing opened");
    }

    @Test
    void badListenAndHttpValuesNameTheFlag() {
        CliRunner.Result listen = gateway("--from", "gw@example.com", "--listen", "nowhere");
        assertEquals(2, listen.exitCode(), listen::toString);
        assertTrue(listen.err().contains("listen: must be HOST:PORT"), listen::toString);
        CliRunner.Result http = gateway("--from", "gw@example.com", "--http", "127.0.0.1:99999");
        assertEquals(2, http.exitCode(), http::toString);
        assertTrue(http.err().contains("http: PORT must be 0-65535"), http::toString);
        CliRunner.Result open = gateway("--from", "gw@example.com", "--listen", "0.0.0.0:2525");
        assertEquals(2, open.exitCode(), open::toString);
        assertTrue(open.err().contains("listen:"), open::toString);
    }

    @Test
    void adminOnTheNetworkWithoutALoginRefusesToStartWithOneLine() {
        CliRunner.Result r = gateway("--from", "gw@example.com", "--http", "0.0.0.0:0", "--http-admin");
        assertEquals(2, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("uc15mail: http-admin: 0.0.0.0 is reachable from other machines")
                || r.err().contains("http-admin: 0.0.0.0 is reachable from other machines"), r::toString);
        assertEquals(1, r.err().strip().lines().count(), r::toString);
        assertTrue(Files.notExists(dir.resolve("o.db")), "nothing opened");
    }

    @Test
    void theConfigFileTakesTheGatewayKeysAndRefusesPort() throws Exception {
        Path config = dir.resolve("gateway.properties");
        Files.writeString(config, "store=sqlite:" + dir.resolve("c.db") + "\nmodem=tcp:127.0.0.1:1\nserver=127.0.0.1\n"
                + "from=gw@example.com\nkeep-from-name=maybe\n");
        CliRunner.Result keep = new CliRunner().run("gateway", "--config", config.toString());
        assertEquals(2, keep.exitCode(), keep::toString);
        assertTrue(keep.err().contains("keep-from-name: must be true or false, was \"maybe\""), keep::toString);
        Files.writeString(config, "port=/dev/ttyUSB2\nserver=127.0.0.1\n");
        CliRunner.Result port = new CliRunner().run("gateway", "--config", config.toString());
        assertEquals(2, port.exitCode(), port::toString);
        assertTrue(port.err().contains("port: the gateway takes its modems as modem=PORT"), port::toString);
        Files.writeString(config, "listn=127.0.0.1:2525\n");
        CliRunner.Result typo = new CliRunner().run("gateway", "--config", config.toString());
        assertEquals(2, typo.exitCode(), typo::toString);
        assertTrue(typo.err().contains("config: unknown key listn"), typo::toString);
    }

    @Test
    void theShippedGatewayPropertiesHoldOnlyKeysTheGatewayReads() {
        Path shipped = Path.of("..", "gateway", "src", "dist", "gateway.properties");
        java.util.Properties p = SendSettings.loadConfig(shipped, GatewayConfigFile.KEYS);
        assertEquals("/dev/ttyUSB2", p.getProperty("modem"));
        assertEquals("sqlite:/var/lib/uc15mail/outbox.db", p.getProperty("store"));
        assertEquals(null, p.getProperty("port"));
    }
}
