package io.github.uc15mail.serial;

import java.io.IOException;
import java.util.Objects;

/**
 * A serial port could not be opened, or was lost while open.
 *
 * <p>The {@linkplain #getMessage() message} is one sentence meant for the person running the program: it
 * names the port path and says what to do about it (plug the modem in, join the {@code dialout} group, close
 * the other program). Code should branch on {@link #reason()}, never on the message text, which may be
 * reworded.
 *
 * <p>The reason is a best effort: it is worked out from the file system and from the error number the
 * operating system returned, and an unusual driver may report a cause that lands in {@link Reason#OTHER}.
 */
public class SerialPortException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why the port could not be used. */
    public enum Reason {
        /** The path does not exist, or no device is behind it (modem unplugged, wrong name). */
        NOT_FOUND,
        /** The device exists but this user may not read and write it. */
        PERMISSION_DENIED,
        /** Another program, or another transport in this process, has the port open. */
        BUSY,
        /** The port was open and went away: USB unplug, modem reset, or the far end of a pseudo-terminal closed. */
        DISCONNECTED,
        /** Anything else, for example a path that is not a serial device or settings the driver refused. */
        OTHER
    }

    private final Reason reason;
    private final String path;

    /**
     * @param reason  the classification
     * @param path    the port path as the user gave it
     * @param message one sentence naming {@code path}
     * @param cause   an underlying exception, or {@code null}
     */
    public SerialPortException(Reason reason, String path, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = Objects.requireNonNull(path, "path");
    }

    /** @see #SerialPortException(Reason, String, String, Throwable) */
    public SerialPortException(Reason reason, String path, String message) {
        this(reason, path, message, null);
    }

    /** Why the port could not be used. */
    public Reason reason() {
        return reason;
    }

    /** The port path as the user gave it, for example {@code /dev/ttyUSB2} or {@code COM7}. */
    public String path() {
        return path;
    }
}
