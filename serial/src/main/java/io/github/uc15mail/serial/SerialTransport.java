package io.github.uc15mail.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.github.uc15mail.serial.SerialPortException.Reason;
import io.github.uc15mail.serial.internal.PortDiagnostics;
import io.github.uc15mail.serial.internal.PortFile;
import io.github.uc15mail.transport.Transport;
import io.github.uc15mail.transport.Transport.TransportListener;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Transport} over a serial port: the USB AT interface of a UC15, EC25, EG25-G or a sibling module
 * ({@code /dev/ttyUSB2}), a UART
 * ({@code /dev/ttyAMA0}), a stable link ({@code /dev/serial/by-id/...}), a link to a pseudo-terminal, or a
 * Windows {@code COM7}.
 *
 * <p>Guarantees, on top of those of {@link Transport}:
 * <ul>
 *   <li>{@link #open} checks the path with java.nio first, so a failure is a {@link SerialPortException}
 *       whose {@link SerialPortException#reason() reason} is precise and whose message names the path
 *       (missing, permission denied and which group to join, busy, not a serial device).</li>
 *   <li>One daemon thread per open transport reads the port and hands bytes to
 *       {@link TransportListener#onBytes} as they arrive, in order; {@link TransportListener#onClosed} is
 *       called on that same thread, after the last {@code onBytes}, exactly once.</li>
 *   <li>Losing the port (USB unplug, the device file vanishing, a read or write error) closes the
 *       transport and calls {@code onClosed} with a {@link SerialPortException} of reason
 *       {@link Reason#DISCONNECTED} naming the path, typically within 0.2 s.
 *       {@link #isOpen()} is false from then on.</li>
 *   <li>{@link #close()} calls {@code onClosed(null)} and returns after the reader thread has finished
 *       (within about 0.2 s), unless it is called from inside the listener, in which case it returns at
 *       once and {@code onClosed(null)} follows when the listener call returns.</li>
 *   <li>The port is opened with an exclusive lock: a second transport on the same port fails with
 *       {@link Reason#BUSY}.</li>
 * </ul>
 *
 * <p>What it does not do: it does not reopen a lost port (create a new {@code SerialTransport} for the same
 * path when the device is back), it does not frame lines or apply reply timeouts (that is the AT session's
 * job), and {@link #write} may block for as long as hardware flow control holds it back.
 *
 * <p>Each instance is opened at most once.
 */
public final class SerialTransport implements Transport {

    private static final Logger log = LoggerFactory.getLogger(SerialTransport.class);

    /** Read timeout of the reader thread; Linux rounds it to tenths of a second. */
    private static final int READ_POLL_MILLIS = 100;
    private static final int READ_BUFFER_SIZE = 4096;
    private static final long JOIN_MILLIS = 2_000;

    private final String path;
    private final SerialOptions options;

    private final Object writeLock = new Object();
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean portClosed = new AtomicBoolean();
    private final AtomicBoolean closedNotified = new AtomicBoolean();
    private volatile boolean running;
    private volatile boolean closeRequested;
    private volatile SerialPortException lostCause;
    private volatile SerialPort port;
    private volatile Thread reader;

    /** A transport for {@code path} with {@link SerialOptions#defaults()} (115200 8N1). */
    public SerialTransport(String path) {
        this(path, SerialOptions.defaults());
    }

    /**
     * A transport for {@code path} with the given line settings. Nothing is opened until {@link #open}.
     *
     * @param path    a device path such as {@code /dev/ttyUSB2}, a symbolic link to one, or {@code COM7}
     * @param options line settings
     */
    public SerialTransport(String path, SerialOptions options) {
        this.path = Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must not be blank");
        }
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The port path as given to the constructor. */
    public String path() {
        return path;
    }

    /** The line settings. */
    public SerialOptions options() {
        return options;
    }

    /**
     * Opens the port and starts the reader thread.
     *
     * @throws SerialPortException   when the port is missing, not permitted, busy, or refuses the settings;
     *                               the message is one sentence naming the path
     * @throws IllegalStateException when this transport was opened before
     */
    @Override
    public void open(TransportListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        if (!opened.compareAndSet(false, true)) {
            throw new IllegalStateException(describe() + " was already opened; create a new SerialTransport");
        }
        Optional<SerialPortException> early = PortDiagnostics.checkBeforeOpen(PortFile.inspect(path));
        if (early.isPresent()) {
            throw early.get();
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new SerialPortException(Reason.NOT_FOUND, path,
                    "Serial port " + path + " is not a valid port name; give a path such as /dev/ttyUSB2 or COM7.", e);
        }
        p.setComPortParameters(options.baudRate(), options.dataBits(), stopBits(options), parity(options));
        p.setFlowControl(options.rtsCts()
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        // Semi-blocking reads with a short timeout: a read returns as soon as any byte is there, or empty
        // after READ_POLL_MILLIS, so the reader can notice close() and a vanished device file. Writes are
        // plain blocking writes (no tcdrain): they return once the kernel has the bytes.
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_POLL_MILLIS, 0);
        if (!p.openPort(0)) {
            int code = p.getLastErrorCode();
            SerialPortException e = PortDiagnostics.openFailed(PortFile.inspect(path), code, PortFile.onWindows());
            log.debug("{}: openPort failed, error {} at native line {}", path, code, p.getLastErrorLocation());
            throw e;
        }
        boolean dtrOk = options.dtr() ? p.setDTR() : p.clearDTR();
        if (!dtrOk) {
            // Pseudo-terminals and some USB drivers have no modem-control lines; not an error.
            log.debug("{}: could not {} DTR (no modem-control lines?)", path, options.dtr() ? "raise" : "lower");
        }
        port = p;
        running = true;
        String device = p.getSystemPortPath();
        Thread t = new Thread(() -> readLoop(p, device, listener), "uc15mail-serial-" + path);
        t.setDaemon(true);
        reader = t;
        t.start();
        log.info("{}: open ({}, {})", path, device, options);
    }

    private void readLoop(SerialPort p, String device, TransportListener listener) {
        byte[] buffer = new byte[READ_BUFFER_SIZE];
        SerialPortException cause = null;
        try {
            while (running && !closeRequested) {
                int n = p.readBytes(buffer, buffer.length);
                if (n > 0) {
                    try {
                        listener.onBytes(buffer, 0, n);
                    } catch (RuntimeException e) {
                        log.warn("{}: listener threw on {} bytes; they are dropped", path, n, e);
                    }
                } else if (n == 0) {
                    if (!PortFile.stillExists(device)) {
                        cause = PortDiagnostics.disconnected(path, "device file " + device + " disappeared");
                        break;
                    }
                } else {
                    if (!closeRequested) {
                        cause = PortDiagnostics.disconnected(path,
                                "read failed, operating system error " + p.getLastErrorCode());
                    }
                    break;
                }
            }
        } catch (RuntimeException | Error e) {
            cause = new SerialPortException(Reason.OTHER, path,
                    "Serial port " + path + " failed while reading (" + e + ").", e);
        } finally {
            if (cause != null && !closeRequested) {
                fail(cause);
            }
            running = false;
            closePortOnce();
            notifyClosed(listener, closeRequested ? null : lostCause);
        }
    }

    private void notifyClosed(TransportListener listener, SerialPortException cause) {
        if (!closedNotified.compareAndSet(false, true)) {
            return;
        }
        if (cause == null) {
            log.info("{}: closed", path);
        } else {
            log.warn("{}: lost: {}", path, cause.getMessage());
        }
        try {
            listener.onClosed(cause);
        } catch (RuntimeException e) {
            log.warn("{}: listener threw in onClosed", path, e);
        }
    }

    private void closePortOnce() {
        SerialPort p = port;
        if (p != null && portClosed.compareAndSet(false, true)) {
            if (!p.closePort()) {
                log.debug("{}: closePort returned false (already gone)", path);
            }
        }
    }

    /**
     * Writes all {@code length} bytes, blocking until the operating system has them. A failed write means
     * the port is gone: the transport closes, {@code onClosed} gets the same exception, and it is thrown.
     *
     * @throws SerialPortException when the port is closed or the write failed
     */
    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        synchronized (writeLock) {
            SerialPort p = port;
            if (p == null || !isOpen()) {
                SerialPortException lost = lostCause;
                if (lost != null) {
                    throw new SerialPortException(lost.reason(), path, lost.getMessage(), lost);
                }
                throw new SerialPortException(Reason.OTHER, path, "Serial port " + path
                        + (p == null ? " is not open yet." : " is closed."));
            }
            int done = 0;
            while (done < length) {
                int n = p.writeBytes(data, length - done, offset + done);
                if (n <= 0) {
                    SerialPortException e = PortFile.stillExists(p.getSystemPortPath())
                            ? PortDiagnostics.disconnected(path, "write failed, operating system error " + p.getLastErrorCode())
                            : PortDiagnostics.disconnected(path, "device file " + p.getSystemPortPath() + " disappeared");
                    fail(e);
                    throw e;
                }
                done += n;
            }
        }
    }

    /** Records a loss found outside the reader thread; the reader then closes and reports it. */
    private synchronized void fail(SerialPortException cause) {
        if (lostCause == null) {
            lostCause = cause;
        }
        running = false;
    }

    @Override
    public boolean isOpen() {
        return running && !closeRequested && lostCause == null;
    }

    /** The path as given, for example {@code /dev/ttyUSB2}. */
    @Override
    public String describe() {
        return path;
    }

    /** Closes the port and reports {@code onClosed(null)} if it was open. Idempotent; never throws. */
    @Override
    public void close() {
        closeRequested = true;
        Thread t = reader;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(JOIN_MILLIS);
            if (t.isAlive()) {
                log.warn("{}: reader did not stop within {} ms; closing the port under it", path, JOIN_MILLIS);
                closePortOnce();
                t.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closePortOnce();
        }
    }

    @Override
    public String toString() {
        return "SerialTransport[" + path + ", " + options + (isOpen() ? ", open" : "") + "]";
    }

    private static int stopBits(SerialOptions o) {
        return o.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(SerialOptions o) {
        switch (o.parity()) {
            case ODD:
                return SerialPort.ODD_PARITY;
            case EVEN:
                return SerialPort.EVEN_PARITY;
            default:
                return SerialPort.NO_PARITY;
        }
    }
}
