package io.github.uc15mail.serial;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The "modem" end of a {@link PtyPair}, driven with plain file streams (not with the code under test). A
 * daemon thread copies everything read into a {@link Recorder}; it ends when socat goes away.
 */
final class DeviceEnd implements AutoCloseable {

    final Recorder received = new Recorder();
    private final FileInputStream in;
    private final FileOutputStream out;
    private final Thread pump;

    DeviceEnd(Path pty) throws IOException {
        out = new FileOutputStream(pty.toFile());
        in = new FileInputStream(pty.toFile());
        pump = new Thread(this::pump, "device-end-" + pty.getFileName());
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        byte[] buf = new byte[4096];
        Throwable cause = null;
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                received.onBytes(buf, 0, n);
            }
        } catch (IOException e) {
            cause = e;
        }
        received.onClosed(cause);
    }

    void write(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // best effort
        }
        try {
            in.close();
        } catch (IOException e) {
            // best effort
        }
    }
}
