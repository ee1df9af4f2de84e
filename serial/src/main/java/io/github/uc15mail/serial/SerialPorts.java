package io.github.uc15mail.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.github.uc15mail.serial.internal.UsbInterfaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the serial ports of this machine and picks out the AT port of a Quectel module: UC15, UC20, EC25,
 * EG25-G, EC21, EG91, EG95, EM05, AG35 (the ids in {@link ModemUsbId}).
 *
 * <p>The USB id is a hint: several modules share one (EC25, EG25-G and some EM05 are all 2C7C:0125) and it
 * can be reconfigured. Which module it really is, and whether it can send mail, is decided when the port is
 * opened, by the module's answer to {@code ATI} and {@code AT+QSMTPCFG=?}.
 *
 * <p>Discovery is a convenience for first-time setup and for a "which port?" hint in error messages. It
 * never throws: when the native enumeration fails it logs a warning and returns an empty list. It does not
 * open any port, so it cannot tell which interface really answers AT commands, and it does not list
 * pseudo-terminals. A port path taken from configuration works with {@link SerialTransport} whether or not it
 * appears here.
 */
public final class SerialPorts {

    private static final Logger log = LoggerFactory.getLogger(SerialPorts.class);

    private SerialPorts() {
    }

    /** Every serial port the operating system reports, in its order. Never throws. */
    public static List<SerialPortInfo> list() {
        SerialPort[] ports;
        try {
            ports = SerialPort.getCommPorts();
        } catch (RuntimeException | LinkageError e) {
            log.warn("Could not list serial ports ({}); give the port path explicitly", e.toString());
            return List.of();
        }
        List<SerialPortInfo> out = new ArrayList<>(ports.length);
        for (SerialPort p : ports) {
            try {
                String path = p.getSystemPortPath();
                String location = p.getPortLocation();
                String description = p.getPortDescription();
                if (description == null || description.isBlank()) {
                    description = p.getDescriptivePortName();
                }
                out.add(new SerialPortInfo(path, description, p.getVendorID(), p.getProductID(), location,
                        UsbInterfaces.interfaceNumber(path, location)));
            } catch (RuntimeException e) {
                log.debug("Skipping a serial port that could not be described", e);
            }
        }
        List<SerialPortInfo> result = List.copyOf(UsbInterfaces.guessMissingByOrder(out));
        log.debug("Serial ports: {}", result);
        return result;
    }

    /** The port of an attached Quectel module that most likely carries AT commands, if any. Never throws. */
    public static Optional<SerialPortInfo> likelyAtPort() {
        return likelyAtPort(list());
    }

    /**
     * Chooses the likely AT port among {@code ports}: a known module's port on interface 2, else a known
     * module's port whose description names an AT port (as Windows drivers do). A module expected to have the
     * SMTP service wins over one without it (a BG96, say); otherwise the listing order decides. Empty when
     * there is no such port.
     */
    public static Optional<SerialPortInfo> likelyAtPort(List<SerialPortInfo> ports) {
        Comparator<SerialPortInfo> smtpFirst = Comparator.comparing(
                (SerialPortInfo p) -> p.modemUsbId().map(ModemUsbId::smtpExpected).orElse(false)).reversed();
        Optional<SerialPortInfo> byInterface = ports.stream()
                .filter(p -> SerialPortInfo.ROLE_AT.equals(p.role()))
                .sorted(smtpFirst)
                .findFirst();
        if (byInterface.isPresent()) {
            return byInterface;
        }
        return ports.stream()
                .filter(SerialPortInfo::isKnownModem)
                .filter(p -> p.description().toLowerCase(Locale.ROOT).contains("at port"))
                .sorted(smtpFirst)
                .findFirst();
    }

    /**
     * The former name of {@link #likelyAtPort()}, which now covers every module in {@link ModemUsbId}.
     *
     * @deprecated use {@link #likelyAtPort()}
     */
    @Deprecated
    public static Optional<SerialPortInfo> likelyUc15AtPort() {
        return likelyAtPort();
    }

    /**
     * The former name of {@link #likelyAtPort(List)}, which now covers every module in {@link ModemUsbId}.
     *
     * @deprecated use {@link #likelyAtPort(List)}
     */
    @Deprecated
    public static Optional<SerialPortInfo> likelyUc15AtPort(List<SerialPortInfo> ports) {
        return likelyAtPort(ports);
    }
}
