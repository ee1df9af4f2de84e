package io.github.uc15mail.internal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.uc15mail.mail.Attachment;
import io.github.uc15mail.mail.EmailDraft;
import io.github.uc15mail.mail.ModemStatus;
import io.github.uc15mail.mail.SmtpConfig;
import io.github.uc15mail.error.Uc15Exception;
import io.github.uc15mail.at.AtCommand;
import io.github.uc15mail.at.AtResponse;
import io.github.uc15mail.at.DataPayload;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The typed replies: one parser per reply, and the plan answered from each query's own default reply. */
class RepliesTest {

    private static <R> R parse(AtCommand<R> query, String... lines) {
        return query.parse(new AtResponse(query, List.of(lines), 0, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0,1 | HOME | true", "0,5 | ROAMING | true", "0,2 | SEARCHING | false", "2,3 | DENIED | false",
        "0,0 | NOT_REGISTERED | false", "0,4 | UNKNOWN | false", "1 | HOME | true", "x | UNKNOWN | false"})
    void registration(String value, ModemStatus.RegistrationState state, boolean registered) {
        ModemStatus.Registration r = parse(Replies.registration(), "+CGREG: " + value);
        assertEquals(state, r.state());
        assertEquals(registered, r.state().isRegistered());
        assertEquals(value, r.raw());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"20,99 | 20 | 99 | -73", "31,0 | 31 | 0 | -51", "0,99 | 0 | 99 | -113",
        "99,99 | 99 | 99 | ", "garbage | 99 | 99 | "})
    void signal(String value, int rssi, int ber, Integer dbm) {
        ModemStatus.Signal s = parse(Replies.signal(), "+CSQ: " + value);
        assertEquals(rssi, s.rssi());
        assertEquals(ber, s.ber());
        assertEquals(Optional.ofNullable(dbm), s.dbm().isPresent() ? Optional.of(s.dbm().getAsInt()) : Optional.empty());
    }

    @Test
    void activeContexts() {
        List<ModemStatus.PdpContext> c = parse(Replies.activeContexts(), "+QIACT: 1,1,1,\"10.7.157.1\"",
                "+QIACT: 2,0,1,\"\"", "+QIACT: 3,1");
        assertEquals(List.of(new ModemStatus.PdpContext(1, true, 1, "10.7.157.1"),
                new ModemStatus.PdpContext(2, false, 1, ""), new ModemStatus.PdpContext(3, true, 0, "")), c);
    }

    @Test
    void ramFilesGetTheirPrefix() {
        assertEquals(List.of(new Replies.RamFile("RAM:a.csv", 12), new Replies.RamFile("RAM:b", -1)),
                parse(Replies.ramFiles(), "+QFLST: \"RAM:a.csv\",12", "+QFLST: \"b\""));
    }

    @Test
    void uploadResultAndSpace() {
        DataPayload p = DataPayload.ofBytes(new byte[] {1, 2});
        assertEquals(new Replies.UploadResult(2, 0x302), parse(Replies.upload("RAM:x", p), "+QFUPL: 2,302"));
        assertThrows(Uc15Exception.class, () -> parse(Replies.upload("RAM:x", p)));
        assertEquals(Optional.of(new Replies.Space(1000, 2000)), parse(Replies.ramSpace(), "+QFLDS: 1000,2000"));
        assertEquals(Optional.empty(), parse(Replies.ramSpace()));
    }

    @ParameterizedTest
    @CsvSource({"'+QSMTPPUT: 0,250', 0, 250", "'+QSMTPPUT: 667,450', 667, 450"})
    void putResult(String line, int error, int protocol) {
        assertEquals(new Replies.PutResult(error, protocol), Replies.putResult(line));
    }

    @Test
    void thePlanAsksForFreeRamOnlyWithAttachments() {
        SmtpConfig config = SmtpConfig.builder().server("127.0.0.1", 25).sender("", "a@example.com").build();
        EmailDraft plain = EmailDraft.builder().to("b@example.com").subject("s").body("b").build();
        EmailDraft attached = EmailDraft.builder().to("b@example.com").subject("s").body("b")
                .attach(Attachment.ofBytes("a.csv", new byte[] {1})).build();
        assertTrue(Sends.plan(config, plain).stream().noneMatch(l -> l.startsWith("AT+QFLDS")));
        List<String> plan = Sends.plan(config, attached);
        int space = plan.indexOf("AT+QFLDS=\"RAM\"");
        assertTrue(space > 0 && space < plan.indexOf("AT+QFUPL=\"RAM:uc15mail-own-a.csv\",8,60,1"), plan.toString());
    }
}
