package io.github.uc15mail.at.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AtTextTest {

    @Test
    void masksPasswordsInBothDirections() {
        assertEquals("AT+QSMTPCFG=\"account\",\"u@x.y\",\"****\"", AtText.mask("AT+QSMTPCFG=\"account\",\"u@x.y\",\"pw\""));
        assertEquals("+QSMTPCFG: \"account\",\"u@x.y\",\"****\"", AtText.mask("+QSMTPCFG: \"account\",\"u@x.y\",\"pw\""));
        assertEquals("AT+QICSGP=1,1,\"apn\",\"user\",\"****\",1", AtText.mask("AT+QICSGP=1,1,\"apn\",\"user\",\"pw\",1"));
        assertEquals("+QICSGP: 1,\"apn\",\"user\",\"****\",1", AtText.mask("+QICSGP: 1,\"apn\",\"user\",\"pw\",1"));
        assertEquals("AT+QSMTPCFG=\"account\",\"u\",\"****", AtText.mask("AT+QSMTPCFG=\"account\",\"u\",\"pw-unterminated"));
        assertEquals("AT+QSMTPCFG=\"sender\",\"a\",\"b\"", AtText.mask("AT+QSMTPCFG=\"sender\",\"a\",\"b\""));
    }

    @Test
    void qfuplChecksumMatchesTheReference() {
        assertEquals(0x262, QfuplChecksum.of("abc".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0x206, QfuplChecksum.of("abcd".getBytes(StandardCharsets.US_ASCII)));
        QfuplChecksum split = new QfuplChecksum();
        split.update("a".getBytes(StandardCharsets.US_ASCII), 0, 1);
        split.update("bc".getBytes(StandardCharsets.US_ASCII), 0, 2);
        assertEquals(0x262, split.value());
    }
}
