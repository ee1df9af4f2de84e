package io.github.uc15mail.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.uc15mail.trace.internal.TraceJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading traces back: the JSON subset round-trips, and a malformed file names its line. */
class TraceParseTest {

    @Test
    void controlCharactersQuotesAndUnicodeRoundTrip() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("text", "AT+QSMTPSUB=1,\"Größe ✓\"\r\n\u001a\\");
        f.put("t", 42L);
        f.put("payloads", true);
        String line = TraceJson.write(f);
        assertEquals(f, TraceJson.read(line));
        assertEquals(-1, line.indexOf('\r'));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'{\"type\":\"header\"}'|line 1: the first line must be the header",
        "'{\"type\":\"header\",\"format\":\"uc15mail-trace/1\"}\n{\"t\":1,\"type\":\"bytes\"}'|line 2: dir: is required",
        "'{\"type\":\"header\",\"format\":\"uc15mail-trace/1\"}\n{\"t\":\"x\",\"type\":\"end\"}'|line 2: t: must be a whole number",
        "'{\"type\":\"header\",\"format\":\"uc15mail-trace/1\"}\n{\"t\":1,\"type\":\"payload\",\"dir\":\"to-modem\",\"length\":3}'|line 2: crc32: is required",
        "'{\"type\":\"header\",\"format\":\"uc15mail-trace/1\"}\n{\"t\":1,\"type\":\"bytes\",\"dir\":\"sideways\"}'|line 2: dir: must be to-modem or from-modem",
        "'{\"type\":\"header\",\"format\":\"uc15mail-trace/1\"}\n{\"t\":1,'|line 2: column 8: expected"
    })
    void aBadLineIsNamed(String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trace.parse(List.of(text.split("\n"))));
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }
}
