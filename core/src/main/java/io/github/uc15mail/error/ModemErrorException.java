package io.github.uc15mail.error;

/** The modem answered a command with a bare {@code ERROR}: it rejected it without saying why. */
public class ModemErrorException extends Uc15Exception {

    private final String command;

    public ModemErrorException(String command) {
        super("modem answered ERROR to " + command);
        this.command = command;
    }

    /** The command that failed, with secrets masked. */
    public String command() {
        return command;
    }
}
