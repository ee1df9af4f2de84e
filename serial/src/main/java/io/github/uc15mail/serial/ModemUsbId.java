package io.github.uc15mail.serial;

import java.util.Optional;

/**
 * The USB vendor and product ids of the Quectel modules uc15mail knows, with the interface that usually
 * carries AT commands (number 2 on all of them with the Linux {@code option} driver: 0 DM, 1 NMEA, 2 AT,
 * 3 modem/PPP, and on the LTE modules 4 QMI, which is not a serial port).
 *
 * <p>An id is a hint, never an identification: EC25, EG25-G and some EM05 share 2C7C:0125, third-party
 * boards relabel modules, and {@code AT+QCFG="usbcfg"} can change the ids. The module's answer to
 * {@code ATI} decides which module it is (see {@code io.github.uc15mail.at.ModuleProbe} in core).
 * Sources: Linux {@code drivers/usb/serial/option.c}, ModemManager's Quectel port rules and vendor driver
 * notes, as gathered in the project's {@code quectel-smtp-family.md}.
 */
public enum ModemUsbId {
    /** UC15 (3G), Qualcomm's vendor id; AT interface inferred. */
    UC15(0x05C6, 0x9090, "UC15", true, false),
    /** UC20 (3G); AT interface inferred. */
    UC20(0x05C6, 0x9003, "UC20", true, false),
    /** Early EC20 under Qualcomm's vendor id; AT interface inferred. */
    EC20(0x05C6, 0x9215, "EC20", true, false),
    /** EC25, EG25-G and some EM05: one id for all three. */
    EC25(0x2C7C, 0x0125, "EC25/EG25-G/EM05", true, true),
    /** EC21. */
    EC21(0x2C7C, 0x0121, "EC21", true, true),
    /** EG91. */
    EG91(0x2C7C, 0x0191, "EG91", true, true),
    /** EG95. */
    EG95(0x2C7C, 0x0195, "EG95", true, true),
    /** AG35 (automotive); AT interface inferred. */
    AG35(0x2C7C, 0x0435, "AG35", true, false),
    /** BG96: recognised so that {@code ports} can say it has no SMTP service. */
    BG96(0x2C7C, 0x0296, "BG96", false, true),
    /** BG95: no SMTP service ({@code AT+QSMTPCFG=?} answers ERROR); AT interface inferred. */
    BG95(0x2C7C, 0x0700, "BG95", false, false);

    /** The interface number of the AT port on every module listed here. */
    public static final int AT_INTERFACE = 2;

    private final int vendorId;
    private final int productId;
    private final String models;
    private final boolean smtp;
    private final boolean atInterfaceVerified;

    ModemUsbId(int vendorId, int productId, String models, boolean smtp, boolean atInterfaceVerified) {
        this.vendorId = vendorId;
        this.productId = productId;
        this.models = models;
        this.smtp = smtp;
        this.atInterfaceVerified = atInterfaceVerified;
    }

    /** The entry for these ids, if uc15mail knows them. */
    public static Optional<ModemUsbId> of(int vendorId, int productId) {
        for (ModemUsbId id : values()) {
            if (id.vendorId == vendorId && id.productId == productId) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    public int vendorId() {
        return vendorId;
    }

    public int productId() {
        return productId;
    }

    /** The module or modules that use this id, such as {@code EC25/EG25-G/EM05}. */
    public String models() {
        return models;
    }

    /** Whether the modules behind this id are expected to have the {@code AT+QSMTP} service uc15mail drives. */
    public boolean smtpExpected() {
        return smtp;
    }

    /** The usual AT interface number: {@value #AT_INTERFACE}. */
    public int atInterface() {
        return AT_INTERFACE;
    }

    /**
     * Whether a primary source (the kernel driver or ModemManager's port rules) confirms interface 2 as the AT
     * port for this id; false where it is inferred from the sibling modules.
     */
    public boolean atInterfaceVerified() {
        return atInterfaceVerified;
    }

    /** The ids in {@code lsusb} form, such as {@code 2c7c:0125}. */
    public String usbId() {
        return String.format("%04x:%04x", vendorId, productId);
    }
}
