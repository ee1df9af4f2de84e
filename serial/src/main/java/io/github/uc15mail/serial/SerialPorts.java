package io.github.uc15mail.serial;

import com.fazecast.jSerialComm.SerialPort;
import io.github.uc15mail.serial.internal.UsbInterfaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the serial ports of this machine and picks out the UC15's AT port.
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

    /** The port of an attached UC15 that most likely carries AT commands, if any. Never throws. */
    public static Optional<SerialPortInfo> likelyUc15AtPort() {
        return likelyUc15AtPort(list());
    }

    /**
     * Chooses the likely AT port among {@code ports}: a UC15 port on interface 2, else a UC15 port whose
     * description names an AT port (as Windows drivers do). Empty when there is no such port.
     */
    public static Optional<SerialPortInfo> likelyUc15AtPort(List<SerialPortInfo> ports) {
        Optional<SerialPortInfo> byInterface = ports.stream()
                .filter(p -> SerialPortInfo.ROLE_AT.equals(p.role()))
                .findFirst();
        if (byInterface.isPresent()) {
            return byInterface;
        }
        return ports.stream()
                .filter(SerialPortInfo::isUc15)
                .filter(p -> p.description().toLowerCase(Locale.ROOT).contains("at port"))
                .findFirst();
    }
}
