package io.github.uc15mail.serial.internal;

import io.github.uc15mail.serial.SerialPortException;
import io.github.uc15mail.serial.SerialPortException.Reason;
import java.util.Optional;

/**
 * Turns file facts and operating-system error numbers into a {@link SerialPortException} with one sentence
 * a user can act on. Pure functions, so every message is unit-tested without hardware or root.
 */
public final class PortDiagnostics {

    // Linux errno values jSerialComm passes through from open(2), flock(2) and tcsetattr(3).
    static final int EPERM = 1;
    static final int ENOENT = 2; // also jSerialComm's own "already open in this process"
    static final int EIO = 5;
    static final int ENXIO = 6;
    static final int EAGAIN = 11; // flock: another process holds the port
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int ENODEV = 19;
    static final int ENOTTY = 25;
    // Windows GetLastError values.
    static final int WIN_FILE_NOT_FOUND = 2;
    static final int WIN_PATH_NOT_FOUND = 3;
    static final int WIN_ACCESS_DENIED = 5;

    private PortDiagnostics() {
    }

    /** A problem visible before opening (missing path, directory, no permission), or empty. */
    public static Optional<SerialPortException> checkBeforeOpen(PortFile f) {
        if (!f.exists()) {
            return Optional.of(notFound(f));
        }
        if (f.directory()) {
            return Optional.of(new SerialPortException(Reason.OTHER, f.path(),
                    "Serial port " + f.path() + " is a directory, not a device; give the device path, such as /dev/ttyUSB2."));
        }
        if (!f.readable() || !f.writable()) {
            return Optional.of(permissionDenied(f));
        }
        return Optional.empty();
    }

    /**
     * Explains why jSerialComm's {@code openPort} returned false.
     *
     * @param after     the file facts re-read after the failure (the device may have vanished meanwhile)
     * @param errorCode {@code SerialPort.getLastErrorCode()}
     * @param windows   whether error codes are Windows ones
     */
    public static SerialPortException openFailed(PortFile after, int errorCode, boolean windows) {
        String path = after.path();
        if (windows) {
            switch (errorCode) {
                case WIN_FILE_NOT_FOUND:
                case WIN_PATH_NOT_FOUND:
                    return new SerialPortException(Reason.NOT_FOUND, path, "Serial port " + path
                            + " does not exist; check the name in Device Manager and that the modem is plugged in.");
                case WIN_ACCESS_DENIED:
                    return busy(path, "another program");
                default:
                    return other(path, errorCode);
            }
        }
        if (!after.exists()) {
            return notFound(after);
        }
        switch (errorCode) {
            case ENOENT:
                // The path exists, so this is jSerialComm's own code for "this process already has it open".
                return busy(path, "another transport in this application");
            case EAGAIN:
            case EBUSY:
                return busy(path, "another program");
            case EACCES:
            case EPERM:
                return permissionDenied(after);
            case ENXIO:
            case ENODEV:
            case EIO:
                return new SerialPortException(Reason.NOT_FOUND, path, "Serial port " + path
                        + " exists but no device answers behind it (error " + errorCode
                        + "); check that the modem is plugged in and powered.");
            case ENOTTY:
                return new SerialPortException(Reason.OTHER, path, "Serial port " + path
                        + " is not a serial device (error " + errorCode + "); give the path of a tty, such as /dev/ttyUSB2.");
            default:
                return other(path, errorCode);
        }
    }

    /** The port went away while open; {@code how} says how it was noticed, in a few words. */
    public static SerialPortException disconnected(String path, String how) {
        return new SerialPortException(Reason.DISCONNECTED, path, "Serial port " + path
                + " was disconnected (" + how + "); open a new transport when the device is back.");
    }

    static SerialPortException notFound(PortFile f) {
        String path = f.path();
        if (f.symlink() && f.linkTarget() != null) {
            return new SerialPortException(Reason.NOT_FOUND, path, "Serial port " + path
                    + " does not exist (it is a link to " + f.linkTarget()
                    + ", which is gone); check that the modem is plugged in.");
        }
        return new SerialPortException(Reason.NOT_FOUND, path, "Serial port " + path
                + " does not exist; check the path and that the modem is plugged in.");
    }

    static SerialPortException permissionDenied(PortFile f) {
        String path = f.path();
        String group = f.group();
        String perms = f.permissions();
        String message;
        if (group != null && !"root".equals(group) && perms != null && perms.startsWith("rw", 3)) {
            message = "Permission denied on serial port " + path + ": add your user to the '" + group
                    + "' group that owns it (sudo usermod -aG " + group + " $USER) and log in again.";
        } else if (group != null && perms != null) {
            message = "Permission denied on serial port " + path + ": it is owned by " + f.owner() + ":" + group
                    + " with mode " + perms + ", so give your user read and write access to it"
                    + " (usually through the 'dialout' group).";
        } else {
            message = "Permission denied on serial port " + path
                    + ": your user needs read and write access to it (on Linux, membership in the 'dialout' group).";
        }
        return new SerialPortException(Reason.PERMISSION_DENIED, path, message);
    }

    static SerialPortException busy(String path, String who) {
        return new SerialPortException(Reason.BUSY, path, "Serial port " + path + " is busy: " + who
                + " has it open, so close that first (ModemManager often grabs modem ports).");
    }

    static SerialPortException other(String path, int errorCode) {
        return new SerialPortException(Reason.OTHER, path, "Serial port " + path
                + " could not be opened (operating system error " + errorCode + ").");
    }
}
