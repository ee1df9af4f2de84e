package io.github.uc15mail.cli;

import picocli.CommandLine.Option;

/** The modem's AT port, {@code --port}: for the commands that talk to one modem (not {@code gateway}, which takes {@code --modem}). A picocli mixin: a command shows only the groups it takes. */
public final class PortFlag {

    @Option(names = "--port", paramLabel = "PATH",
            description = "Serial port of the modem's AT interface (/dev/ttyUSB2, COM7, a pty), or tcp:HOST:PORT "
                    + "for a modem behind ser2net/socat or 'uc15mail emulate'. Required.")
    String port;
}
