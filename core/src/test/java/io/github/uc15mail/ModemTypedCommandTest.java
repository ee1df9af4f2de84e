package io.github.uc15mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.CommandKind;
import io.github.uc15mail.at.Commands;
import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.testkit.InMemoryTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code modem.execute(command)} returns the command's typed value, in order, and throws its typed failure. */
class ModemTypedCommandTest {

    private static String replies(String line) {
        return switch (line) {
            case "AT+CPIN?" -> "+CPIN: SIM PIN\nOK";
            case "AT+CGREG?" -> "+CGREG: 2,5\nOK";
            case "AT+CSQ" -> "+CSQ: 17,3\nOK";
            case "AT+CGATT?" -> "+CGATT: 1\nOK";
            case "AT+QIACT?" -> "+QIACT: 1,1,1,\"10.0.0.2\"\n+QIACT: 2,0,2\nOK";
            case "ATI" -> "Quectel\nUC15\nRevision: UC15TEST\nOK";
            case "AT+QSMTPCFG=\"contextid\"" -> "+QSMTPCFG: \"contextid\",1\nOK";
            case "AT+QIACT=3" -> "+CME ERROR: 3";
            default -> "OK";
        };
    }

    @Test
    void theStatusQueriesReturnTypedValues() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        ScriptedModem script = new ScriptedModem(pair.modem(), ModemTypedCommandTest::replies);
        try (Modem modem = Modem.open(pair.host())) {
            Commands.SignalQuality csq = modem.execute(Commands.signalQuality());
            assertEquals(new Commands.SignalQuality(17, 3), csq);
            Commands.Registration reg = modem.execute(Commands.registrationStatus());
            assertEquals(5, reg.stat());
            assertTrue(reg.registered());
            assertEquals("SIM PIN", modem.execute(Commands.simStatus()));
            assertTrue(modem.execute(Commands.attachStatus()));
            assertEquals(List.of(new Commands.PdpContext(1, true, 1, "10.0.0.2"), new Commands.PdpContext(2, false, 2, "")),
                    modem.execute(Commands.activeContexts()));
            assertEquals(List.of("Quectel", "UC15", "Revision: UC15TEST"), modem.execute(Commands.identify()));
            AtResponse raw = modem.execute(Commands.smtpQuery("contextid"));
            assertEquals(List.of("+QSMTPCFG: \"contextid\",1"), raw.lines());
            assertEquals(List.of("AT+CSQ", "AT+CGREG?", "AT+CPIN?", "AT+CGATT?", "AT+QIACT?", "ATI",
                    "AT+QSMTPCFG=\"contextid\""), script.commands);
        }
    }

    @Test
    void aRawCommandCanBeTypedByItsCaller() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        new ScriptedModem(pair.modem(), line -> line.equals("AT+CCLK?") ? "+CCLK: \"26/12/02,15:00:00+04\"\nOK" : "OK");
        try (Modem modem = Modem.open(pair.host())) {
            AtCommand<String> clock = AtCommand.raw("AT+CCLK?", CommandKind.STATUS, "+CCLK")
                    .returning(r -> r.value("+CCLK").orElseThrow(), List.of("+CCLK: \"00/01/01,00:00:00+00\""));
            assertEquals("\"26/12/02,15:00:00+04\"", modem.execute(clock));
            assertEquals(List.of("+CCLK: \"00/01/01,00:00:00+00\""), clock.typicalReply());
        }
    }

    @Test
    void asyncCommandsRunInTheOrderTheyCameAndFailWithTheTypedException() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        ScriptedModem script = new ScriptedModem(pair.modem(), ModemTypedCommandTest::replies);
        try (Modem modem = Modem.open(pair.host())) {
            CompletableFuture<Commands.SignalQuality> first = modem.executeAsync(Commands.signalQuality());
            CompletableFuture<AtResponse> refused = modem.executeAsync(Commands.activateContext(3));
            CompletableFuture<String> sim = modem.executeAsync(Commands.simStatus());
            assertEquals("SIM PIN", sim.get(10, TimeUnit.SECONDS));
            assertEquals(17, first.get(10, TimeUnit.SECONDS).rssi());
            ExecutionException e = assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
            assertEquals(3, assertInstanceOf(CmeErrorException.class, e.getCause()).code());
            assertEquals(List.of("AT+CSQ", "AT+QIACT=3", "AT+CPIN?"), script.commands);
        }
    }

    @Test
    void secretsAreMaskedByTheCommandThatCarriesThem() {
        AtCommand<AtResponse> account = Commands.smtpAccount("user@example.com", "s3cret");
        assertEquals("AT+QSMTPCFG=\"account\",\"user@example.com\",\"s3cret\"", account.line());
        assertEquals("AT+QSMTPCFG=\"account\",\"user@example.com\",\"****\"", account.loggable());
        AtCommand<AtResponse> apn = Commands.configureContext(1, 1, "internet", "apnuser", "apnpass", 3);
        assertFalse(apn.loggable().contains("apnpass"), apn.loggable());
        assertFalse(apn.toString().contains("apnpass"));
        assertEquals(AtCommand.mask(apn.line()), apn.loggable(), "the command masks as mask() does for its line");
    }
}
