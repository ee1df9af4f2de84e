package io.github.uc15mail.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.uc15mail.at.internal.AtDecoder;
import io.github.uc15mail.at.internal.AtEvent;
import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.slf4j.LoggerFactory;

/**
 * The emulator's command parser on random command lines: its reader never fails (nothing logged at ERROR,
 * which is where a throw out of the interpreter ends up) and every line gets a final result: OK, ERROR or
 * +CME ERROR. Lines that would open data mode ({@code QFUPL}, {@code QSMTPBODY}) are left out: their answer is
 * {@code CONNECT} by design.
 */
@org.junit.jupiter.api.parallel.Isolated("changes logging levels and appenders for the whole JVM")
class EmulatorParserProperties {

    static Uc15Emulator modem;
    static Transport host;
    static final LinkedBlockingQueue<AtEvent> FINALS = new LinkedBlockingQueue<>();
    static final ListAppender<ILoggingEvent> ERRORS = new ListAppender<>();
    static final String[] NAMES = {"", "E", "E0", "I", "Z", "+CMEE", "+CPIN", "+CGREG", "+CSQ", "+CGATT", "+QICSGP",
        "+QIACT", "+QIDEACT", "+QSSLCFG", "+QSMTPCFG", "+QSMTPDST", "+QSMTPSUB", "+QSMTPATT", "+QSMTPCLR",
        "+QSMTPPUT", "+QFLST", "+QFDEL", "+QFLDS", "+", "+X"};
    static final String[] FORMS = {"", "?", "=?", "=", "=1", "=\"", "=1,", "=\"account\",", "=\"RAM:*\"", "=0,\""};

    @BeforeContainer
    static void start() throws IOException {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.github.uc15mail.testkit");
        ERRORS.start();
        root.addAppender(ERRORS);
        modem = Uc15Emulator.create();
        host = modem.connect();
        AtDecoder decoder = new AtDecoder(e -> {
            if (e.type() == AtEvent.Type.OK || e.type() == AtEvent.Type.ERROR || e.type() == AtEvent.Type.CME_ERROR
                    || e.type() == AtEvent.Type.CONNECT) {
                FINALS.add(e);
            }
        });
        host.open(new TransportListener() {
            @Override
            public void onBytes(byte[] data, int offset, int length) {
                decoder.feed(data, offset, length);
            }

            @Override
            public void onClosed(Throwable cause) {
            }
        });
    }

    @AfterContainer
    static void stop() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.github.uc15mail.testkit")).detachAppender(ERRORS);
        modem.close();
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> tail = Arbitraries.strings().withCharRange((char) 0x20, (char) 0x7E).withChars('"', ',', '\u00e9',
                '\u00ff', '\u0001', '\t', '\u007f').ofMaxLength(120);
        Arbitrary<String> structured = net.jqwik.api.Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(FORMS), tail)
                .as((n, f, t) -> n + f + t);
        Arbitrary<String> anything = Arbitraries.strings().withCharRange((char) 0x01, (char) 0xFF).ofMaxLength(200)
                .map(s -> s.replace("\r", "").replace("\n", ""));
        return Arbitraries.oneOf(structured, anything).map(s -> "AT" + s)
                .filter(s -> !s.toUpperCase(Locale.ROOT).contains("QFUPL") && !s.toUpperCase(Locale.ROOT).contains("QSMTPBODY"));
    }

    @Property(tries = 10_000)
    void everyLineGetsAFinalResultAndNothingThrows(@ForAll("lines") String line) throws Exception {
        FINALS.clear();
        byte[] bytes = (line + "\r").getBytes(StandardCharsets.ISO_8859_1);
        host.write(bytes, 0, bytes.length);
        AtEvent result = FINALS.poll(5, TimeUnit.SECONDS);
        assertNotNull(result, "no final result to " + line);
        assertTrue(result.type() != AtEvent.Type.CONNECT, "data mode opened by " + line);
        assertTrue(ERRORS.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)),
                "the emulator failed inside on " + line + ": " + ERRORS.list);
    }
}
