package io.github.uc15mail.cli;

import io.github.uc15mail.at.TrafficListener;
import java.io.PrintStream;

/**
 * Prints the AT traffic of a session for {@code --verbose}: {@code > } for what the host wrote,
 * {@code < } for what the modem answered, payloads as a byte count. Every line goes through a
 * {@link SecretMasker} first, so passwords never reach the terminal.
 */
public final class TrafficPrinter implements TrafficListener {

    private final PrintStream out;
    private final SecretMasker masker;

    public TrafficPrinter(PrintStream out, SecretMasker masker) {
        this.out = out;
        this.masker = masker;
    }

    @Override
    public void onCommand(String maskedLine) {
        out.println("> " + masker.mask(maskedLine));
    }

    @Override
    public void onPayload(String maskedCommand, long bytes) {
        out.println("> [" + bytes + " bytes of data for " + masker.mask(maskedCommand) + "]");
    }

    @Override
    public void onLine(String maskedLine) {
        out.println("< " + masker.mask(maskedLine));
    }
}
