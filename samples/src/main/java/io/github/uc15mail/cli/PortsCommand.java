package io.github.uc15mail.cli;

import io.github.uc15mail.serial.SerialPortInfo;
import io.github.uc15mail.serial.SerialPorts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;

/** {@code uc15mail ports}: the serial ports of this machine, with a UC15 recognised and its likely AT port. */
@Command(name = "ports", mixinStandardHelpOptions = true, version = Uc15MailCli.VERSION,
        description = {"List the serial ports; recognise a UC15 (USB 05C6:9090) and its likely AT port.",
                "Opens no port. Pseudo-terminals are not listed; give their path to --port directly."})
public final class PortsCommand implements Callable<Integer> {

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
            context.out().println("No serial ports found. Is the UC15 plugged in (lsusb should show 05c6:9090)?");
            return ExitCodes.OK;
        }
        Optional<SerialPortInfo> at = SerialPorts.likelyUc15AtPort(found);
        for (SerialPortInfo p : found) {
            boolean isAt = at.isPresent() && at.get().systemPath().equals(p.systemPath());
            context.out().println((isAt ? "* " : "  ") + p);
        }
        if (at.isPresent()) {
            context.out().println("UC15 found; its AT port is likely " + at.get().systemPath()
                    + " (try: uc15mail probe --port " + at.get().systemPath() + ")");
        } else if (found.stream().anyMatch(SerialPortInfo::isUc15)) {
            context.out().println("UC15 found, but its AT port is not clear; try 'uc15mail probe --port' on each of its ports.");
        } else {
            context.out().println("No UC15 among these ports (USB id 05c6:9090). On a UART, use its path (/dev/serial0).");
        }
        return ExitCodes.OK;
    }
}
