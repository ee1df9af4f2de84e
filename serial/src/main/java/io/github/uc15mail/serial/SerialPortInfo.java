package io.github.uc15mail.serial;

import java.util.Objects;

/**
 * One serial port seen by {@link SerialPorts#list()}: where it is, what the system calls it, and, for USB
 * ports, the vendor and product ids and the USB interface number.
 *
 * <p>{@link #isUc15()} is a fact read from the USB ids. {@link #role()} is a guess: it maps the UC15's
 * interface numbers to what they usually are with the Linux {@code option} driver (0 DM, 1 NMEA, 2 AT
 * commands, 3 modem/PPP), and every role string ends in "(likely)" to say so. A port path from
 * configuration never needs this record.
 *
 * @param systemPath      the path to open, for example {@code /dev/ttyUSB2} or {@code COM7}
 * @param description     what the system or the USB descriptors call the port; may be empty
 * @param vendorId        USB vendor id, or -1 when unknown or not USB
 * @param productId       USB product id, or -1 when unknown or not USB
 * @param location        the physical location jSerialComm reports (bus and port path), may be empty
 * @param interfaceNumber USB interface number of this port within its device, or -1 when unknown
 */
public record SerialPortInfo(
        String systemPath,
        String description,
        int vendorId,
        int productId,
        String location,
        int interfaceNumber) {

    /** Qualcomm's vendor id, which the UC15 uses. */
    public static final int UC15_VENDOR_ID = 0x05C6;
    /** The UC15's product id. */
    public static final int UC15_PRODUCT_ID = 0x9090;

    /** Role of the UC15 interface normally carrying AT commands; see {@link #role()}. */
    public static final String ROLE_AT = "AT commands (likely)";
    /** Role of interface 0. */
    public static final String ROLE_DM = "DM diagnostics (likely)";
    /** Role of interface 1. */
    public static final String ROLE_NMEA = "NMEA (likely)";
    /** Role of interface 3. */
    public static final String ROLE_MODEM = "modem (PPP) (likely)";
    /** A UC15 port whose interface number is unknown or unusual. */
    public static final String ROLE_UNKNOWN_UC15 = "UC15 interface, role unknown";
    /** Any port that is not a UC15. */
    public static final String ROLE_NONE = "not a UC15";

    /** Normalises nulls: {@code description} and {@code location} become empty strings. */
    public SerialPortInfo {
        Objects.requireNonNull(systemPath, "systemPath");
        description = description == null ? "" : description;
        location = location == null ? "" : location;
    }

    /** A port without USB information, for example a UART or a pseudo-terminal. */
    public static SerialPortInfo plain(String systemPath, String description) {
        return new SerialPortInfo(systemPath, description, -1, -1, "", -1);
    }

    /** Whether this is a Quectel UC15 interface, by its USB ids 05C6:9090. */
    public boolean isUc15() {
        return vendorId == UC15_VENDOR_ID && productId == UC15_PRODUCT_ID;
    }

    /**
     * A guess at what this port carries: one of the {@code ROLE_*} constants. For a UC15 it comes from the
     * interface number (2 is the AT port); for anything else it is {@link #ROLE_NONE}.
     */
    public String role() {
        if (!isUc15()) {
            return ROLE_NONE;
        }
        switch (interfaceNumber) {
            case 0:
                return ROLE_DM;
            case 1:
                return ROLE_NMEA;
            case 2:
                return ROLE_AT;
            case 3:
                return ROLE_MODEM;
            default:
                return ROLE_UNKNOWN_UC15;
        }
    }

    /** For example {@code /dev/ttyUSB2 [05c6:9090 if 2] UC15 AT commands (likely) "Qualcomm CDMA Technologies MSM"}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(systemPath);
        if (vendorId >= 0 && productId >= 0) {
            sb.append(String.format(" [%04x:%04x", vendorId, productId));
            if (interfaceNumber >= 0) {
                sb.append(" if ").append(interfaceNumber);
            }
            sb.append(']');
        }
        if (isUc15()) {
            sb.append(" UC15 ").append(role());
        }
        if (!description.isEmpty()) {
            sb.append(" \"").append(description).append('"');
        }
        return sb.toString();
    }
}
