package io.github.uc15mail.cli;

import io.github.uc15mail.serial.ModemUsbId;
import io.github.uc15mail.serial.SerialPortInfo;
import io.github.uc15mail.serial.SerialPorts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * {@code uc15mail ports}: the serial ports of this machine, with a Quectel module recognised by its USB id and
 * its likely AT port marked. The USB id is a hint; {@code probe} reads {@code ATI} to tell the module.
 */
@Command(name = "ports", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = {"List the serial ports and mark a Quectel module's likely AT port.",
                "Modules are recognised by USB id (UC15 05c6:9090, EC25/EG25-G 2c7c:0125, ...). The id is a hint:",
                "'probe' reads ATI to tell the module. Opens no port. Pseudo-terminals are not",
                "listed; give their path to --port directly."})
public final class PortsCommand implements Callable<Integer> {

    static final String KNOWN_IDS = "UC15 05c6:9090, EC25/EG25-G 2c7c:0125";

    private final CliContext context;
    private final Supplier<List<SerialPortInfo>> ports;

    public PortsCommand(CliContext context) {
        this(context, SerialPorts::list);
    }

    PortsCommand(CliContext context, Supplier<List<SerialPortInfo>> ports) {
        this.context = context;
        this.ports = ports;
    }

    @Override
    public Integer call() {
        List<SerialPortInfo> found = ports.get();
        if (found.isEmpty()) {
            context.out().println("No serial ports found. Is the modem plugged in (lsusb should show " + KNOWN_IDS + ")?");
            return ExitCodes.OK;
        }
        Optional<SerialPortInfo> at = SerialPorts.likelyAtPort(found);
        for (SerialPortInfo p : found) {
            boolean isAt = at.isPresent() && at.get().systemPath().equals(p.systemPath());
            context.out().println((isAt ? "* " : "  ") + p);
        }
        if (at.isPresent()) {
            ModemUsbId id = at.get().modemUsbId().orElseThrow();
            String path = at.get().systemPath();
            if (id.smtpExpected()) {
                context.out().println(id.models() + " found (USB " + id.usbId() + "); its AT port is likely " + path
                        + " (try: uc15mail probe --port " + path + "; probe reads ATI to tell the module)");
            } else {
                context.out().println(id.models() + " found (USB " + id.usbId() + ") on " + path
                        + ", but it has no SMTP service of the AT+QSMTP kind: uc15mail cannot send with it.");
            }
        } else if (found.stream().anyMatch(SerialPortInfo::isKnownModem)) {
            context.out().println("A Quectel module was found, but its AT port is not clear;"
                    + " try 'uc15mail probe --port' on each of its ports.");
        } else {
            context.out().println("No Quectel module among these ports (USB ids " + KNOWN_IDS
                    + ", ...). On a UART, use its path (/dev/serial0).");
        }
        return ExitCodes.OK;
    }
}
