package io.github.uc15mail.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.uc15mail.error.ModemErrorException.CmeErrorException;
import io.github.uc15mail.error.ModemFileException.ModemFileError;
import io.github.uc15mail.error.ModemFileException;
import io.github.uc15mail.testkit.InMemoryTransport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A file-system {@code +CME ERROR} from the modem reaches the caller as a {@link ModemFileException}. */
class AtSessionFileErrorTest {

    private FakeModem modem;
    private AtSession session;

    @BeforeEach
    void open() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        modem = new FakeModem(pair.modem());
        session = AtSession.open(pair.host(), AtSessionOptions.builder().resyncReplyTimeout(Duration.ofMillis(500))
                .guardTime(Duration.ofMillis(50)).build());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void fileCodesAreTypedAndOtherCodesKeepTheirNumber() throws Exception {
        CompletableFuture<AtResponse> full = session.execute(Commands.listFiles("RAM:*"));
        modem.takeLine();
        modem.reply("\r\n+CME ERROR: 423\r\n");
        ModemFileException e = assertInstanceOf(ModemFileException.class, failure(full));
        assertEquals(ModemFileError.FILE_TOO_LARGE, e.fileError());
        assertEquals("AT+QFLST=\"RAM:*\"", e.command());

        CompletableFuture<AtResponse> other = session.execute(Commands.deleteFile("RAM:x"));
        modem.takeLine();
        modem.reply("\r\n+CME ERROR: 3\r\n");
        CmeErrorException plain = assertInstanceOf(CmeErrorException.class, failure(other));
        assertEquals(CmeErrorException.class, plain.getClass());
        assertEquals(3, plain.code());
    }

    private static Throwable failure(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        return e.getCause();
    }
}
