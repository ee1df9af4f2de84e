package io.github.uc15mail.benchmarks;

import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The modem end of a pipe that answers every command line ({@code ...\r}) with {@code \r\nOK\r\n} at
 * once, on the thread that delivered the line. Echo off, no other behaviour: it costs as little as a
 * modem can, so a round trip measures the host side and the pipe.
 */
public final class InstantResponder implements TransportListener {

    private static final byte[] OK = "\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Transport modemEnd;

    private InstantResponder(Transport modemEnd) {
        this.modemEnd = modemEnd;
    }

    /** Opens {@code modemEnd} and answers on it until it closes. */
    public static void serve(Transport modemEnd) {
        try {
            modemEnd.open(new InstantResponder(modemEnd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onBytes(byte[] data, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (data[i] == '\r') {
                try {
                    modemEnd.write(OK, 0, OK.length);
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    @Override
    public void onClosed(Throwable cause) {
    }
}
