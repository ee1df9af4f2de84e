package io.github.uc15mail.serial;

import java.util.Objects;
import java.util.Optional;

/**
 * One serial port seen by {@link SerialPorts#list()}: where it is, what the system calls it, and, for USB
 * ports, the vendor and product ids and the USB interface number.
 *
 * <p>{@link #modemUsbId()} says which Quectel module family the USB ids belong to ({@link ModemUsbId}: UC15,
 * UC20, EC2x/EG2x-G/EG9x/EM05, AG35, and the BG9x without SMTP). That is a hint, not an identification: ids are
 * shared and can be reconfigured, and only the module's answer to {@code ATI} says which module it is.
 * {@link #role()} is a guess too: it maps the interface number to what it usually is with the Linux
 * {@code option} driver (0 DM, 1 NMEA, 2 AT commands, 3 modem/PPP), and every role string ends in
 * "(likely)" to say so. A port path from configuration never needs this record.
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

    /** Role of the interface normally carrying AT commands (number 2); see {@link #role()}. */
    public static final String ROLE_AT = "AT commands (likely)";
    /** Role of interface 0. */
    public static final String ROLE_DM = "DM diagnostics (likely)";
    /** Role of interface 1. */
    public static final String ROLE_NMEA = "NMEA (likely)";
    /** Role of interface 3. */
    public static final String ROLE_MODEM = "modem (PPP) (likely)";
    /** A port of a known module whose interface number is unknown or unusual. */
    public static final String ROLE_UNKNOWN = "modem interface, role unknown";
    /**
     * The former name of {@link #ROLE_UNKNOWN}, from when only the UC15 was recognised.
     *
     * @deprecated use {@link #ROLE_UNKNOWN}
     */
    @Deprecated
    public static final String ROLE_UNKNOWN_UC15 = ROLE_UNKNOWN;
    /** Any port whose USB ids are not a known Quectel module's. */
    public static final String ROLE_NONE = "not a known Quectel module";

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

    /** Whether this is a Quectel UC15 interface, by its USB ids 05C6:9090. See {@link #modemUsbId()} for the others. */
    public boolean isUc15() {
        return vendorId == UC15_VENDOR_ID && productId == UC15_PRODUCT_ID;
    }

    /** The known Quectel module family of these USB ids, if any (a hint; {@code ATI} decides). */
    public Optional<ModemUsbId> modemUsbId() {
        return ModemUsbId.of(vendorId, productId);
    }

    /** Whether the USB ids are those of a module in {@link ModemUsbId}. */
    public boolean isKnownModem() {
        return modemUsbId().isPresent();
    }

    /**
     * A guess at what this port carries: one of the {@code ROLE_*} constants. For a known module it comes from
     * the interface number (2 is the AT port); for anything else it is {@link #ROLE_NONE}.
     */
    public String role() {
        if (!isKnownModem()) {
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
                return ROLE_UNKNOWN;
        }
    }

    /**
     * For example {@code /dev/ttyUSB2 [05c6:9090 if 2] UC15 AT commands (likely) "Qualcomm CDMA Technologies MSM"}
     * or {@code /dev/ttyUSB2 [2c7c:0125 if 2] EC25/EG25-G/EM05 AT commands (likely)}; a module without the SMTP
     * service is marked {@code (no SMTP service)}.
     */
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
        modemUsbId().ifPresent(id -> {
            sb.append(' ').append(id.models()).append(' ').append(role());
            if (!id.smtpExpected()) {
                sb.append(" (no SMTP service)");
            }
        });
        if (!description.isEmpty()) {
            sb.append(" \"").append(description).append('"');
        }
        return sb.toString();
    }
}
