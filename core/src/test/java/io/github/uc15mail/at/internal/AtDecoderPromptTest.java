package io.github.uc15mail.at.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code > } prompt of AT+CMGS: reported without a line end, only in prompt mode, whatever the fragmentation. */
class AtDecoderPromptTest {

    @ParameterizedTest(name = "{0} / chunk {2}")
    @CsvSource(delimiter = '|', textBlock = """
        prompt after CRLF          | \\r\\n> |1| PROMPT
        prompt after CRLF          | \\r\\n> |100| PROMPT
        prompt then the result     | \\r\\n> \\r\\n+CMGS: 5\\r\\n\\r\\nOK\\r\\n |1| PROMPT,LINE:+CMGS: 5,OK
        prompt then the result     | \\r\\n> \\r\\n+CMGS: 5\\r\\n\\r\\nOK\\r\\n |3| PROMPT,LINE:+CMGS: 5,OK
        error instead of prompt    | \\r\\n+CMS ERROR: 304\\r\\n |2| CMS_ERROR
        a > inside a line          | \\r\\nA>B\\r\\n |1| LINE:A>B
        """)
    void promptMode(String name, String input, int chunk, String expected) {
        List<String> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(e -> events.add(e.type() == AtEvent.Type.LINE ? "LINE:" + e.line() : e.type().name()));
        decoder.setPromptMode(true);
        byte[] bytes = input.replace("\\r", "\r").replace("\\n", "\n").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        assertEquals(List.of(expected.split(",")), events);
    }

    @ParameterizedTest
    @CsvSource({"1", "4"})
    void withoutPromptModeAPromptIsJustALine(int chunk) {
        List<String> events = new ArrayList<>();
        AtDecoder decoder = new AtDecoder(e -> events.add(e.type().name()));
        byte[] bytes = "\r\n> \r\nOK\r\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i += chunk) {
            decoder.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
        assertEquals(List.of("LINE", "OK"), events);
    }
}
