package io.github.uc15mail.error;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.ModemFileException.ModemFileError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The file-system codes of the file commands, as {@link CmeErrorException#of} types them. */
class ModemFileErrorTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "400 | invalid input value               | false",
        "401 | larger than the size of the file  | false",
        "402 | read zero bytes                   | true",
        "403 | drive full                        | false",
        "405 | file not found                    | true",
        "406 | invalid file name                 | false",
        "407 | file already exists               | true",
        "409 | failed to write the file          | true",
        "410 | failed to open the file           | true",
        "411 | failed to read the file           | true",
        "413 | too many files open               | true",
        "414 | the file is read-only             | false",
        "416 | invalid file descriptor           | true",
        "417 | failed to list the files          | true",
        "418 | failed to delete the file         | true",
        "419 | failed to get the disk information| true",
        "420 | no space left                     | false",
        "421 | time out                          | true",
        "423 | file too large                    | false",
        "425 | invalid parameter                 | false",
        "426 | file already opened               | true"})
    void everyFileCodeBecomesATypedExceptionWithAHint(int code, String meaning, boolean retryable) {
        CmeErrorException e = CmeErrorException.of("AT+QFUPL=\"RAM:a.bin\",5,5,1", code, String.valueOf(code));
        ModemFileException file = assertInstanceOf(ModemFileException.class, e);
        assertEquals(code, file.code());
        assertEquals(code, file.fileError().code());
        assertEquals(meaning, file.meaning());
        assertEquals(retryable, file.isRetryable());
        assertEquals(code + " " + meaning, file.summary());
        assertFalse(file.hint().isBlank());
        assertTrue(file.getMessage().contains("+CME ERROR: " + code + " (" + meaning + ")"), file.getMessage());
        assertTrue(file.getMessage().contains("AT+QFUPL"), file.getMessage());
    }

    @Test
    void theTableHasEachCodeOnceAndOnlyInThe400s() {
        assertEquals(ModemFileError.values().length,
                Arrays.stream(ModemFileError.values()).mapToInt(ModemFileError::code).distinct().count());
        for (ModemFileError f : ModemFileError.values()) {
            assertTrue(f.code() >= 400 && f.code() < 500, f::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 10, 404, 408, 422, 427, 550, -1})
    void otherCodesStayPlainCmeErrorsWithTheirNumber(int code) {
        CmeErrorException e = CmeErrorException.of("AT+QFDEL=\"RAM:x\"", code, "some text");
        assertEquals(CmeErrorException.class, e.getClass());
        assertEquals(code, e.code());
        assertEquals("some text", e.text());
        assertFalse(e.isRetryable());
    }
}
